import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { pastEndPage, pageRange, paged, type Paged } from "@/lib/paging/page";

export type Training = Database["public"]["Tables"]["partner_training"]["Row"];

/** One page of a partner's courses and certifications (certifications first), with the total. */
export async function listPartnerTraining(partnerId: string, page: number): Promise<Paged<Training>> {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .from("partner_training")
    .select("*", { count: "exact" })
    .eq("partner_id", partnerId)
    .order("kind", { ascending: false })
    .order("name")
    .order("id")
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data, count, page);
}
