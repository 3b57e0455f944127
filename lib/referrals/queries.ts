import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import type { ReferralStatus } from "./constants";

export type Referral = Database["public"]["Tables"]["partner_referrals"]["Row"];

export const REFERRAL_PAGE_SIZE = 25;

/**
 * One page of a partner's referrals, newest first, optionally of one status. The total
 * comes from the roll-ups, not from counting here.
 */
export async function listPartnerReferrals(
  partnerId: string,
  options: { status?: ReferralStatus; page?: number } = {},
): Promise<Referral[]> {
  const supabase = await createClient();
  const page = Math.max(1, options.page ?? 1);
  let query = supabase
    .from("partner_referrals")
    .select("*")
    .eq("partner_id", partnerId)
    .order("referred_at", { ascending: false })
    .order("id", { ascending: false })
    .range((page - 1) * REFERRAL_PAGE_SIZE, page * REFERRAL_PAGE_SIZE - 1);
  if (options.status) query = query.eq("status", options.status);
  const { data, error } = await query;
  if (error) throw error;
  return data;
}
