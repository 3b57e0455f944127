"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { hourLabel } from "@/lib/notifications/digest-hour-label";

type Save = (input: { hour: number | "default" }) => Promise<ActionResult<null>>;

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** When the digest goes out, saved as soon as it changes; a refusal shows below and the select goes back. */
export function DigestHourSelect(props: {
  chosen: number | null;
  /** What applies when nothing is chosen here, in words ("Organization default: 08:00"). */
  fallback: string;
  description: string;
  save: Save;
}) {
  const router = useRouter();
  const [value, setValue] = useState<string>(props.chosen === null ? "default" : String(props.chosen));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (next: string) => {
    const previous = value;
    setValue(next);
    setError(null);
    startTransition(async () => {
      const result = await props.save({ hour: next === "default" ? "default" : Number(next) });
      if (!result.ok) {
        setValue(previous);
        setError(result.fieldErrors?.hour ?? result.error);
        return;
      }
      toast.success("Digest time saved.");
      router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <label htmlFor="digest-hour" className="text-sm font-medium text-slate-900">
          Digest time
        </label>
        <p id="digest-hour-description" className="text-xs text-slate-500">
          {props.description}
        </p>
      </div>
      <div className="sm:w-64">
        <select
          id="digest-hour"
          value={value}
          disabled={pending}
          aria-describedby={error ? "digest-hour-description digest-hour-error" : "digest-hour-description"}
          aria-invalid={error ? true : undefined}
          onChange={(event) => change(event.target.value)}
          className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500"
        >
          <option value="default">{props.fallback}</option>
          {HOURS.map((hour) => (
            <option key={hour} value={String(hour)}>
              {hourLabel(hour)}
            </option>
          ))}
        </select>
        {error && (
          <p id="digest-hour-error" role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
