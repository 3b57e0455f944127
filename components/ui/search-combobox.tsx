"use client";

import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions } from "@headlessui/react";
import { Check, ChevronsUpDown } from "lucide-react";
import { useState } from "react";
import type { PickerOption } from "@/lib/pickers/schemas";
import { cn } from "@/lib/utils/cn";
import { usePickerSearch } from "./use-picker-search";

type Props = {
  /** A picker route under /api/pickers that answers `{ options, more }` for `?q=`. */
  endpoint: string;
  params?: Record<string, string>;
  value: PickerOption | null;
  onChange: (option: PickerOption | null) => void;
  /** For GET forms: a hidden input with the chosen id under this name. */
  name?: string;
  placeholder?: string;
  /** An option that clears the choice ("Any partner"), for filters. */
  clearLabel?: string;
  /**
   * Fixed choices offered above the matches ("Unassigned"): unlike `clearLabel` they are real
   * values, so emptying the box (which Headless UI reports as null) never picks them.
   */
  leadingOptions?: readonly PickerOption[];
  /** Ids not to offer (a user's existing grants). */
  exclude?: readonly string[];
  /** What the empty answer says, e.g. "No partners match". */
  emptyText?: string;
  /** False inside a modal dialog: choices portalled out of it would sit outside its focus and pointer trap. */
  portal?: boolean;
  id?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  /** Classes for the text box itself, e.g. a compact height in a toolbar or a grid cell. */
  inputClassName?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  className?: string;
};

/**
 * One searchable picker for partners and people: each keystroke asks the server for the
 * first matches, so a list of any size never has to reach the page.
 */
export function SearchCombobox({
  endpoint,
  params,
  value,
  onChange,
  name,
  placeholder = "Type to search…",
  clearLabel,
  exclude,
  emptyText = "Nothing matches",
  portal = true,
  leadingOptions,
  inputClassName,
  disabled,
  className,
  ...inputProps
}: Props) {
  const [term, setTerm] = useState("");
  const [active, setActive] = useState(false);
  const search = usePickerSearch(endpoint, term, active, params);
  const hidden = new Set(exclude ?? []);
  const options = search.options.filter((option) => !hidden.has(option.id));
  return (
    <div className={cn("relative", className)}>
      <Combobox
        value={value}
        by="id"
        disabled={disabled}
        immediate
        onChange={(option: PickerOption | null) => {
          onChange(option);
          setTerm("");
        }}
        onClose={() => {
          setTerm("");
          setActive(false);
        }}
      >
        <div className="relative">
          <ComboboxInput
            {...inputProps}
            autoComplete="off"
            placeholder={value ? undefined : placeholder}
            displayValue={(option: PickerOption | null) => option?.label ?? ""}
            onFocus={() => setActive(true)}
            onChange={(event) => {
              setActive(true);
              setTerm(event.target.value);
            }}
            className={cn(
              "block h-10 w-full rounded-md border border-slate-300 bg-white pr-9 pl-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none disabled:opacity-50 aria-[invalid=true]:border-red-500",
              inputClassName,
            )}
          />
          <ComboboxButton
            aria-label="Show choices"
            onClick={() => setActive(true)}
            className="absolute inset-y-0 right-0 flex items-center px-2.5 text-slate-400 hover:text-slate-600"
          >
            <ChevronsUpDown className="size-4" aria-hidden />
          </ComboboxButton>
        </div>
        <ComboboxOptions
          // Anchored choices live in a portal; inside a modal they drop down in place instead.
          anchor={portal ? { to: "bottom start", gap: 4 } : undefined}
          portal={portal}
          className={cn(
            "z-50 max-h-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg empty:invisible",
            portal ? "w-(--input-width) min-w-56" : "absolute inset-x-0 top-full mt-1",
          )}
        >
          {clearLabel && (
            <ComboboxOption
              value={null}
              className="cursor-pointer px-3 py-2 text-slate-600 data-focus:bg-brand-50 data-focus:text-brand-800"
            >
              {clearLabel}
            </ComboboxOption>
          )}
          {[...(leadingOptions ?? []), ...options].map((option) => (
            <ComboboxOption
              key={option.id}
              value={option}
              className="group flex cursor-pointer items-center gap-2 px-3 py-2 text-slate-800 data-focus:bg-brand-50 data-focus:text-brand-900"
            >
              <Check className="invisible size-4 shrink-0 text-brand-600 group-data-selected:visible" aria-hidden />
              <span className="min-w-0 flex-1 truncate">{option.label}</span>
              {option.detail && <span className="shrink-0 text-xs text-slate-400">{option.detail}</span>}
            </ComboboxOption>
          ))}
          <PickerStatus status={search.status} count={options.length} more={search.more} emptyText={emptyText} />
        </ComboboxOptions>
      </Combobox>
      {name && <input type="hidden" name={name} value={value?.id ?? ""} />}
    </div>
  );
}

function PickerStatus({
  status,
  count,
  more,
  emptyText,
}: {
  status: string;
  count: number;
  more: boolean;
  emptyText: string;
}) {
  let text: string | null = null;
  if (status === "loading" || status === "idle") text = count ? null : "Searching…";
  else if (status === "error") text = "Could not search right now. Keep typing to try again.";
  else if (count === 0) text = emptyText;
  else if (more) text = `The first ${count} matches. Type more to narrow them.`;
  if (!text) return null;
  return (
    <p role="status" className="px-3 py-2 text-slate-500">
      {text}
    </p>
  );
}
