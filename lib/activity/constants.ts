/** The one list of timeline event types (same as partner_activity_log's check). */
export const ACTIVITY_EVENT_TYPES = [
  "partner.created",
  "partner.imported",
  "partner.status_changed",
  "partner.tier_changed",
  "partner.owner_changed",
  "partner.archived",
  "referral.created",
  "referral.status_changed",
  "referral.won",
  "referral.lost",
  "commission.created",
  "commission.approved",
  "commission.paid",
  "commission.voided",
  "task.created",
  "task.completed",
  "document.added",
  "note.added",
] as const;
export type ActivityEventType = (typeof ACTIVITY_EVENT_TYPES)[number];

/** The tables an event comes from (partner_activity_log.source_table). */
export const ACTIVITY_SOURCE_TABLES = [
  "partners",
  "partner_referrals",
  "partner_commissions",
  "partner_tasks",
  "partner_documents",
  "partner_notes",
] as const;

export const ACTIVITY_EVENT_LABELS: Record<ActivityEventType, string> = {
  "partner.created": "Partner created",
  "partner.imported": "Partner imported",
  "partner.status_changed": "Status changed",
  "partner.tier_changed": "Tier changed",
  "partner.owner_changed": "Owner changed",
  "partner.archived": "Partner archived",
  "referral.created": "Referral created",
  "referral.status_changed": "Referral moved",
  "referral.won": "Referral won",
  "referral.lost": "Referral lost",
  "commission.created": "Commission recorded",
  "commission.approved": "Commission approved",
  "commission.paid": "Commission paid",
  "commission.voided": "Commission voided",
  "task.created": "Task created",
  "task.completed": "Task completed",
  "document.added": "Document added",
  "note.added": "Note",
};

/** Filter groups: a whole family ("referral.*") or one exact type. */
export const ACTIVITY_GROUPS = [
  { value: "partner.*", label: "Partner changes" },
  { value: "referral.*", label: "Referrals" },
  { value: "commission.*", label: "Commissions" },
  { value: "task.*", label: "Tasks" },
  { value: "document.*", label: "Documents" },
  { value: "note.*", label: "Notes" },
] as const;

export function isActivityFilter(value: string | undefined | null): value is string {
  if (!value) return false;
  return (
    ACTIVITY_GROUPS.some((group) => group.value === value) ||
    (ACTIVITY_EVENT_TYPES as readonly string[]).includes(value)
  );
}
