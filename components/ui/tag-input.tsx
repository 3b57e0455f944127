"use client";

import { X } from "lucide-react";
import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { addTags, hasTagSeparator } from "@/lib/validation/tags";
import { cn } from "@/lib/utils/cn";

type Props = {
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** Read-only: the chips alone, no way to add or remove. */
  disabled?: boolean;
  placeholder?: string;
  /** What a blank list reads as when read-only. */
  emptyText?: string;
  /** "cell" sits in a grid cell: compact, and Tab belongs to the grid, not to the chips. */
  variant?: "field" | "cell";
  /** The text not yet a chip, when the owner needs it (a grid cell saves it with the chips). */
  draft?: string;
  onDraftChange?: (text: string) => void;
  /**
   * Keys the chips do not use themselves (Enter or Tab on an empty field, Escape…).
   * Preventing the default takes the key over: Enter then no longer stops there.
   */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  onBlur?: () => void;
  className?: string;
};

const look = {
  field: {
    box: "min-h-10 w-full gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 has-[input[aria-invalid=true]]:border-red-500",
    chip: "rounded-full bg-brand-50 py-0.5 pr-1 pl-2 font-medium text-brand-800",
    remove: "rounded-full text-brand-700 hover:bg-brand-100",
    input: "h-7",
  },
  cell: {
    box: "min-h-9 gap-1 rounded-sm px-1.5 py-1 shadow-md ring-2 ring-brand-500 has-[input[aria-invalid=true]]:ring-red-500",
    chip: "rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-slate-700",
    remove: "rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900",
    input: "h-6",
  },
} as const;

/**
 * A chips editor for a list of tags: a comma or Enter ends a tag, Tab with text too, a
 * pasted "a, b" becomes two, Backspace in an empty field takes the last chip back. It only
 * collects what is typed: limits and case are the schema's to judge, so the screen shows
 * the message the server would. Text not yet a chip is kept when the field loses focus.
 */
export function TagInput({
  value,
  onChange,
  disabled = false,
  placeholder = "Add a tag",
  emptyText = "No tags",
  variant = "field",
  draft: controlledDraft,
  onDraftChange,
  onKeyDown: onOtherKey,
  inputRef,
  className,
  onBlur,
  ...inputProps
}: Props) {
  const [ownDraft, setOwnDraft] = useState("");
  const ownInput = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownInput;
  const draft = controlledDraft ?? ownDraft;
  const setDraft = onDraftChange ?? setOwnDraft;
  const style = look[variant];

  function commit(text: string) {
    const next = addTags(value, text);
    setDraft("");
    if (next.length !== value.length) onChange(next);
  }

  function remove(index: number) {
    onChange(value.filter((_, position) => position !== index));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "," || (event.key === "Enter" && draft.trim() !== "")) {
      event.preventDefault();
      commit(draft);
      return;
    }
    if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
      return;
    }
    onOtherKey?.(event);
    if (event.defaultPrevented) return;
    // Enter on an empty field ends nothing: it must not submit the form around it either.
    if (event.key === "Enter") event.preventDefault();
    else if (event.key === "Tab" && draft.trim() !== "") commit(draft);
  }

  if (disabled) {
    return (
      <ul aria-label={inputProps["aria-label"] ?? "Tags"} className={cn("flex flex-wrap gap-1.5", className)}>
        {value.length === 0 && <li className="text-sm text-slate-500">{emptyText}</li>}
        {value.map((tag) => (
          <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
            {tag}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div
      className={cn("flex flex-wrap items-center bg-white", style.box, className)}
      onClick={() => input.current?.focus()}
    >
      {/* A form's field is labelled by its own label; in a cell the chips name themselves. */}
      <ul aria-label={variant === "cell" ? "Tags so far" : undefined} className="contents">
        {value.map((tag, index) => (
          <li key={tag} className={cn("inline-flex max-w-full items-center gap-1 text-xs", style.chip)}>
            <span className="truncate">{tag}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              // In a cell, Tab saves the cell; the chips stay reachable by Backspace and pointer.
              tabIndex={variant === "cell" ? -1 : undefined}
              // Keep focus in the field: a click on a chip is not leaving it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                event.stopPropagation();
                remove(index);
              }}
              className={cn(
                "p-0.5 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
                style.remove,
              )}
            >
              <X className="size-3" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        {...inputProps}
        value={draft}
        autoComplete="off"
        enterKeyHint="done"
        placeholder={value.length ? undefined : placeholder}
        onChange={(event) => {
          const text = event.target.value;
          if (hasTagSeparator(text)) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          commit(draft);
          onBlur?.();
        }}
        className={cn(
          "min-w-24 flex-1 border-0 bg-transparent px-1 text-sm text-slate-900 placeholder:text-slate-400 focus:ring-0 focus:outline-none",
          style.input,
        )}
      />
    </div>
  );
}
