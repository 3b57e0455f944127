import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import { useOrgFormat } from "@/components/format/org-format-provider";
import type { DirectoryColumn, TextEditableColumn } from "@/lib/partners/directory-columns";
import type { DirectoryRow } from "@/lib/partners/directory-types";
import { cn } from "@/lib/utils/cn";

/** How a partner's value shows in a grid cell or card. */
export function CellValue({
  row,
  column,
}: {
  row: DirectoryRow;
  column: DirectoryColumn;
  /** Ignored: dates follow the org's format from OrgFormatProvider. Kept so the grid's call sites stay as they are. */
  timeZone?: string;
}) {
  const format = useOrgFormat();
  switch (column) {
    case "name":
      return (
        <span className="flex min-w-0 items-center gap-1.5">
          <span className={cn("truncate font-medium", row.archived_at ? "text-slate-500" : "text-slate-900")}>
            {row.name}
          </span>
          {row.archived_at && (
            <span className="shrink-0 rounded bg-slate-200 px-1.5 py-0.5 text-[11px] font-medium text-slate-700">
              Archived
            </span>
          )}
        </span>
      );
    case "status":
      return <StatusBadge status={row.status} />;
    case "tier":
      return <TierPill tier={row.tier} />;
    case "owner":
      return row.owner_id ? (
        <span className="truncate">{row.owner?.display_name || row.owner?.email || "Staff member"}</span>
      ) : (
        <span className="text-slate-400">Unassigned</span>
      );
    case "region":
      return row.region ? <span className="truncate">{row.region}</span> : <span className="text-slate-400">—</span>;
    case "contact":
      return row.primary_contact_name || row.primary_contact_email ? (
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate">{row.primary_contact_name ?? "—"}</span>
          {row.primary_contact_email && (
            <span className="truncate text-xs text-slate-500">{row.primary_contact_email}</span>
          )}
        </span>
      ) : (
        <span className="text-slate-400">—</span>
      );
    case "commission_rate":
      return row.commission_rate === null ? (
        <span className="text-slate-400">—</span>
      ) : (
        <span className="tabular-nums">{format.rate(row.commission_rate)}</span>
      );
    case "tags":
      return row.tags.length ? (
        <span className="flex min-w-0 gap-1 overflow-hidden">
          {row.tags.map((tag) => (
            <span key={tag} className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
              {tag}
            </span>
          ))}
        </span>
      ) : (
        <span className="text-slate-400">—</span>
      );
    case "updated_at":
      return <span className="text-slate-600 tabular-nums">{format.date(row.updated_at)}</span>;
    case "created_at":
      return <span className="text-slate-600 tabular-nums">{format.date(row.created_at)}</span>;
  }
}

/** The value an editor starts from. */
export function editValue(row: DirectoryRow, column: TextEditableColumn): string {
  if (column === "owner") return row.owner_id ?? "";
  return row[column] ?? "";
}
