import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";

export type PartnerDocument = Database["public"]["Tables"]["partner_documents"]["Row"];

/** A partner's document links, newest first. */
export async function listPartnerDocuments(partnerId: string): Promise<PartnerDocument[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("partner_documents")
    .select("*")
    .eq("partner_id", partnerId)
    .order("created_at", { ascending: false })
    .limit(500);
  if (error) throw error;
  return data;
}
