/**
 * The directory grid's columns: one list shared by the URL state (which columns show),
 * the saved layout (widths), the grid, the card list and the CSV export.
 */
export const DIRECTORY_COLUMNS = [
  "name",
  "status",
  "tier",
  "owner",
  "region",
  "contact",
  "commission_rate",
  "tags",
  "updated_at",
  "created_at",
] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

export function isDirectoryColumn(column: string): column is DirectoryColumn {
  return (DIRECTORY_COLUMNS as readonly string[]).includes(column);
}

export const DEFAULT_VISIBLE_COLUMNS: readonly DirectoryColumn[] = [
  "name",
  "status",
  "tier",
  "owner",
  "region",
  "contact",
  "updated_at",
];

export const COLUMN_LABELS: Record<DirectoryColumn, string> = {
  name: "Name",
  status: "Status",
  tier: "Tier",
  owner: "Owner",
  region: "Region",
  contact: "Primary contact",
  commission_rate: "Commission",
  tags: "Tags",
  updated_at: "Updated",
  created_at: "Created",
};

export const DEFAULT_COLUMN_WIDTHS: Record<DirectoryColumn, number> = {
  name: 260,
  status: 140,
  tier: 130,
  owner: 190,
  region: 150,
  contact: 260,
  commission_rate: 120,
  tags: 180,
  updated_at: 150,
  created_at: 150,
};
export const MIN_COLUMN_WIDTH = 80;
export const MAX_COLUMN_WIDTH = 640;

/** Columns that can be edited in place, and the partner field each one writes. */
export const EDITABLE_COLUMNS = {
  name: "name",
  status: "status",
  tier: "tier",
  owner: "owner_id",
  region: "region",
  tags: "tags",
} as const satisfies Partial<Record<DirectoryColumn, string>>;
export type EditableColumn = keyof typeof EDITABLE_COLUMNS;
export type EditableField = (typeof EDITABLE_COLUMNS)[EditableColumn];
/** Editable columns whose value is one string (tags are a list). */
export type TextEditableColumn = Exclude<EditableColumn, "tags">;

export function isEditableColumn(column: DirectoryColumn): column is EditableColumn {
  return column in EDITABLE_COLUMNS;
}

/**
 * Sortable columns and the partners column each sorts by (every one has an index led by org_id).
 * Status and tier sort by their generated rank, so they read in program order.
 */
export const SORT_COLUMNS = {
  name: "name",
  status: "status_rank",
  tier: "tier_rank",
  region: "region",
  commission_rate: "commission_rate",
  updated_at: "updated_at",
  created_at: "created_at",
} as const satisfies Partial<Record<DirectoryColumn, string>>;
export type SortColumn = keyof typeof SORT_COLUMNS;
export const SORT_KEYS = Object.keys(SORT_COLUMNS) as SortColumn[];

/** "name" sorts ascending, "-name" descending. */
export const SORT_VALUES = SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
export type SortValue = SortColumn | `-${SortColumn}`;
export const DEFAULT_SORT: SortValue = "name";

export function isSortColumn(column: string): column is SortColumn {
  return column in SORT_COLUMNS;
}

export function parseSort(sort: SortValue): { column: SortColumn; descending: boolean } {
  return sort.startsWith("-")
    ? { column: sort.slice(1) as SortColumn, descending: true }
    : { column: sort as SortColumn, descending: false };
}

export const PAGE_SIZES = [50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 100;
