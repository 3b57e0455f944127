import type { ChartColumn, ChartTable, ColumnKind } from "./charts";

/** How an organization writes figures: its locale (BCP 47), its currency and its time zone. */
export type OrgFormat = { locale: string; currency: string; timeZone: string };

/** The org's format from a staff or portal org row. */
export function orgFormat(org: { locale: string; currency: string; time_zone: string }): OrgFormat {
  return { locale: org.locale, currency: org.currency, timeZone: org.time_zone };
}

/** A figure as the page shows it, in the org's locale, currency and time zone; "—" when there is none. */
export function formatFigure(value: unknown, kind: ColumnKind, format: OrgFormat): string {
  if (value === null || value === undefined || value === "") return "—";
  const { locale, currency, timeZone } = format;
  switch (kind) {
    case "money":
      return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 2 }).format(
        Number(value),
      );
    case "count":
      return new Intl.NumberFormat(locale).format(Number(value));
    case "share":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Number(value));
    case "days":
      return new Intl.NumberFormat(locale, {
        style: "unit",
        unit: "day",
        unitDisplay: "long",
        maximumFractionDigits: 1,
      }).format(Number(value));
    case "date":
      // a day (YYYY-MM-DD) is already the org's; noon UTC keeps it the same day everywhere
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${String(value)}T12:00:00Z`),
      );
    case "instant":
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(String(value)));
    default:
      return String(value);
  }
}

/** A short label for a chart axis: a month ("Mar 2025") or a week's first day, in the org's locale. */
export function formatBucket(day: string, bucket: "week" | "month", locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === "month"
      ? { month: "short", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${day}T12:00:00Z`));
}

/** Money on an axis: short ("€12K"), in the org's locale. */
export function formatCompactMoney(value: number, format: OrgFormat): string {
  return new Intl.NumberFormat(format.locale, {
    style: "currency",
    currency: format.currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(value);
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
