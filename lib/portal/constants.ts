import type { PortalSection } from "@/lib/portal/sections";
import { REFERRAL_STATUSES, type ReferralStatus } from "@/lib/referrals/constants";

// One list per vocabulary: the portal shows the same statuses the workspace edits.
export { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralStatus } from "@/lib/referrals/constants";
export { COMMISSION_STATUSES, COMMISSION_STATUS_LABELS, type CommissionStatus } from "@/lib/commissions/constants";

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
