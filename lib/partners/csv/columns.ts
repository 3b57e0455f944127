/**
 * The CSV format of the directory: export writes these columns, import reads them (in
 * any order; unknown columns such as id or updated_at are ignored), so an exported file
 * imports back unchanged. `external_id` is the stable key import matches on.
 */
export const IMPORT_COLUMNS = [
  "external_id",
  "name",
  "status",
  "tier",
  "owner_email",
  "region",
  "website",
  "primary_contact_name",
  "primary_contact_email",
  "commission_rate",
  "tags",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, "archived_at", "created_at", "updated_at", "id"] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Tags travel as one cell, separated by semicolons. */
export const TAG_SEPARATOR = ";";

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** "Primary Contact Email" and "primary_contact_email" name the same column. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
