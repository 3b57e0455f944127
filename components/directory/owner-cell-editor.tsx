"use client";

import { useRef, type FocusEvent, type KeyboardEvent } from "react";
import { StaffPicker, UNASSIGNED } from "@/components/pickers/staff-picker";
import type { OwnerOption } from "@/lib/partners/directory-types";
import type { PickerOption } from "@/lib/pickers/schemas";
import type { EditorExit } from "./grid-keyboard";

/**
 * The owner cell's editor: staff searched on the server, so an org of any size offers every
 * one of them. Picking a choice (click, or Enter on it) commits; Enter on nothing, Tab and
 * leaving the cell keep the owner as it was and end the edit; Esc cancels.
 */
export function OwnerCellEditor({
  current,
  label,
  commit,
  cancel,
}: {
  current: OwnerOption | null;
  label: string;
  commit: (value: string, exit: EditorExit, owner?: OwnerOption | null) => string | null;
  cancel: () => void;
}) {
  const done = useRef(false);
  const value: PickerOption = current ? { id: current.id, label: current.name, name: current.name } : UNASSIGNED;

  function finish(next: string, exit: EditorExit, owner?: OwnerOption | null) {
    if (done.current) return;
    if (!commit(next, exit, owner)) done.current = true;
  }

  // Esc and Tab are the grid's before they are the picker's: Headless UI spends the first Esc
  // on closing the choices and stops it there, so these are taken on the way down.
  function onKeyDownCapture(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      done.current = true;
      cancel();
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(value.id, event.shiftKey ? "shift-tab" : "tab");
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // The grid's own keys must not see what the picker does with arrows, Home, End and letters.
    event.stopPropagation();
    if (event.key === "Enter" && !event.defaultPrevented) {
      // Headless UI marks an Enter it used to pick a choice; any other Enter ends the edit.
      event.preventDefault();
      finish(value.id, "enter");
    }
  }

  function onBlur(event: FocusEvent<HTMLElement>) {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    finish(value.id, "blur");
  }

  return (
    <div
      className="relative h-full w-full p-1"
      onKeyDownCapture={onKeyDownCapture}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <StaffPicker
        aria-label={label}
        autoFocus
        value={value}
        leadingOptions={[UNASSIGNED]}
        className="h-full"
        inputClassName="h-full rounded-sm border-0 px-2 shadow-none ring-2 ring-brand-500 focus:ring-2"
        onChange={(option) => {
          if (!option) return;
          finish(
            option.id,
            "enter",
            option.id ? { id: option.id, name: option.name ?? option.label, email: null } : null,
          );
        }}
      />
    </div>
  );
}
