import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";

export type Commission = Database["public"]["Tables"]["partner_commissions"]["Row"];
export type CommissionWithReferral = Commission & { partner_referrals: { client_name: string } | null };

export const COMMISSION_LIMIT = 50;

/** A partner's newest commissions (the totals come from the roll-ups). */
export async function listPartnerCommissions(partnerId: string): Promise<CommissionWithReferral[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("partner_commissions")
    .select("*, partner_referrals(client_name)")
    .eq("partner_id", partnerId)
    .order("earned_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(COMMISSION_LIMIT);
  if (error) throw error;
  return data as CommissionWithReferral[];
}
