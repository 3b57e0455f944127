"use client";

import * as Popover from "@radix-ui/react-popover";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/** A filter button that opens a list of checkboxes (status, tier). */
export function MultiSelectFilter<T extends string>({
  label,
  options,
  labels,
  selected,
  onChange,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  const summary =
    selected.length === 0 ? "All" : selected.length === 1 ? labels[selected[0]!] : `${selected.length} selected`;
  return (
    <Popover.Root>
      <Popover.Trigger
        className={cn(
          "inline-flex h-9 items-center gap-1.5 rounded-md border bg-white px-3 text-sm shadow-xs hover:bg-slate-50",
          selected.length ? "border-brand-500 text-brand-700" : "border-slate-300 text-slate-700",
        )}
        aria-label={`${label}: ${summary}`}
      >
        <span className="font-medium">{label}</span>
        <span className="text-slate-500">{summary}</span>
        <ChevronDown className="size-4 text-slate-400" aria-hidden />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <fieldset>
            <legend className="sr-only">{label}</legend>
            {options.map((option) => {
              const checked = selected.includes(option);
              return (
                <label
                  key={option}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50"
                >
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-brand-600"
                    checked={checked}
                    onChange={() =>
                      onChange(checked ? selected.filter((value) => value !== option) : [...selected, option])
                    }
                  />
                  {labels[option]}
                </label>
              );
            })}
          </fieldset>
          {selected.length > 0 && (
            <button
              type="button"
              className="mt-1 w-full rounded px-2 py-1.5 text-left text-sm text-slate-500 hover:bg-slate-50"
              onClick={() => onChange([])}
            >
              Clear {label.toLowerCase()}
            </button>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
