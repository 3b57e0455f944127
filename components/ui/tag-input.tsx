"use client";

import { X } from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils/cn";

type Props = {
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** Read-only: the chips alone, no way to add or remove. */
  disabled?: boolean;
  placeholder?: string;
  /** What a blank list reads as when read-only. */
  emptyText?: string;
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  onBlur?: () => void;
  className?: string;
};

/** Enter, Tab with text, or a comma ends a tag; a pasted "a, b" becomes two. */
const SEPARATOR = /[,\n]/;

function split(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * A chips editor for a list of tags. It only collects what is typed: cleaning, limits and
 * duplicates are the schema's to judge, so the form shows the same message the server
 * would. Text not yet turned into a chip is kept when the field loses focus.
 */
export function TagInput({
  value,
  onChange,
  disabled = false,
  placeholder = "Add a tag",
  emptyText = "No tags",
  className,
  onBlur,
  ...inputProps
}: Props) {
  const [draft, setDraft] = useState("");
  const input = useRef<HTMLInputElement>(null);

  function commit(text: string): boolean {
    const added = split(text).filter((tag) => !value.includes(tag));
    setDraft("");
    if (added.length === 0) return false;
    onChange([...value, ...added]);
    return true;
  }

  function remove(index: number) {
    onChange(value.filter((_, position) => position !== index));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Tab" && draft.trim()) {
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
    }
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
      className={cn(
        "flex min-h-10 w-full flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 has-[input[aria-invalid=true]]:border-red-500",
        className,
      )}
      onClick={() => input.current?.focus()}
    >
      <ul className="contents">
        {value.map((tag, index) => (
          <li
            key={tag}
            className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2 text-xs font-medium text-brand-800"
          >
            <span className="truncate">{tag}</span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={(event) => {
                event.stopPropagation();
                remove(index);
              }}
              className="rounded-full p-0.5 text-brand-700 hover:bg-brand-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
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
          if (SEPARATOR.test(text)) commit(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          commit(draft);
          onBlur?.();
        }}
        className="h-7 min-w-24 flex-1 border-0 bg-transparent px-1 text-sm text-slate-900 placeholder:text-slate-400 focus:ring-0 focus:outline-none"
      />
    </div>
  );
}
