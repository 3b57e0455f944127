import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { pastEndPage, pageRange, paged, type Paged } from "@/lib/paging/page";

export type Commission = Database["public"]["Tables"]["partner_commissions"]["Row"];
export type CommissionWithReferral = Commission & { partner_referrals: { client_name: string } | null };

/** One page of a partner's commissions, newest first (the totals come from the roll-ups). */
export async function listPartnerCommissions(partnerId: string, page = 1): Promise<Paged<CommissionWithReferral>> {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .from("partner_commissions")
    .select("*, partner_referrals(client_name)", { count: "exact" })
    .eq("partner_id", partnerId)
    .order("earned_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data as CommissionWithReferral[], count, page);
}
