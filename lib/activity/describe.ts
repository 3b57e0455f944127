import type { OrgFormatter } from "@/lib/format/org-format";
import { ACTIVITY_EVENT_LABELS, type ActivityEventType } from "./constants";

type Payload = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const words = (value: unknown) => text(value).replaceAll("_", " ");

/** One line for a timeline event, from its type and partner-safe payload. */
export function describeEvent(
  event: { event_type: string; payload: unknown },
  options: { format: OrgFormatter; nameOf: (id: string | null) => string | null },
): string {
  const payload = (event.payload && typeof event.payload === "object" ? event.payload : {}) as Payload;
  const money = (value: unknown) =>
    value === null || value === undefined ? "" : options.format.money(text(value), text(payload.currency) || undefined);
  switch (event.event_type as ActivityEventType) {
    case "partner.created":
    case "partner.imported":
      return `${ACTIVITY_EVENT_LABELS[event.event_type as ActivityEventType]}: ${text(payload.name)}`;
    case "partner.status_changed":
    case "partner.tier_changed":
      return `${event.event_type === "partner.status_changed" ? "Status" : "Tier"} changed from ${words(payload.from)} to ${words(payload.to)}`;
    case "partner.owner_changed":
      return `Owner changed from ${options.nameOf(text(payload.from) || null) ?? "nobody"} to ${options.nameOf(text(payload.to) || null) ?? "nobody"}`;
    case "partner.archived":
      return "Partner archived";
    case "referral.created":
      return `New referral: ${text(payload.client_name)}${payload.estimated_value ? ` (${money(payload.estimated_value)})` : ""}`;
    case "referral.status_changed":
      return `Referral ${text(payload.client_name)} moved from ${words(payload.from)} to ${words(payload.to)}`;
    case "referral.won":
      return `Referral won: ${text(payload.client_name)}${payload.actual_value ? ` (${money(payload.actual_value)})` : ""}`;
    case "referral.lost":
      return `Referral lost: ${text(payload.client_name)}`;
    case "commission.created":
      return `Commission recorded: ${money(payload.amount)}`;
    case "commission.approved":
      return `Commission approved: ${money(payload.amount)}`;
    case "commission.paid":
      return `Commission paid: ${money(payload.amount)}`;
    case "commission.voided":
      return `Commission voided: ${money(payload.amount)}`;
    case "task.created":
      return `Task created: ${text(payload.title)}`;
    case "task.completed":
      return `Task completed: ${text(payload.title)}`;
    case "document.added":
      return `Document added: ${text(payload.title)}${payload.visibility === "shared" ? " (shared)" : ""}`;
    case "note.added":
      return text(payload.excerpt);
    default:
      return event.event_type;
  }
}

/** The calendar day (YYYY-MM-DD) of an instant in the org's time zone: the timeline's groups. */
export function dayKey(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}

/** "Today", "Yesterday" or the day written out in the org's locale ("Wednesday, March 4, 2026"). */
export function dayLabel(key: string, today: string, yesterday: string, format: OrgFormatter): string {
  if (key === today) return "Today";
  if (key === yesterday) return "Yesterday";
  return format.longDay(key);
}
