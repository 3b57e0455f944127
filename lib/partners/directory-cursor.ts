import { SORT_COLUMNS, type SortColumn } from "./directory-columns";
import type { DirectoryRow } from "./directory-types";

/**
 * A keyset cursor: the sort key of the row a page starts after (or ends before) and its id,
 * written in the URL as `<key>,<id>` so a shared link reproduces the page. The id is a UUID,
 * so the key is everything before the last comma (names may hold commas). An empty key is a
 * row whose key is null (region and commission rate may be empty; they sort last).
 */
export type DirectoryCursor = { key: string | null; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_TYPES: Record<SortColumn, "text" | "integer" | "number" | "instant"> = {
  name: "text",
  region: "text",
  status: "integer",
  tier: "integer",
  commission_rate: "number",
  updated_at: "instant",
  created_at: "instant",
};

export function parseCursor(value: string): DirectoryCursor | null {
  const comma = value.lastIndexOf(",");
  if (comma < 0) return null;
  const id = value.slice(comma + 1);
  if (!UUID.test(id)) return null;
  const key = value.slice(0, comma);
  if (key.length > 300) return null;
  return { key: key === "" ? null : key, id: id.toLowerCase() };
}

export function serializeCursor(cursor: DirectoryCursor): string {
  return `${cursor.key ?? ""},${cursor.id}`;
}

/** Whether a cursor's key can be a value of the column the view sorts by (a bad link is refused, not guessed). */
export function cursorFitsSort(cursor: DirectoryCursor, column: SortColumn): boolean {
  if (cursor.key === null) return column === "region" || column === "commission_rate";
  switch (KEY_TYPES[column]) {
    case "text":
      return cursor.key.length <= 200;
    case "integer":
      return /^[1-9]$/.test(cursor.key);
    case "number":
      return /^-?\d{1,6}(\.\d{1,6})?$/.test(cursor.key);
    case "instant":
      return (
        /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(cursor.key) && !Number.isNaN(Date.parse(cursor.key))
      );
  }
}

/** The cursor of a row for the sort column: the value the database sorts it by. */
export function cursorOf(row: DirectoryRow, column: SortColumn): DirectoryCursor {
  const field = SORT_COLUMNS[column];
  const value = row[field as keyof DirectoryRow] as string | number | null | undefined;
  return { key: value === null || value === undefined ? null : String(value), id: row.id };
}
