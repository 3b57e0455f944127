import { toCsv } from "@/lib/csv/write";
import type { DirectoryRow } from "../directory-types";
import { EXPORT_COLUMNS, TAG_SEPARATOR, type ExportColumn } from "./columns";

/** One exported row, in the column order of EXPORT_COLUMNS, in the CSV machine format. */
export function exportRecord(row: DirectoryRow): Record<ExportColumn, string> {
  return {
    external_id: row.external_id ?? "",
    name: row.name,
    status: row.status,
    tier: row.tier,
    owner_email: row.owner?.email ?? "",
    region: row.region ?? "",
    website: row.website ?? "",
    primary_contact_name: row.primary_contact_name ?? "",
    primary_contact_email: row.primary_contact_email ?? "",
    commission_rate: row.commission_rate === null ? "" : String(row.commission_rate),
    tags: row.tags.join(TAG_SEPARATOR),
    archived_at: row.archived_at ?? "",
    created_at: row.created_at,
    updated_at: row.updated_at,
    id: row.id,
  };
}

/** CSV lines for rows, escaped by the one rule every export shares (lib/csv). */
export function toCsvLines(rows: DirectoryRow[], withHeader: boolean): string {
  return toCsv(EXPORT_COLUMNS, rows.map(exportRecord), { header: withHeader });
}
