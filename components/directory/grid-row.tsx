"use client";

import { flexRender, type Row } from "@tanstack/react-table";
import { memo } from "react";
import type { EditableColumn } from "@/lib/partners/directory-columns";
import type { DirectoryRow, OwnerOption } from "@/lib/partners/directory-types";
import { cn } from "@/lib/utils/cn";
import { CellEditor } from "./cell-editor";
import { OwnerCellEditor } from "./owner-cell-editor";
import { TagsEditor } from "./tags-editor";
import { editValue } from "./cell-value";
import type { CellPosition, EditorExit } from "./grid-keyboard";
import type { GridEditing } from "./use-grid-keyboard";

export const ROW_HEIGHT = 44;

/** What a row may ask of the grid; one stable object, so a row that did not change is skipped. */
export type GridRowActions = {
  activate: (cell: CellPosition) => void;
  startEdit: (cell: CellPosition, initialText: string | null) => void;
  commit: (value: string | string[], exit: EditorExit, owner?: OwnerOption | null) => string | null;
  cancel: () => void;
  toggleSelect: (partnerId: string, index: number, range: boolean) => void;
};

type GridRowProps = {
  row: Row<DirectoryRow>;
  index: number;
  /** The row's position among every matching partner (aria-rowindex). */
  rowNumber: number;
  start: number;
  /** The active cell's column in this row, or -1; other rows get -1 and so stay as they were. */
  activeCol: number;
  editing: GridEditing | null;
  selected: boolean;
  previewed: boolean;
  canEdit: boolean;
  /** The visible columns in order: the row's cells follow them. */
  columnsKey: string;
  actions: GridRowActions;
};

/**
 * One partner's row. Memoised: a scroll frame re-renders the grid, but a row whose
 * partner, position and state are the same is skipped, so only rows coming into view render.
 */
export const GridRow = memo(function GridRow({
  row,
  index,
  rowNumber,
  start,
  activeCol,
  editing,
  selected,
  previewed,
  canEdit,
  actions,
}: GridRowProps) {
  const partner = row.original;
  return (
    <div
      role="row"
      aria-rowindex={rowNumber}
      aria-selected={canEdit ? selected : undefined}
      data-partner-id={partner.id}
      className={cn(
        "absolute left-0 grid w-full border-b border-slate-100",
        // Each row's transform makes it a stacking context: the row being edited goes on top,
        // or the next row would cover the editor's error message.
        editing && "z-10",
        selected ? "bg-brand-50" : previewed ? "bg-slate-50" : "bg-white hover:bg-slate-50/70",
      )}
      style={{ gridTemplateColumns: "var(--grid-columns)", height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      {row.getVisibleCells().map((cell, col) => {
        const meta = cell.column.columnDef.meta;
        const edit = canEdit ? meta?.edit : undefined;
        const isActive = col === activeCol;
        const isEditing = editing?.col === col && edit !== undefined;
        const position = { row: index, col };
        return (
          <div
            key={cell.id}
            role="gridcell"
            aria-colindex={col + 1}
            aria-readonly={meta?.select ? undefined : !edit}
            tabIndex={isActive && !isEditing ? 0 : -1}
            data-cell={`${index}:${col}`}
            data-column={cell.column.id}
            onFocus={(event) => {
              if (event.target === event.currentTarget && !isActive) actions.activate(position);
            }}
            onMouseDown={() => actions.activate(position)}
            onDoubleClick={() => actions.startEdit(position, null)}
            className={cn(
              "flex min-w-0 items-center overflow-hidden text-slate-700 outline-none",
              meta?.select ? "justify-center" : "px-3",
              isEditing && "relative overflow-visible p-0",
              "focus:ring-2 focus:ring-brand-500 focus:ring-inset",
              edit && !isEditing && "cursor-cell",
            )}
          >
            {meta?.select ? (
              <input
                type="checkbox"
                tabIndex={-1}
                aria-label={`Select ${partner.name}`}
                className="size-4 accent-brand-600"
                checked={selected}
                onChange={() => undefined}
                onClick={(event) => actions.toggleSelect(partner.id, index, event.shiftKey)}
              />
            ) : editing && edit && editing.col === col ? (
              <CellEditorFor
                partner={partner}
                column={edit.column}
                label={`${meta?.label ?? cell.column.id} of ${partner.name}`}
                initialText={editing.initialText}
                actions={actions}
              />
            ) : (
              flexRender(cell.column.columnDef.cell, cell.getContext())
            )}
          </div>
        );
      })}
    </div>
  );
});

function CellEditorFor({
  partner,
  column,
  label,
  initialText,
  actions,
}: {
  partner: DirectoryRow;
  column: EditableColumn;
  label: string;
  initialText: string | null;
  actions: GridRowActions;
}) {
  if (column === "tags") {
    return (
      <TagsEditor
        value={partner.tags}
        initialText={initialText}
        label={label}
        commit={actions.commit}
        cancel={actions.cancel}
      />
    );
  }
  if (column === "owner") {
    return (
      <OwnerCellEditor
        current={
          partner.owner_id
            ? {
                id: partner.owner_id,
                name: partner.owner?.display_name || partner.owner?.email || "Unnamed",
                email: partner.owner?.email ?? null,
              }
            : null
        }
        label={label}
        commit={actions.commit}
        cancel={actions.cancel}
      />
    );
  }
  return (
    <CellEditor
      column={column}
      value={editValue(partner, column)}
      initialText={initialText}
      label={label}
      commit={actions.commit}
      cancel={actions.cancel}
    />
  );
}
