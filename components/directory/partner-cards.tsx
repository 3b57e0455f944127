"use client";

import { ChevronRight } from "lucide-react";
import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import type { DirectoryRow } from "@/lib/partners/directory-types";

/** Below 640 px the grid gives way to a list of cards; a tap opens the preview. */
export function PartnerCards({ rows, onPreview }: { rows: DirectoryRow[]; onPreview: (id: string) => void }) {
  return (
    <ul className="space-y-2" aria-label="Partners">
      {rows.map((row) => (
        <li key={row.id}>
          <button
            type="button"
            onClick={() => onPreview(row.id)}
            className="flex w-full items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-left shadow-xs active:bg-slate-50"
          >
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900">{row.name}</span>
              <span className="mt-1 flex flex-wrap items-center gap-1.5">
                <StatusBadge status={row.status} />
                <TierPill tier={row.tier} />
              </span>
              <span className="mt-1.5 block truncate text-xs text-slate-500">
                {[row.owner?.display_name ?? (row.owner_id ? "Staff member" : "Unassigned"), row.region]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </span>
            <ChevronRight className="size-4 shrink-0 text-slate-400" aria-hidden />
          </button>
        </li>
      ))}
    </ul>
  );
}
