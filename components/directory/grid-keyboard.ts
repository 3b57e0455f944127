/**
 * The directory grid's keyboard model, as pure functions of the key and where the
 * active cell is, so it can be tested without a browser. It follows the WAI-ARIA grid
 * pattern: the grid is one tab stop, arrows and paging keys move the active cell, Enter
 * or F2 (or typing) starts an edit, and inside an edit Enter or Tab commit and Esc cancels.
 */

export type CellPosition = { row: number; col: number };

/** How many rows and columns there are, and how far PageUp/PageDown jump. */
export type GridShape = { rows: number; cols: number; pageRows: number };

export type KeyPress = { key: string; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

/**
 * What typing does on a cell: `replace` starts an edit with the typed character as the
 * new text (name, region), `append` starts one with it as the first letter of an entry
 * (a new tag), `open` opens a choice without text (status, tier, owner).
 */
export type CellTyping = "replace" | "append" | "open";
export type ActiveCellInfo = { editable: boolean; typing: CellTyping };

export type NavigationAction =
  | { type: "move"; to: CellPosition }
  | { type: "edit"; initialText: string | null }
  | { type: "open" }
  | { type: "preview" }
  | { type: "select"; range: boolean }
  | { type: "clear-selection" };

export type EditorExit = "enter" | "tab" | "shift-tab" | "blur";
export type EditorAction = { type: "commit"; exit: EditorExit } | { type: "cancel" };

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** The nearest cell that exists: after the rows or columns changed, the active cell stays in bounds. */
export function clampCell(cell: CellPosition, shape: Pick<GridShape, "rows" | "cols">): CellPosition {
  return { row: clamp(cell.row, Math.max(shape.rows - 1, 0)), col: clamp(cell.col, Math.max(shape.cols - 1, 0)) };
}

function isPrintable(press: KeyPress): boolean {
  return press.key.length === 1 && !press.ctrlKey && !press.metaKey && !press.altKey;
}

/**
 * What a key on the active cell (not inside an editor) does, or null when the grid
 * leaves it to the browser (Tab leaves the grid: it is one tab stop).
 */
export function navigationAction(
  press: KeyPress,
  at: CellPosition,
  shape: GridShape,
  cell: ActiveCellInfo,
  canSelect: boolean,
): NavigationAction | null {
  if (shape.rows === 0 || shape.cols === 0) return null;
  const last = { row: shape.rows - 1, col: shape.cols - 1 };
  const move = (row: number, col: number): NavigationAction => ({
    type: "move",
    to: clampCell({ row, col }, shape),
  });
  const jump = press.ctrlKey || press.metaKey;
  switch (press.key) {
    case "ArrowDown":
      return move(jump ? last.row : at.row + 1, at.col);
    case "ArrowUp":
      return move(jump ? 0 : at.row - 1, at.col);
    case "ArrowRight":
      return move(at.row, jump ? last.col : at.col + 1);
    case "ArrowLeft":
      return move(at.row, jump ? 0 : at.col - 1);
    case "PageDown":
      return move(at.row + shape.pageRows, at.col);
    case "PageUp":
      return move(at.row - shape.pageRows, at.col);
    case "Home":
      return jump ? move(0, 0) : move(at.row, 0);
    case "End":
      return jump ? move(last.row, last.col) : move(at.row, last.col);
    case "Enter":
      if (jump) return { type: "open" };
      if (press.shiftKey || !cell.editable) return { type: "preview" };
      return { type: "edit", initialText: null };
    case "F2":
      return cell.editable ? { type: "edit", initialText: null } : { type: "preview" };
    case " ":
      return canSelect ? { type: "select", range: Boolean(press.shiftKey) } : null;
    case "Escape":
      return { type: "clear-selection" };
    default:
      if (!isPrintable(press) || !cell.editable) return null;
      return { type: "edit", initialText: cell.typing === "open" ? null : press.key };
  }
}

/** What a key inside a cell's editor does; null leaves it to the editor (typing, arrows in a choice). */
export function editorAction(press: KeyPress): EditorAction | null {
  if (press.key === "Escape") return { type: "cancel" };
  if (press.key === "Enter") return { type: "commit", exit: "enter" };
  if (press.key === "Tab") return { type: "commit", exit: press.shiftKey ? "shift-tab" : "tab" };
  return null;
}

/**
 * Where the active cell goes once an edit is committed: Enter stays, Tab moves to the
 * next cell (on to the next row after the last column), Shift+Tab back. Leaving the
 * editor by pointer (blur) moves nothing: the person already chose where to go.
 */
export function cellAfterEdit(at: CellPosition, exit: EditorExit, shape: GridShape): CellPosition | null {
  if (exit === "blur") return null;
  if (exit === "enter") return at;
  const step = exit === "tab" ? 1 : -1;
  const flat = at.row * shape.cols + at.col + step;
  const lastFlat = shape.rows * shape.cols - 1;
  const next = Math.max(0, Math.min(lastFlat, flat));
  return { row: Math.floor(next / shape.cols), col: next % shape.cols };
}
