import type { ColumnDef, RowData } from "@tanstack/react-table";
import type { StaffRole } from "@/lib/orgs/roles";
import { EDITORS } from "@/lib/orgs/roles";
import {
  COLUMN_LABELS,
  DEFAULT_COLUMN_WIDTHS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  isSortColumn,
  type DirectoryColumn,
  type EditableColumn,
  type SortColumn,
} from "@/lib/partners/directory-columns";
import type { DirectoryRow } from "@/lib/partners/directory-types";
import { CellValue } from "./cell-value";
import type { CellTyping } from "./grid-keyboard";
import { NameCell } from "./name-cell";

/** How a cell is edited: a text field, a choice, or a list of tags. */
export type CellEditorKind = "text" | "choice" | "tags";

declare module "@tanstack/react-table" {
  // The names and type parameters must match the library's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label: string;
    /** The `sort=` value a header click asks the server for; absent when the column does not sort. */
    sortKey?: SortColumn;
    /** The partner field the cell edits and how; absent when the column is read only. */
    edit?: { column: EditableColumn; editor: CellEditorKind; typing: CellTyping };
    /** Who may edit the column (the page passes `canEdit` for the signed-in role; RLS has the last word). */
    editableBy: readonly StaffRole[];
    /** The selection box column: drawn by the row, not by `cell`. */
    select?: true;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface TableMeta<TData extends RowData> {
    timeZone: string;
    onPreview: (partnerId: string) => void;
  }
}

export type PartnerColumnDef = ColumnDef<DirectoryRow>;
export const SELECT_COLUMN_ID = "select";

const NOBODY: readonly StaffRole[] = [];

function define(
  id: DirectoryColumn,
  edit?: { column: EditableColumn; editor: CellEditorKind; typing: CellTyping },
): PartnerColumnDef {
  return {
    id,
    header: COLUMN_LABELS[id],
    size: DEFAULT_COLUMN_WIDTHS[id],
    minSize: MIN_COLUMN_WIDTH,
    maxSize: MAX_COLUMN_WIDTH,
    // Rows arrive sorted by the server (`sort=` in the URL); the table never sorts them itself.
    enableSorting: false,
    cell: ({ row, table }) => (
      <CellValue row={row.original} column={id} timeZone={table.options.meta?.timeZone ?? "UTC"} />
    ),
    meta: {
      label: COLUMN_LABELS[id],
      sortKey: isSortColumn(id) ? id : undefined,
      edit,
      editableBy: edit ? EDITORS : NOBODY,
    },
  };
}

/** One definition per directory column: what it is called, how wide, how it sorts, shows and is edited. */
export const PARTNER_COLUMNS: Record<DirectoryColumn, PartnerColumnDef> = {
  name: {
    ...define("name", { column: "name", editor: "text", typing: "replace" }),
    cell: ({ row, table }) => (
      <NameCell
        row={row.original}
        timeZone={table.options.meta?.timeZone ?? "UTC"}
        onPreview={table.options.meta?.onPreview}
      />
    ),
  },
  status: define("status", { column: "status", editor: "choice", typing: "open" }),
  tier: define("tier", { column: "tier", editor: "choice", typing: "open" }),
  owner: define("owner", { column: "owner", editor: "choice", typing: "open" }),
  region: define("region", { column: "region", editor: "text", typing: "replace" }),
  contact: define("contact"),
  commission_rate: define("commission_rate"),
  tags: define("tags", { column: "tags", editor: "tags", typing: "append" }),
  updated_at: define("updated_at"),
  created_at: define("created_at"),
};

export const SELECT_COLUMN: PartnerColumnDef = {
  id: SELECT_COLUMN_ID,
  header: "Select",
  size: 44,
  enableResizing: false,
  enableSorting: false,
  meta: { label: "Select", editableBy: EDITORS, select: true },
};

/** The grid's columns in the order the view shows them, the selection box first for editors. */
export function gridColumnsFor(columns: readonly DirectoryColumn[], canEdit: boolean): PartnerColumnDef[] {
  const visible = columns.map((column) => PARTNER_COLUMNS[column]);
  return canEdit ? [SELECT_COLUMN, ...visible] : visible;
}
