/**
 * A sortable local timestamp in a time zone, "2026-03-04 15:07:09": the machine format of
 * exports, the same in every locale (screens use lib/format/org-format instead).
 */
export function formatTimestampIn(value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone }).format(
    new Date(value),
  );
}
