"use client";

import { Archive, ArchiveRestore, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { bulkUpdatePartners } from "@/lib/partners/actions/bulk-update-partners";
import { MAX_BULK_IDS, type BulkChange } from "@/lib/partners/bulk-schemas";
import { PARTNER_STATUSES, STATUS_LABELS } from "@/lib/partners/constants";
import type { DirectoryFilter } from "@/lib/partners/directory-params";
import type { PickerOption } from "@/lib/pickers/schemas";
import { StaffPicker, UNASSIGNED } from "@/components/pickers/staff-picker";
import { ConfirmDialog } from "./confirm-dialog";
import { useOrgFormat } from "@/components/format/org-format-provider";
import type { Selection } from "./use-selection";

/** Bulk status, owner and archive for the selected partners, each behind a confirmation that says how many. */
export function BulkBar({
  selection,
  total,
  pageSize,
  filter,
}: {
  selection: Selection;
  total: number;
  pageSize: number;
  filter: DirectoryFilter;
}) {
  const [change, setChange] = useState<BulkChange | null>(null);
  const [owner, setOwner] = useState<PickerOption | null>(null);
  const [pending, startTransition] = useTransition();
  const format = useOrgFormat();
  const plural = (n: number) => `${format.number(n)} partner${n === 1 ? "" : "s"}`;
  const count = selection.count;
  if (count === 0) return null;
  const tooMany = !selection.allMatching && selection.ids.size > MAX_BULK_IDS;

  const describe = (c: BulkChange) =>
    c.kind === "status"
      ? `Set the status of ${plural(count)} to ${STATUS_LABELS[c.status]}?`
      : c.kind === "owner"
        ? `Make ${owner?.id ? (owner.name ?? owner.label) : "nobody"} the owner of ${plural(count)}?`
        : c.kind === "archive"
          ? `Archive ${plural(count)}?`
          : `Restore ${plural(count)} from the archive?`;

  function apply(c: BulkChange) {
    startTransition(async () => {
      const result = await bulkUpdatePartners({
        target: selection.allMatching ? { kind: "filter", filter } : { kind: "ids", ids: [...selection.ids] },
        change: c,
      });
      setChange(null);
      if (!result.ok) {
        toast.error("Nothing was changed", { description: result.error });
        return;
      }
      const unchanged = count - result.data.changed;
      toast.success(`${plural(result.data.changed)} changed`, {
        description: unchanged > 0 ? `${plural(unchanged)} already had that value.` : undefined,
      });
      selection.clear();
    });
  }

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-brand-50 px-3 py-2 text-sm"
    >
      <span className="font-medium text-indigo-900" aria-live="polite">
        {selection.allMatching ? `All ${plural(count)} matching selected` : `${plural(count)} selected`}
      </span>
      {!selection.allMatching && count >= Math.min(pageSize, total) && total > count && (
        <button
          type="button"
          className="text-brand-700 underline underline-offset-2 hover:text-indigo-900"
          onClick={selection.selectAllMatching}
        >
          Select all {plural(total)} matching
        </button>
      )}
      <span className="mx-1 hidden h-5 w-px bg-indigo-200 sm:block" aria-hidden />
      <select
        aria-label="Set status of selected"
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        value=""
        disabled={tooMany}
        onChange={(event) =>
          event.target.value &&
          setChange({ kind: "status", status: event.target.value as (typeof PARTNER_STATUSES)[number] })
        }
      >
        <option value="">Set status…</option>
        {PARTNER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <StaffPicker
        aria-label="Set owner of selected"
        value={null}
        placeholder="Set owner…"
        leadingOptions={[UNASSIGNED]}
        disabled={tooMany}
        className="w-48"
        inputClassName="h-8"
        onChange={(option) => {
          if (!option) return;
          setOwner(option);
          setChange({ kind: "owner", ownerId: option.id || null });
        }}
      />
      <button
        type="button"
        disabled={tooMany}
        onClick={() => setChange({ kind: "archive" })}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
      >
        <Archive className="size-4" aria-hidden /> Archive
      </button>
      {filter.archived && (
        <button
          type="button"
          disabled={tooMany}
          onClick={() => setChange({ kind: "restore" })}
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        >
          <ArchiveRestore className="size-4" aria-hidden /> Restore
        </button>
      )}
      <button
        type="button"
        onClick={selection.clear}
        className="ml-auto inline-flex h-8 items-center gap-1 rounded-md px-2 text-slate-600 hover:bg-white/60"
      >
        <X className="size-4" aria-hidden /> Clear selection
      </button>
      {tooMany && (
        <p className="w-full text-xs text-amber-800">
          Pick at most {MAX_BULK_IDS} partners by hand, or select all matching.
        </p>
      )}
      <ConfirmDialog
        open={change !== null}
        onOpenChange={(open) => !open && setChange(null)}
        title={change ? describe(change) : ""}
        confirmLabel={
          change?.kind === "archive"
            ? `Archive ${plural(count)}`
            : change?.kind === "restore"
              ? `Restore ${plural(count)}`
              : `Change ${plural(count)}`
        }
        danger={change?.kind === "archive"}
        pending={pending}
        onConfirm={() => change && apply(change)}
      >
        {change?.kind === "archive"
          ? "Archived partners leave the directory (show them with “Include archived”). Their history stays."
          : change?.kind === "restore"
            ? "Restored partners are back in the directory. Partners that are not archived stay as they are."
            : "Partners that already have this value stay as they are. Each change is recorded in the partner's activity."}
      </ConfirmDialog>
    </div>
  );
}
