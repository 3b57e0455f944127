"use client";

import { Input } from "@/components/ui/input";
import { PORTAL_SECTIONS, type PortalSection } from "@/lib/portal/sections";
import { SECTION_LABELS } from "@/lib/portal/constants";

export type GrantDraft = { scope: PortalSection[]; startDay: string; endDay: string };
export const DEFAULT_DRAFT: GrantDraft = { scope: [...PORTAL_SECTIONS], startDay: "", endDay: "" };

/** Scope checkboxes and an optional start and end day: the parts every grant form shares. */
export function GrantFields({
  value,
  onChange,
  errors,
  idPrefix,
}: {
  value: GrantDraft;
  onChange: (next: GrantDraft) => void;
  errors?: { endsAt?: string; startsAt?: string };
  idPrefix: string;
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
                checked={value.scope.includes(section)}
                onChange={(event) =>
                  onChange({
                    ...value,
                    scope: event.target.checked ? PORTAL_SECTIONS.filter((s) => s === section || value.scope.includes(s)) : value.scope.filter((s) => s !== section),
                  })
                }
              />
              {SECTION_LABELS[section]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-1.5">
          <label htmlFor={`${idPrefix}-start`} className="block text-sm font-medium text-slate-700">
            Starts (optional)
          </label>
          <Input id={`${idPrefix}-start`} type="date" value={value.startDay} onChange={(event) => onChange({ ...value, startDay: event.target.value })} />
          {errors?.startsAt && <p className="text-xs font-medium text-red-600">{errors.startsAt}</p>}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${idPrefix}-end`} className="block text-sm font-medium text-slate-700">
            Ends (optional)
          </label>
          <Input id={`${idPrefix}-end`} type="date" value={value.endDay} onChange={(event) => onChange({ ...value, endDay: event.target.value })} />
          {errors?.endsAt && (
            <p role="alert" className="text-xs font-medium text-red-600">
              {errors.endsAt}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
