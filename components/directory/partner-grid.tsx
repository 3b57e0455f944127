"use client";

import {
  getCoreRowModel,
  useReactTable,
  type ColumnSizingInfoState,
  type ColumnSizingState,
  type Updater,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import {
  DEFAULT_COLUMN_WIDTHS,
  isDirectoryColumn,
  type DirectoryColumn,
  type EditableColumn,
  type SortColumn,
  type SortValue,
} from "@/lib/partners/directory-columns";
import type { DirectoryRow, OwnerOption } from "@/lib/partners/directory-types";
import type { ColumnWidths } from "@/lib/preferences/directory-layout";
import { cn } from "@/lib/utils/cn";
import { editValue } from "./cell-value";
import { gridColumnsFor } from "./grid-columns";
import { GridHeader } from "./grid-header";
import type { ActiveCellInfo, EditorExit } from "./grid-keyboard";
import { GridRow, ROW_HEIGHT, type GridRowActions } from "./grid-row";
import { workspaceHref } from "./name-cell";
import { useGridKeyboard } from "./use-grid-keyboard";
import type { Selection } from "./use-selection";

/** Returns an error message when the value is refused (the editor then stays open and says why). */
export type CommitEdit = (
  row: DirectoryRow,
  column: EditableColumn,
  value: string | string[],
  owner?: OwnerOption | null,
) => string | null;

const PAGE_ROWS = 10;
const NOT_RESIZING: ColumnSizingInfoState = {
  startOffset: null,
  startSize: null,
  deltaOffset: null,
  deltaPercentage: null,
  isResizingColumn: false,
  columnSizingStart: [],
};
const READ_ONLY: ActiveCellInfo = { editable: false, typing: "open" };

function currentValue(row: DirectoryRow, column: EditableColumn): string | string[] {
  return column === "tags" ? row.tags : editValue(row, column);
}

function sameValue(a: string | string[], b: string | string[]) {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * The directory grid (TanStack Table, rows virtualised), after the WAI-ARIA grid
 * pattern: one tab stop, the keyboard model in `useGridKeyboard`, aria-rowcount and
 * aria-rowindex saying where the rendered rows sit among all matching partners.
 * Column widths are CSS variables on the grid, so a resize re-renders no row.
 */
export function PartnerGrid({
  rows,
  total,
  offset,
  columns,
  widths,
  onResize,
  sort,
  onSort,
  canEdit,
  selection,
  previewId,
  onPreview,
  onCommit,
  timeZone,
  busy,
}: {
  rows: DirectoryRow[];
  total: number;
  offset: number;
  columns: DirectoryColumn[];
  widths: ColumnWidths;
  onResize: (column: DirectoryColumn, width: number) => void;
  sort: SortValue;
  onSort: (column: SortColumn) => void;
  canEdit: boolean;
  selection: Selection;
  previewId: string | null;
  onPreview: (id: string) => void;
  onCommit: CommitEdit;
  timeZone: string;
  busy: boolean;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const defs = useMemo(() => gridColumnsFor(columns, canEdit), [columns, canEdit]);

  const [liveSizing, setLiveSizing] = useState<ColumnSizingState>({});
  const [sizingInfo, setSizingInfo] = useState<ColumnSizingInfoState>(NOT_RESIZING);
  const columnSizing = useMemo<ColumnSizingState>(() => ({ ...widths, ...liveSizing }), [widths, liveSizing]);
  const onColumnSizingChange = useCallback(
    (updater: Updater<ColumnSizingState>) =>
      setLiveSizing((current) => (typeof updater === "function" ? updater({ ...widths, ...current }) : updater)),
    [widths],
  );

  const tableMeta = useMemo(() => ({ timeZone, onPreview }), [timeZone, onPreview]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<DirectoryRow>({
    data: rows,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    enableColumnResizing: true,
    columnResizeMode: "onChange",
    state: { columnSizing, columnSizingInfo: sizingInfo },
    onColumnSizingChange,
    onColumnSizingInfoChange: setSizingInfo,
    meta: tableMeta,
  });

  // A drag ended: save the width it left (the saved layout and the URL-less default follow it).
  const resizing = sizingInfo.isResizingColumn;
  const lastResizing = useRef<string | false>(false);
  useEffect(() => {
    const finished = lastResizing.current;
    lastResizing.current = resizing;
    if (!finished || resizing) return;
    const column = table.getColumn(finished);
    if (!column || !isDirectoryColumn(column.id)) return;
    const size = Math.round(column.getSize());
    if (size !== (widths[column.id] ?? DEFAULT_COLUMN_WIDTHS[column.id])) onResize(column.id, size);
  }, [resizing, table, widths, onResize]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const scrollToRow = useCallback((row: number) => virtualizer.scrollToIndex(row, { align: "auto" }), [virtualizer]);

  const shape = useMemo(
    () => ({ rows: rows.length, cols: defs.length, pageRows: PAGE_ROWS }),
    [rows.length, defs.length],
  );
  const cellInfo = useCallback(
    (col: number): ActiveCellInfo => {
      const edit = canEdit ? defs[col]?.meta?.edit : undefined;
      return edit ? { editable: true, typing: edit.typing } : READ_ONLY;
    },
    [defs, canEdit],
  );
  const keyboard = useGridKeyboard({
    gridRef: scrollRef,
    initialCol: canEdit ? 1 : 0,
    shape,
    cellInfo,
    canSelect: canEdit,
    scrollToRow,
    onOpen: (index) => {
      const row = rows[index];
      if (row) router.push(workspaceHref(row.id));
    },
    onPreview: (index) => {
      const row = rows[index];
      if (row) onPreview(row.id);
    },
    onSelect: (index, range) => {
      const row = rows[index];
      if (row) selection.toggle(row.id, index, range);
    },
    onClearSelection: () => {
      if (selection.count) selection.clear();
    },
  });

  // A new page or filter: start again at the top.
  const firstId = rows[0]?.id;
  const { reset } = keyboard;
  useEffect(() => {
    reset();
    // Only when it moved, and without asking the element: scrollTo lays the page out even to
    // stay put, and so does reading scrollTop just after new rows were committed (about 20 ms
    // of each filter change). The virtualizer knows the offset from its scroll events.
    if ((virtualizer.scrollOffset ?? 0) > 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [firstId, offset, reset, virtualizer]);

  function commit(value: string | string[], exit: EditorExit, owner?: OwnerOption | null): string | null {
    const editing = keyboard.editing;
    if (!editing) return null;
    const row = rows[editing.row];
    const column = defs[editing.col]?.meta?.edit?.column;
    if (!row || !column) return null;
    if (!sameValue(value, currentValue(row, column))) {
      const message = onCommit(row, column, value, owner);
      if (message) return message;
    }
    keyboard.endEdit(exit);
    return null;
  }

  // Rows get one action object for the grid's life; it reaches the latest state through a ref.
  const latest = useRef({ keyboard, commit, selection });
  useLayoutEffect(() => {
    latest.current = { keyboard, commit, selection };
  });
  const actions = useMemo<GridRowActions>(
    () => ({
      activate: (cell) => latest.current.keyboard.activate(cell),
      startEdit: (cell, text) => void latest.current.keyboard.startEdit(cell, text),
      commit: (value, exit, owner) => latest.current.commit(value, exit, owner),
      cancel: () => latest.current.keyboard.cancelEdit(),
      toggleSelect: (id, index, range) => latest.current.selection.toggle(id, index, range),
    }),
    [],
  );

  const leafColumns = table.getVisibleLeafColumns();
  const sizeVars: Record<string, string> = {};
  let totalWidth = 0;
  for (const column of leafColumns) {
    const size = column.getSize();
    sizeVars[`--col-${column.id}-size`] = `${size}px`;
    totalWidth += size;
  }
  const gridStyle = {
    ...sizeVars,
    "--grid-columns": leafColumns.map((column) => `var(--col-${column.id}-size)`).join(" "),
    width: totalWidth,
    minWidth: "100%",
  } as CSSProperties;

  const tableRows = table.getRowModel().rows;
  const columnsKey = leafColumns.map((column) => column.id).join(",");
  const pageIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const { active, editing } = keyboard;

  return (
    <div
      ref={scrollRef}
      className="relative h-[calc(100dvh-23rem)] min-h-[420px] overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <div
        role="grid"
        aria-label="Partners"
        aria-rowcount={total}
        aria-colcount={leafColumns.length}
        aria-multiselectable={canEdit || undefined}
        aria-busy={busy || undefined}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        onBlur={keyboard.onBlur}
        style={gridStyle}
        className={cn("text-sm transition-opacity", busy && "opacity-60", resizing && "select-none")}
      >
        <GridHeader
          headers={table.getHeaderGroups()[0]?.headers ?? []}
          sort={sort}
          onSort={onSort}
          pageSelection={selection.pageState(pageIds)}
          onTogglePage={() => selection.togglePage(pageIds)}
        />
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            return (
              <GridRow
                key={row.id}
                row={row}
                index={item.index}
                rowNumber={offset + item.index + 1}
                start={item.start}
                activeCol={item.index === active.row ? active.col : -1}
                editing={editing?.row === item.index ? editing : null}
                selected={selection.isSelected(row.id)}
                previewed={previewId === row.id}
                canEdit={canEdit}
                columnsKey={columnsKey}
                actions={actions}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
