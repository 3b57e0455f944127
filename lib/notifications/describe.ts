import { describeEvent } from "@/lib/activity/describe";
import { ACTIVITY_EVENT_TYPES } from "@/lib/activity/constants";
import type { OrgFormatter } from "@/lib/format/org-format";
import { NOTIFICATION_EVENT_LABELS, type NotificationEventType } from "./event-types";

type Payload = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** The timeline's line starts with what the title already says ("Referral won: …"); keep what follows. */
function withoutLead(type: string, line: string): string {
  return type === "note.added" ? line : line.replace(/^[A-Z][a-z]+(?: [a-z]+)?: /, "");
}

export type DescribedNotification = { title: string; detail: string };

/**
 * What a notification says: the event's label as the title, and one line of detail (the
 * partner, and what happened to which record). A merged batch says how many.
 */
export function describeNotification(
  notification: { event_type: string; payload: unknown; event_count: number },
  context: { partnerName: string | null; format: OrgFormatter },
): DescribedNotification {
  const type = notification.event_type as NotificationEventType;
  const title = NOTIFICATION_EVENT_LABELS[type] ?? notification.event_type;
  const payload = (
    notification.payload && typeof notification.payload === "object" ? notification.payload : {}
  ) as Payload;
  if (notification.event_count > 1) {
    return { title, detail: `${context.format.number(notification.event_count)} changes in one batch` };
  }
  const where = context.partnerName ? `${context.partnerName}: ` : "";
  const money = (value: unknown) => context.format.money(text(value), text(payload.currency) || undefined);
  switch (type) {
    case "commission.due_soon":
    case "commission.overdue":
      return {
        title,
        detail: `${where}${money(payload.amount)} due ${context.format.day(text(payload.due_at).slice(0, 10))}`,
      };
    case "task.due_today":
    case "task.overdue":
      return { title, detail: `${where}${text(payload.title)}` };
    case "grant.ending":
      return { title, detail: `${where}access ends ${context.format.date(text(payload.ends_at))}` };
    case "training.expiring":
      return { title, detail: `${where}${text(payload.name)} expires ${context.format.day(text(payload.expires_on))}` };
    case "webhook.endpoint_disabled":
      return { title, detail: text(payload.url) };
    default:
      if ((ACTIVITY_EVENT_TYPES as readonly string[]).includes(type))
        return {
          title,
          detail: `${where}${withoutLead(type, describeEvent({ event_type: type, payload }, { format: context.format, nameOf: () => null }))}`,
        };
      return { title, detail: where.replace(/: $/, "") };
  }
}
