/** The referral pipeline, the same values as partner_referrals.status. */
export const REFERRAL_STATUSES = ["submitted", "qualified", "in_progress", "won", "lost"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ["submitted", "qualified", "in_progress"];

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  submitted: "Submitted",
  qualified: "Qualified",
  in_progress: "In progress",
  won: "Won",
  lost: "Lost",
};
