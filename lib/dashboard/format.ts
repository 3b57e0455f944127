import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import type { ChartColumn, ChartTable, ColumnKind } from "./charts";

const count = new Intl.NumberFormat("en-US");
const share = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const days = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A figure as the page shows it, in the org's currency and format; "—" when there is none. */
export function formatFigure(value: unknown, kind: ColumnKind, currency: string, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (kind) {
    case "money":
      return formatMoney(value as number, currency);
    case "count":
      return count.format(Number(value));
    case "share":
      return share.format(Number(value));
    case "days":
      return `${days.format(Number(value))} days`;
    case "date":
      // a day (YYYY-MM-DD) is already the org's; noon UTC keeps it the same day everywhere
      return formatDate(`${String(value)}T12:00:00Z`, "UTC");
    case "instant":
      return formatDate(String(value), timeZone);
    default:
      return String(value);
  }
}

/** The kind a cell is written in: per row for tables whose rows mix measures (tiles, levels). */
export function cellKind(column: ChartColumn, row: Record<string, unknown>): ColumnKind {
  return column.kind === "text" && typeof row.kind === "string" && typeof row[column.key] === "number"
    ? (row.kind as ColumnKind)
    : column.kind;
}

/** The table as CSV rows: the same columns and rows as the page, values unformatted. */
export function tableCsvRows(table: ChartTable): Record<string, string | number>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column) => [column.label, row[column.key] ?? ""])),
  );
}
