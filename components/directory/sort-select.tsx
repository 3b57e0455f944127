"use client";

import { COLUMN_LABELS, SORT_KEYS, type SortColumn, type SortValue } from "@/lib/partners/directory-columns";

const DIRECTION: Record<SortColumn, [string, string]> = {
  name: ["A to Z", "Z to A"],
  status: ["prospect first", "churned first"],
  tier: ["registered first", "platinum first"],
  region: ["A to Z", "Z to A"],
  commission_rate: ["lowest first", "highest first"],
  updated_at: ["oldest first", "newest first"],
  created_at: ["oldest first", "newest first"],
};

/** The phone's sort control: the cards have no column headers to click. */
export function SortSelect({ sort, onChange }: { sort: SortValue; onChange: (sort: SortValue) => void }) {
  return (
    <select
      aria-label="Sort partners"
      value={sort}
      onChange={(event) => onChange(event.target.value as SortValue)}
      className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm sm:hidden"
    >
      {SORT_KEYS.flatMap((column) => [
        <option key={column} value={column}>
          {COLUMN_LABELS[column]}: {DIRECTION[column][0]}
        </option>,
        <option key={`-${column}`} value={`-${column}`}>
          {COLUMN_LABELS[column]}: {DIRECTION[column][1]}
        </option>,
      ])}
    </select>
  );
}
