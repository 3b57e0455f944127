/**
 * The one escaping rule for every CSV cell the app writes, and its exact inverse for the
 * cells it reads.
 *
 * A spreadsheet runs a cell that begins with =, +, - or @ as a formula, and one that begins
 * with a tab or a carriage return may be taken for one after the spreadsheet trims it
 * (CSV injection). Such a cell is written with a leading apostrophe, which spreadsheets show as
 * "this is text". The rule looks at the first character of the whole value, so a value with
 * line breaks is escaped too. Values that already begin with an apostrophe get one more, and
 * so does a value that is exactly the import's clear marker: reading then strips exactly one
 * leading apostrophe, and every value the app writes reads back as itself.
 */

/** A cell of exactly this text, in an import, clears the field (a blank cell keeps it). */
export const CLEAR_MARKER = "(clear)";

const NEEDS_PREFIX = /^[=+\-@\t\r']/;

export function escapeCell(value: string): string {
  return NEEDS_PREFIX.test(value) || value === CLEAR_MARKER ? `'${value}` : value;
}

export function unescapeCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * What an import cell asks for: keep the stored value (blank), clear it (the marker, as
 * typed, never an escaped one), or set a value (unescaped).
 */
export type ImportCell = { kind: "keep" } | { kind: "clear" } | { kind: "set"; value: string };

export function readImportCell(cell: string | undefined): ImportCell {
  const raw = cell ?? "";
  if (raw.trim() === "") return { kind: "keep" };
  if (raw.trim() === CLEAR_MARKER) return { kind: "clear" };
  return { kind: "set", value: unescapeCell(raw) };
}
