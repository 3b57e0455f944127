"use client";

import { SearchCombobox } from "@/components/ui/search-combobox";
import { cn } from "@/lib/utils/cn";

/**
 * A region filter: the org's regions searched on the server as the person types, so an org
 * with hundreds of them can pick any. The URL holds the region itself, so it needs no lookup.
 */
export function RegionPicker({
  region,
  onChange,
  className = "w-full sm:w-48",
}: {
  region: string | null;
  onChange: (region: string | null) => void;
  className?: string;
}) {
  return (
    <SearchCombobox
      endpoint="/api/pickers/regions"
      aria-label="Region"
      emptyText="No regions match"
      clearLabel="Any region"
      placeholder="Any region"
      className={className}
      inputClassName={cn("h-9", region && "border-brand-500 text-brand-700")}
      value={region ? { id: region, label: region } : null}
      onChange={(option) => onChange(option?.id ?? null)}
    />
  );
}
