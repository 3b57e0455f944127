"use client";

import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import {
  cellAfterEdit,
  clampCell,
  navigationAction,
  type ActiveCellInfo,
  type CellPosition,
  type EditorExit,
  type GridShape,
} from "./grid-keyboard";

export type GridEditing = CellPosition & { initialText: string | null };

export const cellSelector = (cell: CellPosition) => `[data-cell="${cell.row}:${cell.col}"]`;

/**
 * The grid's active cell, its editor and DOM focus. Rows are virtualised, so the
 * active cell is a position, not an element: moving to a row that is not rendered
 * scrolls it in and focuses it once it is; a focused row that scrolls out and back
 * gets focus back (the browser drops focus to the page when its element goes).
 */
export function useGridKeyboard({
  gridRef,
  initialCol,
  shape,
  cellInfo,
  canSelect,
  scrollToRow,
  onOpen,
  onPreview,
  onSelect,
  onClearSelection,
}: {
  gridRef: React.RefObject<HTMLElement | null>;
  /** Where the active cell starts in each row (past the selection box). */
  initialCol: number;
  shape: GridShape;
  cellInfo: (col: number) => ActiveCellInfo;
  canSelect: boolean;
  scrollToRow: (row: number) => void;
  onOpen: (row: number) => void;
  onPreview: (row: number) => void;
  onSelect: (row: number, range: boolean) => void;
  onClearSelection: () => void;
}) {
  const [stored, setActive] = useState<CellPosition>({ row: 0, col: initialCol });
  const [editing, setEditing] = useState<GridEditing | null>(null);
  const active = clampCell(stored, shape);
  const focusWanted = useRef(false);
  const focusInside = useRef(false);

  const focusCell = useCallback(
    (cell: CellPosition) => {
      focusWanted.current = true;
      setActive(cell);
      scrollToRow(cell.row);
    },
    [scrollToRow],
  );

  useLayoutEffect(() => {
    if (editing) return;
    const lost = focusInside.current && document.activeElement === document.body;
    if (!focusWanted.current && !lost) return;
    const scrollIn = focusWanted.current;
    let frames = 0;
    const attempt = () => {
      const element = gridRef.current?.querySelector<HTMLElement>(cellSelector(active));
      if (element) {
        element.focus({ preventScroll: !scrollIn });
        focusWanted.current = false;
      } else if (scrollIn && frames++ < 5) requestAnimationFrame(attempt);
    };
    attempt();
  });

  const startEdit = useCallback(
    (cell: CellPosition, initialText: string | null) => {
      if (!cellInfo(cell.col).editable || cell.row >= shape.rows) return false;
      setActive(cell);
      setEditing({ ...cell, initialText });
      return true;
    },
    [cellInfo, shape.rows],
  );

  /** The editor closed after a commit: move on as the way it was left says. */
  const endEdit = useCallback(
    (exit: EditorExit) => {
      if (!editing) return;
      setEditing(null);
      const next = cellAfterEdit(editing, exit, shape);
      if (next) focusCell(next);
    },
    [editing, shape, focusCell],
  );

  const cancelEdit = useCallback(() => {
    if (!editing) return;
    setEditing(null);
    focusCell(editing);
  }, [editing, focusCell]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (editing || !(event.target instanceof HTMLElement) || !event.target.dataset.cell) return;
      const action = navigationAction(event, active, shape, cellInfo(active.col), canSelect);
      if (!action) return;
      event.preventDefault();
      switch (action.type) {
        case "move":
          return focusCell(action.to);
        case "edit":
          return void startEdit(active, action.initialText);
        case "open":
          return onOpen(active.row);
        case "preview":
          return onPreview(active.row);
        case "select":
          return onSelect(active.row, action.range);
        case "clear-selection":
          return onClearSelection();
      }
    },
    [editing, active, shape, cellInfo, canSelect, focusCell, startEdit, onOpen, onPreview, onSelect, onClearSelection],
  );

  const onFocus = useCallback(() => {
    focusInside.current = true;
  }, []);

  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const target = event.target;
      // A cell scrolled out of the DOM takes focus with it: that is not leaving the grid.
      queueMicrotask(() => {
        if (!target.isConnected) return;
        focusInside.current = Boolean(gridRef.current?.contains(document.activeElement));
      });
    },
    [gridRef],
  );

  /** A pointer or focus landed on a cell: it becomes the active one. */
  const activate = useCallback((cell: CellPosition) => {
    setActive((current) => (current.row === cell.row && current.col === cell.col ? current : cell));
  }, []);

  const reset = useCallback(() => {
    setEditing(null);
    setActive((current) => (current.row === 0 ? current : { row: 0, col: current.col }));
  }, []);

  return { active, editing, activate, startEdit, endEdit, cancelEdit, reset, onKeyDown, onFocus, onBlur };
}
