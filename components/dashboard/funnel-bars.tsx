import type { ChartTable } from "@/lib/dashboard/charts";
import { figureText } from "@/lib/dashboard/figures";
import type { OrgFormatter } from "@/lib/format/org-format";

/** The funnel drawn as bars, each labelled with its count and conversion (no colour needed to read it). */
export function FunnelBars({ table, format }: { table: ChartTable; format: OrgFormatter }) {
  const top = Math.max(1, ...table.rows.map((row) => Number(row.referrals ?? 0)));
  return (
    <ol aria-hidden="true" className="space-y-1.5">
      {table.rows.map((row) => (
        <li key={String(row.stage)} className="grid grid-cols-[6.5rem_1fr] items-center gap-2 text-xs">
          <span className="text-slate-700">{row.stage}</span>
          <span className="flex items-center gap-2">
            <span
              className="h-4 rounded-sm bg-indigo-600"
              style={{ width: `${(Number(row.referrals ?? 0) / top) * 100}%`, minWidth: "2px" }}
            />
            <span className="shrink-0 text-slate-700 tabular-nums">
              {figureText(row.referrals, "count", format)}
              {row.conversion !== null ? ` · ${figureText(row.conversion, "share", format)}` : ""}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
