"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ArrowDown, ArrowUp, ChevronsUpDown, PanelRightOpen } from "lucide-react";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from "react";
import {
  COLUMN_LABELS,
  DEFAULT_COLUMN_WIDTHS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  isEditableColumn,
  isSortColumn,
  parseSort,
  type DirectoryColumn,
  type EditableColumn,
  type SortColumn,
  type SortValue,
} from "@/lib/partners/directory-columns";
import type { DirectoryRow, OwnerOption } from "@/lib/partners/directory-types";
import type { ColumnWidths } from "@/lib/preferences/directory-layout";
import { cn } from "@/lib/utils/cn";
import { CellEditor, type EditorExit } from "./cell-editor";
import { CellValue, editValue } from "./cell-value";
import type { Selection } from "./use-selection";

const ROW_HEIGHT = 44;
const SELECT_WIDTH = 44;

type GridColumn = "select" | DirectoryColumn;
type Cell = { row: number; col: number };
type Editing = Cell & { initialText: string | null };

export type CommitEdit = (row: DirectoryRow, column: EditableColumn, value: string) => string | null;

/**
 * The directory grid, after the WAI-ARIA grid pattern: one tab stop (the active cell,
 * roving tabindex), arrows move, Enter or typing starts an edit, Enter/Tab commit, Esc
 * cancels, Space selects the row. Rows are virtualised: only those in view (plus a few)
 * are in the DOM, and aria-rowcount/aria-rowindex tell assistive tech where they are
 * among all matching partners.
 */
const workspaceHref = (partnerId: string) => `/admin/partners/${partnerId}/overview`;

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
  owners,
  regions,
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
  owners: OwnerOption[];
  regions: string[];
  selection: Selection;
  previewId: string | null;
  onPreview: (id: string) => void;
  onCommit: CommitEdit;
  timeZone: string;
  busy: boolean;
}) {
  const gridColumns: GridColumn[] = canEdit ? ["select", ...columns] : columns;
  const [liveWidths, setLiveWidths] = useState<ColumnWidths>({});
  const widthOf = (column: GridColumn) =>
    column === "select" ? SELECT_WIDTH : (liveWidths[column] ?? widths[column] ?? DEFAULT_COLUMN_WIDTHS[column]);
  const template = gridColumns.map((column) => `${widthOf(column)}px`).join(" ");
  const totalWidth = gridColumns.reduce((sum, column) => sum + widthOf(column), 0);

  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The grid re-renders on every scroll frame anyway; nothing below memoizes on the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const [active, setActive] = useState<Cell>({ row: 0, col: canEdit ? 1 : 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const focusWanted = useRef(false);
  const activeRow = Math.min(active.row, Math.max(rows.length - 1, 0));
  const activeCol = Math.min(active.col, gridColumns.length - 1);

  // A new page or filter: start again at the top.
  const firstId = rows[0]?.id;
  useEffect(() => {
    setEditing(null);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [firstId, offset]);

  const focusCell = useCallback(
    (cell: Cell) => {
      focusWanted.current = true;
      setActive(cell);
      virtualizer.scrollToIndex(cell.row, { align: "auto" });
    },
    [virtualizer],
  );

  // Move DOM focus to the active cell once it is rendered (it may have just scrolled in).
  useLayoutEffect(() => {
    if (!focusWanted.current || editing) return;
    let frames = 0;
    const attempt = () => {
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${activeRow}:${activeCol}"]`);
      if (element) {
        element.focus({ preventScroll: false });
        focusWanted.current = false;
      } else if (frames++ < 5) requestAnimationFrame(attempt);
    };
    attempt();
  });

  function startEdit(cell: Cell, initialText: string | null) {
    const column = gridColumns[cell.col];
    if (!canEdit || !column || column === "select" || !isEditableColumn(column) || !rows[cell.row]) return false;
    setEditing({ ...cell, initialText });
    return true;
  }

  function commitEdit(value: string, exit: EditorExit): string | null {
    if (!editing) return null;
    const row = rows[editing.row];
    const column = gridColumns[editing.col];
    if (!row || !column || column === "select" || !isEditableColumn(column)) return null;
    if (value !== editValue(row, column)) {
      const message = onCommit(row, column, value);
      if (message) return message;
    }
    setEditing(null);
    if (exit === "blur") return null;
    const step = exit === "tab" ? 1 : exit === "shift-tab" ? -1 : 0;
    focusCell({ row: editing.row, col: Math.max(0, Math.min(gridColumns.length - 1, editing.col + step)) });
    return null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing || rows.length === 0) return;
    const target = event.target as HTMLElement;
    if (!target.dataset.cell) return;
    const last = { row: rows.length - 1, col: gridColumns.length - 1 };
    const move = (row: number, col: number) => {
      event.preventDefault();
      focusCell({ row: Math.max(0, Math.min(last.row, row)), col: Math.max(0, Math.min(last.col, col)) });
    };
    const row = rows[activeRow]!;
    switch (event.key) {
      case "ArrowDown":
        return move(activeRow + 1, activeCol);
      case "ArrowUp":
        return move(activeRow - 1, activeCol);
      case "ArrowRight":
        return move(activeRow, activeCol + 1);
      case "ArrowLeft":
        return move(activeRow, activeCol - 1);
      case "PageDown":
        return move(activeRow + 10, activeCol);
      case "PageUp":
        return move(activeRow - 10, activeCol);
      case "Home":
        return event.ctrlKey ? move(0, 0) : move(activeRow, 0);
      case "End":
        return event.ctrlKey ? move(last.row, last.col) : move(activeRow, last.col);
      case "Enter":
      case "F2":
        event.preventDefault();
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          router.push(workspaceHref(row.id));
          return;
        }
        if (event.shiftKey || !startEdit({ row: activeRow, col: activeCol }, null)) onPreview(row.id);
        return;
      case " ":
        if (!canEdit) return;
        event.preventDefault();
        selection.toggle(row.id, activeRow, event.shiftKey);
        return;
      case "Escape":
        if (selection.count) selection.clear();
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const column = gridColumns[activeCol];
          const textual = column === "name" || column === "region";
          if (startEdit({ row: activeRow, col: activeCol }, textual ? event.key : null)) event.preventDefault();
        }
    }
  }

  function startResize(event: ReactPointerEvent<HTMLSpanElement>, column: DirectoryColumn) {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = widthOf(column);
    let width = startWidth;
    const moveHandler = (move: PointerEvent) => {
      width = Math.round(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, startWidth + move.clientX - startX)));
      setLiveWidths((current) => ({ ...current, [column]: width }));
    };
    const upHandler = () => {
      window.removeEventListener("pointermove", moveHandler);
      window.removeEventListener("pointerup", upHandler);
      if (width !== startWidth) onResize(column, width);
    };
    window.addEventListener("pointermove", moveHandler);
    window.addEventListener("pointerup", upHandler);
  }

  const { column: sortColumn, descending } = parseSort(sort);
  const pageIds = rows.map((row) => row.id);
  const pageState = selection.pageState(pageIds);

  return (
    <div
      ref={scrollRef}
      className="relative h-[calc(100dvh-23rem)] min-h-[420px] overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs"
    >
      <div
        role="grid"
        aria-label="Partners"
        aria-rowcount={total}
        aria-colcount={gridColumns.length}
        aria-multiselectable={canEdit || undefined}
        aria-busy={busy || undefined}
        onKeyDown={onKeyDown}
        style={{ width: totalWidth, minWidth: "100%" }}
        className={cn("text-sm transition-opacity", busy && "opacity-60")}
      >
        <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50/95 backdrop-blur">
          <div role="row" className="grid" style={{ gridTemplateColumns: template }}>
            {gridColumns.map((column, index) =>
              column === "select" ? (
                <div
                  key={column}
                  role="columnheader"
                  aria-colindex={index + 1}
                  className="flex h-10 items-center justify-center"
                >
                  <input
                    type="checkbox"
                    aria-label="Select all partners on this page"
                    className="size-4 accent-brand-600"
                    checked={pageState === "all"}
                    ref={(element) => {
                      if (element) element.indeterminate = pageState === "some";
                    }}
                    onChange={() => selection.togglePage(pageIds)}
                  />
                </div>
              ) : (
                <div
                  key={column}
                  role="columnheader"
                  aria-colindex={index + 1}
                  aria-sort={
                    isSortColumn(column) && sortColumn === column
                      ? descending
                        ? "descending"
                        : "ascending"
                      : undefined
                  }
                  className="group relative flex h-10 items-center border-l border-slate-200 first:border-l-0"
                >
                  {isSortColumn(column) ? (
                    <button
                      type="button"
                      className="flex h-full w-full items-center gap-1 px-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase hover:text-slate-900"
                      onClick={() => onSort(column)}
                    >
                      <span className="truncate">{COLUMN_LABELS[column]}</span>
                      {sortColumn === column ? (
                        descending ? (
                          <ArrowDown className="size-3.5 shrink-0" aria-hidden />
                        ) : (
                          <ArrowUp className="size-3.5 shrink-0" aria-hidden />
                        )
                      ) : (
                        <ChevronsUpDown
                          className="size-3.5 shrink-0 text-slate-300 group-hover:text-slate-400"
                          aria-hidden
                        />
                      )}
                    </button>
                  ) : (
                    <span className="truncate px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                      {COLUMN_LABELS[column]}
                    </span>
                  )}
                  <span
                    aria-hidden
                    title={`Resize ${COLUMN_LABELS[column]}`}
                    onPointerDown={(event) => startResize(event, column)}
                    className="absolute top-0 right-0 z-10 h-full w-2 cursor-col-resize touch-none hover:bg-brand-500/30"
                  />
                </div>
              ),
            )}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const selected = selection.isSelected(row.id);
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={offset + item.index + 1}
                aria-selected={canEdit ? selected : undefined}
                data-partner-id={row.id}
                className={cn(
                  "absolute left-0 grid w-full border-b border-slate-100",
                  // Each row's transform makes it a stacking context: the row being edited goes on top,
                  // or the next row would cover the editor's error message.
                  editing?.row === item.index && "z-10",
                  selected ? "bg-brand-50" : previewId === row.id ? "bg-slate-50" : "bg-white hover:bg-slate-50/70",
                )}
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {gridColumns.map((column, col) => {
                  const isActive = item.index === activeRow && col === activeCol;
                  const isEditing = editing?.row === item.index && editing.col === col;
                  const editable = column !== "select" && isEditableColumn(column);
                  return (
                    <div
                      key={column}
                      role="gridcell"
                      aria-colindex={col + 1}
                      aria-readonly={column === "select" ? undefined : !(canEdit && editable)}
                      tabIndex={isActive && !isEditing ? 0 : -1}
                      data-cell={`${item.index}:${col}`}
                      data-column={column}
                      onFocus={(event) => {
                        if (event.target === event.currentTarget && !isActive) setActive({ row: item.index, col });
                      }}
                      onMouseDown={() => setActive({ row: item.index, col })}
                      onDoubleClick={() => startEdit({ row: item.index, col }, null)}
                      className={cn(
                        "flex min-w-0 items-center overflow-hidden text-slate-700 outline-none",
                        column === "select" ? "justify-center" : "px-3",
                        isEditing && "overflow-visible p-0",
                        "focus:ring-2 focus:ring-brand-500 focus:ring-inset",
                        canEdit && editable && !isEditing && "cursor-cell",
                      )}
                    >
                      {column === "select" ? (
                        <input
                          type="checkbox"
                          tabIndex={-1}
                          aria-label={`Select ${row.name}`}
                          className="size-4 accent-brand-600"
                          checked={selected}
                          onChange={() => undefined}
                          onClick={(event) => selection.toggle(row.id, item.index, event.shiftKey)}
                        />
                      ) : isEditing && isEditableColumn(column) ? (
                        <CellEditor
                          column={column}
                          value={editValue(row, column)}
                          initialText={editing.initialText}
                          owners={owners}
                          regions={regions}
                          label={`${COLUMN_LABELS[column]} of ${row.name}`}
                          commit={commitEdit}
                          cancel={() => {
                            setEditing(null);
                            focusCell({ row: item.index, col });
                          }}
                        />
                      ) : column === "name" ? (
                        <span className="flex min-w-0 flex-1 items-center justify-between gap-2">
                          {/* A way in for the pointer; the cell keeps F2, Enter and typing for editing, Ctrl+Enter opens. */}
                          <Link
                            href={workspaceHref(row.id)}
                            tabIndex={-1}
                            prefetch={false}
                            className="min-w-0 hover:underline"
                            onDoubleClick={(event) => event.preventDefault()}
                          >
                            <CellValue row={row} column={column} timeZone={timeZone} />
                          </Link>
                          <button
                            type="button"
                            tabIndex={-1}
                            aria-label={`Preview ${row.name}`}
                            title="Preview"
                            onClick={() => onPreview(row.id)}
                            className="shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
                          >
                            <PanelRightOpen className="size-4" aria-hidden />
                          </button>
                        </span>
                      ) : (
                        <CellValue row={row} column={column} timeZone={timeZone} />
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
