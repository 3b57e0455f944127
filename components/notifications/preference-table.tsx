"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { DELIVERIES, DELIVERY_LABELS, type Delivery } from "@/lib/notifications/deliveries";
import type { NotificationRole } from "@/lib/notifications/roles";

export type PreferenceRow = {
  eventType: string;
  label: string;
  /** The row's own choice, or null when it follows the fallback. */
  chosen: Delivery | null;
  /** What applies when nothing is chosen here, in words ("Organization default: Off"). */
  fallback: string;
  audiences?: string;
  /** Where the value in force comes from, in words ("Your choice", "Organization default for managers"). */
  source?: string;
};

type SaveInput = { eventType: string; delivery: Delivery | "default"; role?: NotificationRole };
type Save = (input: SaveInput) => Promise<ActionResult<null>>;

/**
 * One select per event type, saved as soon as it changes; a refusal shows under the row and the
 * select goes back. `role` goes with every save when the table holds one role's defaults.
 */
export function PreferenceTable({
  rows,
  save,
  caption,
  role,
}: {
  rows: PreferenceRow[];
  save: Save;
  caption: string;
  role?: NotificationRole;
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden border-b border-slate-100 text-left text-xs text-slate-500 uppercase sm:table-header-group">
        <tr>
          <th scope="col" className="px-5 py-2 font-medium">
            Event
          </th>
          <th scope="col" className="px-5 py-2 font-medium">
            How you hear of it
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <PreferenceRowView key={`${role ?? "all"}:${row.eventType}`} row={row} save={save} role={role} />
        ))}
      </tbody>
    </table>
  );
}

function PreferenceRowView({ row, save, role }: { row: PreferenceRow; save: Save; role?: NotificationRole }) {
  const router = useRouter();
  const [value, setValue] = useState<Delivery | "default">(row.chosen ?? "default");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `delivery-${row.eventType.replace(".", "-")}`;

  const change = (next: Delivery | "default") => {
    const previous = value;
    setValue(next);
    setError(null);
    startTransition(async () => {
      const result = await save(
        role ? { eventType: row.eventType, delivery: next, role } : { eventType: row.eventType, delivery: next },
      );
      if (!result.ok) {
        setValue(previous);
        setError(result.fieldErrors?.delivery ?? result.error);
        return;
      }
      toast.success(`${row.label}: saved.`);
      router.refresh();
    });
  };

  return (
    <tr className="flex flex-col gap-1 px-5 py-3 sm:table-row sm:px-0 sm:py-0" data-testid="preference-row">
      <th scope="row" className="text-left font-medium text-slate-900 sm:px-5 sm:py-3">
        <label htmlFor={id}>{row.label}</label>
        {row.audiences && <p className="text-xs font-normal text-slate-500">{row.audiences}</p>}
        {row.source && (
          <p id={`${id}-source`} className="text-xs font-normal text-slate-500" data-testid="preference-source">
            {row.source}
          </p>
        )}
      </th>
      <td className="sm:px-5 sm:py-3">
        <select
          id={id}
          value={value}
          disabled={pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [row.source ? `${id}-source` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
          }
          onChange={(event) => change(event.target.value as Delivery | "default")}
          className="h-9 w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500"
        >
          <option value="default">{row.fallback}</option>
          {DELIVERIES.map((delivery) => (
            <option key={delivery} value={delivery}>
              {DELIVERY_LABELS[delivery]}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
