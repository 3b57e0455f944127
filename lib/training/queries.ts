import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";

export type Training = Database["public"]["Tables"]["partner_training"]["Row"];

/** A partner's courses and certifications. */
export async function listPartnerTraining(partnerId: string): Promise<Training[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("partner_training")
    .select("*")
    .eq("partner_id", partnerId)
    .order("kind", { ascending: false })
    .order("name")
    .limit(100);
  if (error) throw error;
  return data;
}
