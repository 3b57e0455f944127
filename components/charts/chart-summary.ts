import { figureText } from "@/lib/dashboard/figures";
import type { OrgFormatter } from "@/lib/format/org-format";
import type { ChartSeries } from "./series";

/**
 * A chart in one sentence per series: its total over the period and its highest bucket, so a
 * small screen (and a screen reader) has the gist without the chart.
 */
export function summariseSeries(
  rows: Record<string, string | number | null>[],
  series: ChartSeries[],
  options: { valueKind: "count" | "money"; bucket: "week" | "month"; format: OrgFormatter; stock?: string[] },
): string[] {
  return series.map((s) => {
    const values = rows.map((row) => ({ at: String(row.bucket ?? row.month), value: Number(row[s.key] ?? 0) }));
    if (values.length === 0) return `${s.label}: nothing in this period.`;
    const peak = values.reduce((best, next) => (next.value > best.value ? next : best));
    const when = options.format.bucket(peak.at, options.bucket);
    // a level at each bucket's end (owed) has no total: its last value is the figure
    if (options.stock?.includes(s.key)) {
      const last = values[values.length - 1]!;
      return `${s.label}: ${figureText(last.value, options.valueKind, options.format)} at the end, highest ${figureText(peak.value, options.valueKind, options.format)} (${when}).`;
    }
    const total = values.reduce((sum, next) => sum + next.value, 0);
    return `${s.label}: ${figureText(total, options.valueKind, options.format)} in total, most in ${when} (${figureText(peak.value, options.valueKind, options.format)}).`;
  });
}
