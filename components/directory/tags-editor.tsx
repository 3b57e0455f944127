"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { editorAction, type EditorExit } from "./grid-keyboard";
import { addTags } from "./tag-list";

/**
 * A partner's tags edited in a grid cell: chips with a remove button, a field where
 * a comma or Enter adds what was typed, Backspace in an empty field removes the last
 * chip. Enter on an empty field, Tab or leaving commits; Esc cancels. The schema
 * (length, count) is checked on commit and its message shown under the field.
 */
export function TagsEditor({
  value,
  initialText,
  label,
  commit,
  cancel,
}: {
  value: readonly string[];
  /** A character typed on the cell that started the edit: the start of a new tag. */
  initialText: string | null;
  label: string;
  commit: (value: string[], exit: EditorExit) => string | null;
  cancel: () => void;
}) {
  const [tags, setTags] = useState<string[]>([...value]);
  const [text, setText] = useState(initialText ?? "");
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  function finish(exit: EditorExit) {
    if (done.current) return;
    const next = addTags(tags, text);
    const message = commit(next, exit);
    if (message) {
      setTags(next);
      setText("");
      setError(message);
      input.current?.focus();
      return;
    }
    done.current = true;
  }

  function change(next: string[]) {
    setTags(next);
    setError(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === ",") {
      event.preventDefault();
      change(addTags(tags, text));
      setText("");
      return;
    }
    if (event.key === "Backspace" && text === "" && tags.length > 0) {
      event.preventDefault();
      change(tags.slice(0, -1));
      return;
    }
    if (event.key === "Enter" && text.trim() !== "") {
      event.preventDefault();
      change(addTags(tags, text));
      setText("");
      return;
    }
    const action = editorAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.type === "cancel") {
      done.current = true;
      cancel();
    } else finish(action.exit);
  }

  return (
    <div
      ref={box}
      className="absolute top-0 left-0 z-20 w-max max-w-[min(32rem,90vw)] min-w-full p-1"
      onBlur={(event) => {
        if (!box.current?.contains(event.relatedTarget as Node | null)) finish("blur");
      }}
    >
      <div className="flex min-h-9 flex-wrap items-center gap-1 rounded-sm bg-white px-1.5 py-1 shadow-md ring-2 ring-brand-500 has-[[aria-invalid=true]]:ring-red-500">
        <ul aria-label="Tags so far" className="contents">
          {tags.map((tag) => (
            <li
              key={tag}
              className="flex items-center gap-0.5 rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-xs text-slate-700"
            >
              {tag}
              <button
                type="button"
                tabIndex={-1}
                aria-label={`Remove ${tag}`}
                // Keep focus in the field: a click on a chip is not leaving the editor.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  change(tags.filter((other) => other !== tag));
                  input.current?.focus();
                }}
                className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={input}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "grid-tags-error" : undefined}
          placeholder={tags.length ? "" : "Add tags"}
          value={text}
          maxLength={60}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          className="h-6 min-w-24 flex-1 border-0 bg-transparent px-1 text-sm text-slate-900 outline-none"
        />
      </div>
      {error && (
        <p
          id="grid-tags-error"
          role="alert"
          className="mt-0.5 w-max rounded bg-red-600 px-2 py-0.5 text-xs whitespace-nowrap text-white shadow"
        >
          {error}
        </p>
      )}
      <p className="sr-only">Comma or Enter adds a tag, Backspace removes the last one, Esc cancels.</p>
    </div>
  );
}
