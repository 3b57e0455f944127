import { formatDistanceToNowStrict } from "date-fns";

/** A date as the org sees it (its time zone), e.g. "Mar 4, 2026". */
export function formatDate(value: string | Date | null | undefined, timeZone: string): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(new Date(value));
}

/** Date and time in the org's time zone, e.g. "Mar 4, 2026, 3:07 PM". */
export function formatDateTime(value: string | Date | null | undefined, timeZone: string): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(value),
  );
}

/** A sortable local timestamp in a time zone, e.g. "2026-03-04 15:07:09", for exports. */
export function formatTimestampIn(value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone }).format(
    new Date(value),
  );
}

/** "3 days ago", for timelines. */
export function formatRelative(value: string | Date): string {
  return formatDistanceToNowStrict(new Date(value), { addSuffix: true });
}

/** Today's date (YYYY-MM-DD) in a time zone: what "overdue" and "today" mean for an org. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
