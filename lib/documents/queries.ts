import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { pastEndPage, pageRange, paged, type Paged } from "@/lib/paging/page";

export type PartnerDocument = Database["public"]["Tables"]["partner_documents"]["Row"];

/** One page of a partner's document links, newest first, with how many there are in all. */
export async function listPartnerDocuments(partnerId: string, page: number): Promise<Paged<PartnerDocument>> {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .from("partner_documents")
    .select("*", { count: "exact" })
    .eq("partner_id", partnerId)
    .order("created_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data, count, page);
}
