import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";

/** A fixed instant, so the example reads the same on the server and in the browser. */
const SAMPLE_INSTANT = "2026-03-04T14:07:00Z";

/** How the org's money, numbers and dates will read with these settings: "1.234,50 € · 12.345,5 · 04.03.2026, 15:07". */
export function formatExample(settings: OrgFormat): string {
  const format = orgFormatter(settings);
  return [format.money(1234.5), format.number(12345.5), format.dateTime(SAMPLE_INSTANT)].join(" · ");
}
