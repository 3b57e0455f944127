import type { Database } from "@/lib/database.types";

export type ReferralRow = Database["public"]["Tables"]["partner_referrals"]["Row"];
export type CommissionRow = Database["public"]["Tables"]["partner_commissions"]["Row"] & {
  partner_referrals: { client_name: string } | null;
};
/** What a referral save returns: enough to offer its commission. */
export type SavedReferral = {
  id: string;
  status: string;
  actual_value: number | null;
  estimated_value: number | null;
  client_name?: string;
};
export type CommissionDraft = { referralId: string; clientName: string; amount: string } | null;
