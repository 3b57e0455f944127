import type { DirectoryRow } from "./directory-types";

/**
 * A page of grid rows as the first render hands it to the browser: one array of values per
 * row, in FIELDS order, instead of one object per row. The RSC payload writes every object's
 * keys again for every row (about 40% of a row's bytes); the screen unpacks the page once.
 * The rows route answers with plain rows, as any client expects.
 */
const FIELDS = [
  "id",
  "name",
  "status",
  "tier",
  "status_rank",
  "tier_rank",
  "owner_id",
  "region",
  "primary_contact_name",
  "primary_contact_email",
  "commission_rate",
  "tags",
  "archived_at",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof DirectoryRow)[];

type Field = (typeof FIELDS)[number];
type PackedOwner = [displayName: string | null, email: string | null] | null;
export type PackedRow = [...values: Array<DirectoryRow[Field] | null>, owner: PackedOwner];
export type PackedRows = PackedRow[];

export function packRows(rows: readonly DirectoryRow[]): PackedRows {
  return rows.map((row) => [
    ...FIELDS.map((field) => row[field] ?? null),
    row.owner ? [row.owner.display_name, row.owner.email] : null,
  ]);
}

export function unpackRows(packed: readonly PackedRow[]): DirectoryRow[] {
  return packed.map((values) => {
    const row: Record<string, unknown> = {};
    FIELDS.forEach((field, index) => {
      row[field] = values[index] ?? null;
    });
    row.tags = row.tags ?? [];
    const owner = values[FIELDS.length] as PackedOwner;
    row.owner = owner ? { display_name: owner[0], email: owner[1] } : null;
    return row as DirectoryRow;
  });
}
