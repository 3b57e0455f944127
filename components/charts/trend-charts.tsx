import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import { summariseSeries } from "./chart-summary";
import { LazySeriesChart } from "./lazy-series-chart";
import type { ChartSeries } from "./series";

/**
 * A titled chart with its summary first; the summary is what a narrow screen reads at once.
 * The summary is written here on the server; the chart itself draws only in the browser, so
 * its ticks and tooltips are the browser's own values to format.
 */
export function TrendChart({
  title,
  rows,
  series,
  valueKind,
  bucket,
  org,
  stock,
}: {
  title: string;
  rows: Record<string, string | number | null>[];
  series: ChartSeries[];
  valueKind: "count" | "money";
  bucket: "week" | "month";
  org: OrgFormat;
  stock?: string[];
}) {
  if (rows.length === 0) return null;
  const summary = summariseSeries(rows, series, { valueKind, bucket, format: orgFormatter(org), stock });
  return (
    <figure className="min-w-0 space-y-2" data-trend-chart={title}>
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <ul className="space-y-0.5 text-xs text-slate-600">
        {summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {/* room for every bucket: narrow screens scroll the series sideways instead of squeezing it */}
      <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${title}, scrolls sideways`}>
        <div
          style={{ minWidth: Math.max(300, rows.length * 44) }}
          role="img"
          aria-label={`${title}. ${summary.join(" ")} The table has every figure.`}
        >
          <LazySeriesChart rows={rows} series={series} valueKind={valueKind} bucket={bucket} org={org} />
        </div>
      </div>
    </figure>
  );
}
