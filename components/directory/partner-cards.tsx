"use client";

import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import { useHydrated } from "@/components/ui/use-narrow-screen";
import type { DirectoryRow } from "@/lib/partners/directory-types";

/**
 * Cards the server writes as markup: more than a phone's first screen holds. The rest of the
 * page is written by the client from the rows it already has, so a page of 200 partners does
 * not travel twice (as markup and as the rows' data).
 */
const SERVER_CARDS = 20;

/** Below 640 px the grid gives way to a list of cards; a tap opens the preview. */
export function PartnerCards({ rows, onPreview }: { rows: DirectoryRow[]; onPreview: (id: string) => void }) {
  const hydrated = useHydrated();
  const shown = hydrated ? rows : rows.slice(0, SERVER_CARDS);
  return (
    <ul className="space-y-2" aria-label="Partners">
      {shown.map((row) => (
        <li key={row.id}>
          {/* partner-card (app/globals.css): one short class for a long list of utilities, repeated per card. */}
          <button type="button" onClick={() => onPreview(row.id)} className="partner-card">
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
          </button>
        </li>
      ))}
    </ul>
  );
}
