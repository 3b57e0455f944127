"use client";

import { useEffect, useRef, useState } from "react";
import { TagInput } from "@/components/ui/tag-input";
import { addTags } from "@/lib/validation/tags";
import { editorAction, type EditorExit } from "./grid-keyboard";

/**
 * A partner's tags edited in a grid cell: the shared chips editor, plus what a cell needs.
 * Enter on an empty field, Tab or leaving saves the chips with any text not yet a chip;
 * Esc cancels. The schema (length, count) is checked on save and its message shown under
 * the field, which then stays open.
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

  return (
    <div
      ref={box}
      className="absolute top-0 left-0 z-20 w-max max-w-[min(32rem,90vw)] min-w-full p-1"
      // Keys typed here are the editor's, not the grid's moves.
      onKeyDown={(event) => event.stopPropagation()}
      onBlur={(event) => {
        if (!box.current?.contains(event.relatedTarget as Node | null)) finish("blur");
      }}
    >
      <TagInput
        variant="cell"
        inputRef={input}
        value={tags}
        onChange={(next) => {
          setTags(next);
          setError(null);
        }}
        draft={text}
        onDraftChange={(next) => {
          setText(next);
          setError(null);
        }}
        onKeyDown={(event) => {
          const action = editorAction(event);
          if (!action) return;
          event.preventDefault();
          if (action.type === "cancel") {
            done.current = true;
            cancel();
          } else finish(action.exit);
        }}
        placeholder="Add tags"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "grid-tags-error" : undefined}
      />
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
