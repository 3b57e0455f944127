"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { updateOrganizationSettings } from "@/lib/orgs/actions/update-organization-settings";
import { formatExample } from "@/lib/orgs/format-example";
import { organizationSettingsSchema, type OrganizationSettingsInput } from "@/lib/orgs/schemas";

export type Option = { value: string; label: string };

/**
 * The admins' organization settings. Option labels and the first example come written by
 * the server; the browser writes an example only for a choice the admin has just made.
 */
export function OrganizationForm({
  current,
  example,
  locales,
  currencies,
  timeZones,
  currencyLocked,
}: {
  current: OrganizationSettingsInput;
  example: string;
  locales: Option[];
  currencies: Option[];
  timeZones: string[];
  currencyLocked: boolean;
}) {
  const router = useRouter();
  const form = useForm<OrganizationSettingsInput>({
    resolver: zodResolver(organizationSettingsSchema),
    defaultValues: current,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [locale, currency, timeZone] = useWatch({ control: form.control, name: ["locale", "currency", "time_zone"] });
  const unchanged = locale === current.locale && currency === current.currency && timeZone === current.time_zone;
  const preview = unchanged ? example : liveExample(locale, currency, timeZone);

  const submit = form.handleSubmit(async (values) => {
    const result = await updateOrganizationSettings(values);
    if (!result.ok) {
      const fields = result.fieldErrors ?? {};
      for (const name of ["name", "locale", "currency", "time_zone"] as const) {
        if (fields[name]) form.setError(name, { message: fields[name] });
      }
      if (!Object.keys(fields).length) form.setError("root", { message: result.error });
      return;
    }
    toast.success("Organization settings saved");
    form.reset(result.data);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <Field label="Name" error={errors.name?.message}>
        <Input autoComplete="organization" {...form.register("name")} />
      </Field>
      <Field
        label="Locale"
        error={errors.locale?.message}
        hint="How numbers, money and dates are written and typed, for staff and partners alike."
      >
        <Select {...form.register("locale")}>
          {locales.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Currency"
        error={errors.currency?.message}
        hint={
          currencyLocked
            ? "Fixed while the organization has commissions: every amount stays in one currency."
            : "Every amount in the organization is in it."
        }
      >
        {currencyLocked ? (
          <Input readOnly {...form.register("currency")} />
        ) : (
          <Select {...form.register("currency")}>
            {currencies.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Time zone"
        error={errors.time_zone?.message}
        hint="Type to search, like Berlin. Today, overdue and periods are counted on its clock."
      >
        <Input list="organization-time-zones" autoComplete="off" spellCheck={false} {...form.register("time_zone")} />
      </Field>
      <datalist id="organization-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3" aria-live="polite">
        <p className="text-xs font-medium text-slate-500">Example</p>
        <p className="mt-0.5 break-words text-sm text-slate-900 tabular-nums" data-testid="locale-example">
          {preview}
        </p>
      </div>
      {errors.root?.message && <Alert tone="error">{errors.root.message}</Alert>}
      <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
        Save settings
      </Button>
    </form>
  );
}

function liveExample(locale: string, currency: string, timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return "Choose a time zone from the list to see an example.";
  }
  return formatExample({ locale, currency, time_zone: timeZone });
}
