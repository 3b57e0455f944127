import type { NotificationEventType } from "./event-types";

export type NotificationTarget = {
  audience: "staff" | "partner";
  eventType: NotificationEventType;
  partnerId: string | null;
  sourceTable: string | null;
  eventCount: number;
};

const STAFF_TAB: Record<string, string> = {
  partner_referrals: "referrals",
  partner_tasks: "tasks",
  partner_documents: "docs",
  partner_commissions: "referrals",
};

const PORTAL_SECTION: Record<string, string> = {
  partner_commissions: "commissions",
  partner_documents: "documents",
  partner_training: "training",
};

/** Where a notification leads: the record's place in the admin area or the portal; a merged batch leads to the list. */
export function notificationHref(target: NotificationTarget): string {
  if (target.eventType === "webhook.endpoint_disabled") return "/admin/settings/webhooks";
  if (target.audience === "partner") {
    if (!target.partnerId) return "/portal";
    const section = target.sourceTable ? PORTAL_SECTION[target.sourceTable] : undefined;
    return `/portal/accounts/${target.partnerId}${section ? `/${section}` : ""}`;
  }
  if (!target.partnerId || target.eventCount > 1) return "/admin/partners";
  if (target.sourceTable === "partner_access") return "/admin/partner-users";
  const tab = target.sourceTable ? STAFF_TAB[target.sourceTable] : undefined;
  return `/admin/partners/${target.partnerId}${tab ? `/${tab}` : ""}`;
}
