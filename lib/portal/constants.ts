import type { PortalSection } from "@/lib/portal/sections";

export const REFERRAL_STATUSES = ["submitted", "qualified", "in_progress", "won", "lost"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  submitted: "Submitted",
  qualified: "Qualified",
  in_progress: "In progress",
  won: "Won",
  lost: "Lost",
};

export const COMMISSION_STATUSES = ["pending", "approved", "paid", "void"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
export const COMMISSION_STATUS_LABELS: Record<CommissionStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  paid: "Paid",
  void: "Void",
};

export const SECTION_LABELS: Record<PortalSection, string> = {
  referrals: "Referrals",
  commissions: "Commissions",
  documents: "Documents",
  training: "Resources & training",
  activity: "Activity",
};

/** The cookie value that means "the All accounts view" rather than one partner. */
export const ALL_ACCOUNTS = "all";

export function isReferralStatus(value: string | undefined | null): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(value ?? "");
}

export function accountHref(partnerId: string, section?: PortalSection): string {
  return `/portal/accounts/${partnerId}${section ? `/${section}` : ""}`;
}
