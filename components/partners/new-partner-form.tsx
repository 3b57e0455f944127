"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { TagInput } from "@/components/ui/tag-input";
import { FormError } from "@/components/workspace/form-error";
import { useActionForm } from "@/components/workspace/use-action-form";
import { createPartner } from "@/lib/partners/actions/create-partner";
import { PARTNER_STATUSES, PARTNER_TIERS, STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import { partnerFieldsSchemaFor } from "@/lib/partners/schemas";
import type { PickerOption } from "@/lib/pickers/schemas";
import { MAX_TAGS } from "@/lib/validation/tags";
import { numberSignsOf } from "@/lib/validation/number-signs";

type NewPartnerInput = z.input<ReturnType<typeof partnerFieldsSchemaFor>>;

const EMPTY: NewPartnerInput = {
  name: "",
  status: "prospect",
  tier: "registered",
  owner_id: null,
  region: "",
  website: "",
  primary_contact_name: "",
  primary_contact_email: "",
  commission_rate: null,
  tags: [],
};

/**
 * One partner typed by hand, checked by the schema each CSV row is checked with (numbers
 * in the org's signs). A refusal lands at its field and leaves every value as typed.
 */
export function NewPartnerForm({ locale }: { locale: string }) {
  const router = useRouter();
  const signs = numberSignsOf(locale);
  const [owner, setOwner] = useState<PickerOption | null>(null);
  const form = useForm<NewPartnerInput, unknown, z.output<ReturnType<typeof partnerFieldsSchemaFor>>>({
    resolver: zodResolver(partnerFieldsSchemaFor(signs)),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(form, createPartner, ({ id }) => {
    router.push(`/admin/partners/${id}/overview`);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="New partner">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field label="Name" error={errors.name?.message}>
            <Input {...form.register("name")} autoComplete="organization" autoFocus />
          </Field>
        </div>
        <Field label="Status" error={errors.status?.message}>
          <Select {...form.register("status")}>
            {PARTNER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tier" error={errors.tier?.message}>
          <Select {...form.register("tier")}>
            {PARTNER_TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_LABELS[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" error={errors.owner_id?.message} hint="Type a name or email to search the staff.">
          <SearchCombobox
            endpoint="/api/pickers/staff"
            value={owner}
            onChange={(option) => {
              setOwner(option);
              form.setValue("owner_id", option?.id ?? null, { shouldDirty: true, shouldValidate: true });
            }}
            clearLabel="No owner"
            placeholder="No owner"
            emptyText="No staff match"
          />
        </Field>
        <Field label="Region" error={errors.region?.message}>
          <Input {...form.register("region")} placeholder="EMEA" />
        </Field>
        <Field label="Website" error={errors.website?.message}>
          <Input type="url" {...form.register("website")} placeholder="https://" />
        </Field>
        <Field
          label="Commission rate (%)"
          error={errors.commission_rate?.message}
          hint={`From 0 to 100, decimals with "${signs.decimal}"`}
        >
          <Input
            inputMode="decimal"
            {...form.register("commission_rate", { setValueAs: (value: string) => (value === "" ? null : value) })}
          />
        </Field>
        <Field label="Primary contact" error={errors.primary_contact_name?.message}>
          <Input {...form.register("primary_contact_name")} autoComplete="off" />
        </Field>
        <Field label="Contact email" error={errors.primary_contact_email?.message}>
          <Input type="email" {...form.register("primary_contact_email")} autoComplete="off" />
        </Field>
        <div className="sm:col-span-2">
          <Controller
            control={form.control}
            name="tags"
            render={({ field }) => (
              <Field
                label="Tags"
                error={errors.tags?.message ?? firstItemError(errors.tags)}
                hint={`Enter or a comma ends a tag; up to ${MAX_TAGS}.`}
              >
                <TagInput value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} />
              </Field>
            )}
          />
        </div>
      </div>
      <FormError message={formError} />
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href="/admin/partners"
          className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Cancel
        </Link>
        <Button type="submit" pending={pending}>
          Create partner
        </Button>
      </div>
    </form>
  );
}

/** A tag refused on its own ("Keep each tag to 50 characters") is reported at its index. */
function firstItemError(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  for (const item of errors) {
    const message = (item as { message?: unknown } | undefined)?.message;
    if (typeof message === "string") return message;
  }
  return undefined;
}
