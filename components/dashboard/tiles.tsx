import type { ChartTable, ColumnKind } from "@/lib/dashboard/charts";
import { figureText } from "@/lib/dashboard/figures";
import type { OrgFormatter } from "@/lib/format/org-format";

function change(current: number | null, previous: number | null, format: OrgFormatter): string {
  if (current === null || previous === null) return "no previous figure";
  if (previous === 0) return current === 0 ? "no change" : "new this period";
  const ratio = (current - previous) / Math.abs(previous);
  const percent = format.percent(Math.abs(ratio));
  if (ratio === 0) return "no change";
  // the arrow and the words carry the direction, so it does not rest on colour
  return `${ratio > 0 ? "▲ up" : "▼ down"} ${percent}`;
}

/** The headline tiles: each figure for the period, and how it moved against the previous one. */
export function DashboardTiles({ table, format, days }: { table: ChartTable; format: OrgFormatter; days: number }) {
  return (
    <ul aria-label="Headline figures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
      {table.rows.map((row) => {
        const kind = row.kind as ColumnKind;
        const current = row.current as number | null;
        const previous = row.previous as number | null;
        return (
          <li
            key={String(row.key)}
            data-tile={String(row.key)}
            data-value={current ?? ""}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
          >
            <p className="text-xs font-medium text-slate-600">{row.metric}</p>
            <p className="mt-1 text-lg font-semibold break-words text-slate-900 tabular-nums sm:text-xl">
              {figureText(current, kind, format)}
            </p>
            <p className="mt-0.5 text-xs text-slate-600">
              {change(current, previous, format)}{" "}
              <span className="text-slate-500">
                vs previous {days} days ({figureText(previous, kind, format)})
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
