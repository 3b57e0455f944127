"use client";

import * as Popover from "@radix-ui/react-popover";
import { Columns3 } from "lucide-react";
import {
  COLUMN_LABELS,
  DEFAULT_VISIBLE_COLUMNS,
  DIRECTORY_COLUMNS,
  type DirectoryColumn,
} from "@/lib/partners/directory-columns";

/** Show and hide grid columns. Name always shows: it labels the row. */
export function ColumnMenu({
  columns,
  onChange,
}: {
  columns: DirectoryColumn[];
  onChange: (columns: DirectoryColumn[]) => void;
}) {
  return (
    <Popover.Root>
      <Popover.Trigger className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
        <Columns3 className="size-4" aria-hidden /> Columns
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          className="z-50 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <fieldset>
            <legend className="px-2 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              Visible columns
            </legend>
            {DIRECTORY_COLUMNS.map((column) => {
              const checked = columns.includes(column);
              return (
                <label
                  key={column}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50 has-disabled:cursor-default has-disabled:text-slate-400"
                >
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    checked={checked}
                    disabled={column === "name"}
                    onChange={() =>
                      onChange(
                        checked
                          ? columns.filter((value) => value !== column)
                          : DIRECTORY_COLUMNS.filter((value) => value === column || columns.includes(value)),
                      )
                    }
                  />
                  {COLUMN_LABELS[column]}
                </label>
              );
            })}
          </fieldset>
          <button
            type="button"
            className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-slate-500 hover:bg-slate-50"
            onClick={() => onChange([...DEFAULT_VISIBLE_COLUMNS])}
          >
            Reset to default
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
