"use client";

import { Search, X } from "lucide-react";
import { useState } from "react";
import { PARTNER_STATUSES, PARTNER_TIERS, STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import { hasActiveFilter, type DirectoryFilter } from "@/lib/partners/directory-params";
import type { PickerOption } from "@/lib/pickers/schemas";
import { RegionPicker } from "@/components/pickers/region-picker";
import { MultiSelectFilter } from "./multi-select-filter";
import { OwnerFilter } from "./owner-filter";
import type { useDirectoryUrl } from "./use-directory-url";

export function DirectoryFilters({
  filter,
  chosenOwner,
  url,
}: {
  filter: DirectoryFilter;
  chosenOwner: PickerOption | null;
  url: ReturnType<typeof useDirectoryUrl>;
}) {
  const [search, setSearch] = useState(url.params.q);
  const [seenQuery, setSeenQuery] = useState(url.params.q);
  // Back/forward change the URL under the box: follow it.
  if (seenQuery !== url.params.q) {
    setSeenQuery(url.params.q);
    setSearch(url.params.q);
  }

  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter partners">
      <div className="relative w-full sm:w-72">
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
          aria-hidden
        />
        <input
          type="search"
          aria-label="Search partners"
          placeholder="Search name or contact email"
          className="h-9 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm shadow-xs placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            void url.setFilter({ q: event.target.value || null });
          }}
        />
      </div>
      <MultiSelectFilter
        label="Status"
        options={PARTNER_STATUSES}
        labels={STATUS_LABELS}
        selected={url.params.status}
        onChange={(status) => void url.setFilter({ status: status.length ? status : null })}
      />
      <MultiSelectFilter
        label="Tier"
        options={PARTNER_TIERS}
        labels={TIER_LABELS}
        selected={url.params.tier}
        onChange={(tier) => void url.setFilter({ tier: tier.length ? tier : null })}
      />
      <OwnerFilter
        ownerId={url.params.owner}
        initial={chosenOwner}
        onChange={(owner) => void url.setFilter({ owner })}
      />
      <RegionPicker region={url.params.region} onChange={(region) => void url.setFilter({ region })} />
      <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={url.params.archived}
          onChange={(event) => void url.setFilter({ archived: event.target.checked || null })}
        />
        Include archived
      </label>
      {hasActiveFilter(filter) && (
        <button
          type="button"
          className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
          onClick={() => {
            setSearch("");
            void url.setFilter({ q: null, status: null, tier: null, owner: null, region: null, archived: null });
          }}
        >
          <X className="size-4" aria-hidden /> Clear filters
        </button>
      )}
    </div>
  );
}
