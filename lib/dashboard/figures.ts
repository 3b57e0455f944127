import type { OrgFormatter } from "@/lib/format/org-format";
import type { ChartColumn, ChartTable, ColumnKind } from "./charts";

/**
 * A figure as the page shows it, written by the org's formatter; "—" when there is none.
 * Only the choice of writing is the dashboard's: every sign and word comes from lib/format.
 */
export function figureText(value: unknown, kind: ColumnKind, format: OrgFormatter): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (kind) {
    case "money":
      return format.money(Number(value));
    case "count":
      return format.number(Number(value));
    case "share":
      return format.percent(Number(value), 1);
    case "days":
      return format.days(Number(value));
    case "date":
      return format.day(String(value));
    case "instant":
      return format.date(String(value));
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
