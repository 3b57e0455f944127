import Papa from "papaparse";
import { escapeCell } from "./cell";

/**
 * A machine format, the same in every org: numbers with a dot decimal and no grouping,
 * instants and dates in ISO 8601. Callers pass values already in it; a number is written
 * with String(), never with the org's locale.
 */
export type CsvValue = string | number | boolean | null | undefined;

function machineText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/**
 * CSV text for rows, every cell escaped by the one rule (lib/csv/cell.ts) and quoted as
 * RFC 4180 asks (commas, quotes, line breaks). Lines end in CRLF, the last one too, so
 * chunks written one after the other make one file.
 */
export function toCsv<Column extends string>(
  columns: readonly Column[],
  rows: readonly Record<Column, CsvValue>[],
  options: { header?: boolean } = {},
): string {
  const header = options.header ?? true;
  if (!header && rows.length === 0) return "";
  const body = Papa.unparse(
    {
      fields: columns.map((column) => escapeCell(column)),
      data: rows.map((row) => columns.map((column) => escapeCell(machineText(row[column])))),
    },
    // The rule above replaces papaparse's own formula escaping, which misses multi-line cells.
    { header, newline: "\r\n", escapeFormulae: false },
  );
  return body.replace(/\r\n$/, "") + "\r\n";
}
