"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SECTION_LABELS } from "@/lib/portal/constants";
import { PORTAL_SECTIONS, type PortalSection } from "@/lib/portal/sections";

/** What a new grant starts as: every section, no window. */
export const DEFAULT_WINDOW = { scope: [...PORTAL_SECTIONS] as PortalSection[], startsOn: "", endsOn: "" };

/**
 * Scope checkboxes and an optional start and end day: the parts every grant form shares.
 * The form owns the values (react-hook-form); this only lays them out.
 */
export function GrantFields({
  scope,
  onScopeChange,
  startsOn,
  endsOn,
  errors,
  timeZone,
}: {
  scope: PortalSection[];
  onScopeChange: (next: PortalSection[]) => void;
  startsOn: UseFormRegisterReturn;
  endsOn: UseFormRegisterReturn;
  errors?: { scope?: string; startsOn?: string; endsOn?: string };
  timeZone: string;
}) {
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Sections (overview always included)</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
          {PORTAL_SECTIONS.map((section) => (
            <label key={section} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300"
                checked={scope.includes(section)}
                onChange={(event) =>
                  onScopeChange(
                    event.target.checked
                      ? PORTAL_SECTIONS.filter((s) => s === section || scope.includes(s))
                      : scope.filter((s) => s !== section),
                  )
                }
              />
              {SECTION_LABELS[section]}
            </label>
          ))}
        </div>
        {errors?.scope && (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {errors.scope}
          </p>
        )}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Starts (optional)" error={errors?.startsOn}>
          <Input type="date" {...startsOn} />
        </Field>
        <Field label="Ends (optional)" error={errors?.endsOn}>
          <Input type="date" {...endsOn} />
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Days start at midnight, {timeZone} time. A grant ends as its end day begins.
      </p>
    </div>
  );
}
