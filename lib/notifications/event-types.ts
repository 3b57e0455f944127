import { ACTIVITY_EVENT_LABELS, ACTIVITY_EVENT_TYPES } from "@/lib/activity/constants";

/** Events a sweep writes when a date comes near (private.sweep_due_events). */
export const TIME_BASED_EVENT_TYPES = [
  "commission.due_soon",
  "commission.overdue",
  "task.due_today",
  "task.overdue",
  "grant.ending",
  "training.expiring",
] as const;

/** Events the system itself raises. */
export const SYSTEM_EVENT_TYPES = ["webhook.endpoint_disabled"] as const;

/**
 * The one list of notification event types, shared by the outbox, notifications,
 * preferences and webhooks: every timeline event type plus the time-based and system
 * ones (the same list as private.notification_event_types(); a test holds them together).
 */
export const NOTIFICATION_EVENT_TYPES = [
  ...ACTIVITY_EVENT_TYPES,
  ...TIME_BASED_EVENT_TYPES,
  ...SYSTEM_EVENT_TYPES,
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEventType, string> = {
  ...ACTIVITY_EVENT_LABELS,
  "referral.created": "Referral submitted",
  "task.created": "Task assigned",
  "commission.due_soon": "Commission due in 3 days",
  "commission.overdue": "Commission overdue",
  "task.due_today": "Task due today",
  "task.overdue": "Task overdue",
  "grant.ending": "Portal access ending in 7 days",
  "training.expiring": "Training or certification expiring",
  "webhook.endpoint_disabled": "Webhook endpoint disabled",
};

export function isNotificationEventType(value: unknown): value is NotificationEventType {
  return typeof value === "string" && (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(value);
}
