"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { PARTNER_STATUSES, PARTNER_TIERS, STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import { usePickerSearch } from "@/components/ui/use-picker-search";
import type { TextEditableColumn } from "@/lib/partners/directory-columns";

export type EditorExit = "enter" | "tab" | "shift-tab" | "blur";

/**
 * The editor inside a grid cell. Enter or Tab commits (Tab then moves on), Esc cancels,
 * leaving the cell commits. `commit` returns an error message when the value is refused
 * by the schema; the editor then stays open and says why.
 */
export function CellEditor({
  column,
  value,
  initialText,
  label,
  commit,
  cancel,
}: {
  column: TextEditableColumn;
  value: string;
  /** A character typed on the cell that started the edit: it replaces the value. */
  initialText: string | null;
  label: string;
  commit: (value: string, exit: EditorExit) => string | null;
  cancel: () => void;
}) {
  const [draft, setDraft] = useState(initialText ?? value);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const keyed = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  // The region's suggestions are the org's regions containing what has been typed, from the server.
  const regions = usePickerSearch("/api/pickers/regions", draft, column === "region");

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus();
    if (element instanceof HTMLInputElement) {
      if (initialText === null) element.select();
      else element.setSelectionRange(element.value.length, element.value.length);
    }
  }, [initialText]);

  function finish(next: string, exit: EditorExit) {
    if (done.current) return;
    const message = commit(next, exit);
    if (message) {
      setError(message);
      ref.current?.focus();
      return;
    }
    done.current = true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      done.current = true;
      cancel();
    } else if (event.key === "Enter") {
      event.preventDefault();
      finish(draft, "enter");
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(draft, event.shiftKey ? "shift-tab" : "tab");
    }
  }

  const common = {
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    title: error ?? undefined,
    onKeyDown,
    onBlur: () => finish(draft, "blur"),
    className:
      "h-full w-full rounded-sm border-0 bg-white px-2 text-sm text-slate-900 outline-none ring-2 ring-brand-500 aria-[invalid=true]:ring-red-500",
  };

  const field =
    column === "name" || column === "region" ? (
      <>
        <input
          ref={ref}
          {...common}
          value={draft}
          maxLength={column === "name" ? 200 : 100}
          list={column === "region" ? "directory-regions" : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        {column === "region" && (
          <datalist id="directory-regions">
            {regions.options.map((region) => (
              <option key={region.id} value={region.id} />
            ))}
          </datalist>
        )}
      </>
    ) : (
      <select
        ref={ref}
        {...common}
        value={draft}
        onKeyDownCapture={() => {
          keyed.current = true;
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          // Picking an option is the commit; arrows and typed letters only move the choice
          // (Enter or Tab then commit it).
          if (!keyed.current) finish(event.target.value, "enter");
          keyed.current = false;
        }}
      >
        {column === "status" &&
          PARTNER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        {column === "tier" &&
          PARTNER_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {TIER_LABELS[tier]}
            </option>
          ))}
      </select>
    );

  return (
    <div className="relative h-full w-full p-1">
      {field}
      {error && (
        <p
          role="alert"
          className="absolute top-full left-1 z-20 mt-0.5 rounded bg-red-600 px-2 py-0.5 text-xs whitespace-nowrap text-white shadow"
        >
          {error}
        </p>
      )}
    </div>
  );
}
