import { describe, expect, it } from "vitest";
import {
  cellAfterEdit,
  clampCell,
  editorAction,
  navigationAction,
  type ActiveCellInfo,
  type GridShape,
} from "@/components/directory/grid-keyboard";

const shape: GridShape = { rows: 50, cols: 8, pageRows: 10 };
const text: ActiveCellInfo = { editable: true, typing: "replace" };
const choice: ActiveCellInfo = { editable: true, typing: "open" };
const tags: ActiveCellInfo = { editable: true, typing: "append" };
const readOnly: ActiveCellInfo = { editable: false, typing: "open" };
const at = { row: 5, col: 3 };
const press = (
  key: string,
  modifiers: Partial<Record<"shiftKey" | "ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) => ({
  key,
  ...modifiers,
});

describe("moving the active cell", () => {
  it("arrows move one cell and stop at the edges", () => {
    expect(navigationAction(press("ArrowDown"), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 6, col: 3 },
    });
    expect(navigationAction(press("ArrowUp"), at, shape, text, true)).toEqual({ type: "move", to: { row: 4, col: 3 } });
    expect(navigationAction(press("ArrowRight"), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 5, col: 4 },
    });
    expect(navigationAction(press("ArrowLeft"), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 5, col: 2 },
    });
    expect(navigationAction(press("ArrowUp"), { row: 0, col: 0 }, shape, text, true)).toEqual({
      type: "move",
      to: { row: 0, col: 0 },
    });
    expect(navigationAction(press("ArrowRight"), { row: 49, col: 7 }, shape, text, true)).toEqual({
      type: "move",
      to: { row: 49, col: 7 },
    });
    expect(navigationAction(press("ArrowDown"), { row: 49, col: 2 }, shape, text, true)).toEqual({
      type: "move",
      to: { row: 49, col: 2 },
    });
  });

  it("Ctrl+arrows jump to the edge", () => {
    expect(navigationAction(press("ArrowDown", { ctrlKey: true }), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 49, col: 3 },
    });
    expect(navigationAction(press("ArrowLeft", { metaKey: true }), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 5, col: 0 },
    });
  });

  it("Home and End go to the row's first and last cell, with Ctrl to the grid's", () => {
    expect(navigationAction(press("Home"), at, shape, text, true)).toEqual({ type: "move", to: { row: 5, col: 0 } });
    expect(navigationAction(press("End"), at, shape, text, true)).toEqual({ type: "move", to: { row: 5, col: 7 } });
    expect(navigationAction(press("Home", { ctrlKey: true }), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 0, col: 0 },
    });
    expect(navigationAction(press("End", { ctrlKey: true }), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 49, col: 7 },
    });
  });

  it("PageDown and PageUp jump a page of rows and stop at the ends", () => {
    expect(navigationAction(press("PageDown"), at, shape, text, true)).toEqual({
      type: "move",
      to: { row: 15, col: 3 },
    });
    expect(navigationAction(press("PageUp"), at, shape, text, true)).toEqual({ type: "move", to: { row: 0, col: 3 } });
    expect(navigationAction(press("PageDown"), { row: 45, col: 3 }, shape, text, true)).toEqual({
      type: "move",
      to: { row: 49, col: 3 },
    });
  });

  it("Tab is left to the browser: the grid is one tab stop", () => {
    expect(navigationAction(press("Tab"), at, shape, text, true)).toBeNull();
    expect(navigationAction(press("Tab", { shiftKey: true }), at, shape, text, true)).toBeNull();
  });

  it("an empty grid answers no key", () => {
    expect(navigationAction(press("ArrowDown"), at, { rows: 0, cols: 8, pageRows: 10 }, text, true)).toBeNull();
  });
});

describe("starting an edit", () => {
  it("Enter and F2 edit an editable cell", () => {
    expect(navigationAction(press("Enter"), at, shape, text, true)).toEqual({ type: "edit", initialText: null });
    expect(navigationAction(press("F2"), at, shape, choice, true)).toEqual({ type: "edit", initialText: null });
  });

  it("on a read-only cell (or for a viewer) Enter and F2 open the preview instead", () => {
    expect(navigationAction(press("Enter"), at, shape, readOnly, false)).toEqual({ type: "preview" });
    expect(navigationAction(press("F2"), at, shape, readOnly, false)).toEqual({ type: "preview" });
  });

  it("Shift+Enter previews and Ctrl+Enter opens the workspace, even on an editable cell", () => {
    expect(navigationAction(press("Enter", { shiftKey: true }), at, shape, text, true)).toEqual({ type: "preview" });
    expect(navigationAction(press("Enter", { ctrlKey: true }), at, shape, text, true)).toEqual({ type: "open" });
  });

  it("typing starts an edit: the letter replaces text, starts a tag, or just opens a choice", () => {
    expect(navigationAction(press("K"), at, shape, text, true)).toEqual({ type: "edit", initialText: "K" });
    expect(navigationAction(press("v"), at, shape, tags, true)).toEqual({ type: "edit", initialText: "v" });
    expect(navigationAction(press("g"), at, shape, choice, true)).toEqual({ type: "edit", initialText: null });
  });

  it("typing on a read-only cell, or with Ctrl/Alt held, does nothing", () => {
    expect(navigationAction(press("K"), at, shape, readOnly, true)).toBeNull();
    expect(navigationAction(press("c", { ctrlKey: true }), at, shape, text, true)).toBeNull();
    expect(navigationAction(press("x", { altKey: true }), at, shape, text, true)).toBeNull();
    expect(navigationAction(press("Shift"), at, shape, text, true)).toBeNull();
  });
});

describe("selection keys", () => {
  it("Space toggles the row for editors, Shift+Space selects a range; viewers cannot select", () => {
    expect(navigationAction(press(" "), at, shape, text, true)).toEqual({ type: "select", range: false });
    expect(navigationAction(press(" ", { shiftKey: true }), at, shape, text, true)).toEqual({
      type: "select",
      range: true,
    });
    expect(navigationAction(press(" "), at, shape, readOnly, false)).toBeNull();
  });

  it("Escape outside an editor clears the selection", () => {
    expect(navigationAction(press("Escape"), at, shape, text, true)).toEqual({ type: "clear-selection" });
  });
});

describe("inside an editor", () => {
  it("Enter and Tab commit, Esc cancels, other keys stay with the editor", () => {
    expect(editorAction(press("Enter"))).toEqual({ type: "commit", exit: "enter" });
    expect(editorAction(press("Tab"))).toEqual({ type: "commit", exit: "tab" });
    expect(editorAction(press("Tab", { shiftKey: true }))).toEqual({ type: "commit", exit: "shift-tab" });
    expect(editorAction(press("Escape"))).toEqual({ type: "cancel" });
    expect(editorAction(press("a"))).toBeNull();
    expect(editorAction(press("ArrowDown"))).toBeNull();
  });

  it("after a commit Enter stays, Tab moves on (to the next row after the last column), blur moves nothing", () => {
    expect(cellAfterEdit(at, "enter", shape)).toEqual(at);
    expect(cellAfterEdit(at, "tab", shape)).toEqual({ row: 5, col: 4 });
    expect(cellAfterEdit(at, "shift-tab", shape)).toEqual({ row: 5, col: 2 });
    expect(cellAfterEdit({ row: 5, col: 7 }, "tab", shape)).toEqual({ row: 6, col: 0 });
    expect(cellAfterEdit({ row: 5, col: 0 }, "shift-tab", shape)).toEqual({ row: 4, col: 7 });
    expect(cellAfterEdit({ row: 49, col: 7 }, "tab", shape)).toEqual({ row: 49, col: 7 });
    expect(cellAfterEdit({ row: 0, col: 0 }, "shift-tab", shape)).toEqual({ row: 0, col: 0 });
    expect(cellAfterEdit(at, "blur", shape)).toBeNull();
  });
});

describe("focus across virtualised rows and changing pages", () => {
  it("the active cell is a position: it survives its row scrolling away and stays in bounds when rows change", () => {
    // A move far past the rendered window is still a plain move; the grid scrolls it in.
    expect(
      navigationAction(press("End", { ctrlKey: true }), { row: 0, col: 0 }, { ...shape, rows: 5000 }, text, true),
    ).toEqual({
      type: "move",
      to: { row: 4999, col: 7 },
    });
    expect(clampCell({ row: 40, col: 3 }, { rows: 12, cols: 8 })).toEqual({ row: 11, col: 3 });
    expect(clampCell({ row: 4, col: 9 }, { rows: 12, cols: 6 })).toEqual({ row: 4, col: 5 });
    expect(clampCell({ row: 4, col: 2 }, { rows: 0, cols: 6 })).toEqual({ row: 0, col: 2 });
  });
});
