"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { StaffPicker } from "@/components/pickers/staff-picker";
import { updatePartnerField } from "@/lib/partners/actions/update-partner-field";
import { partnerFieldsSchemaFor } from "@/lib/partners/schemas";
import { formatNumberInput, type NumberSigns } from "@/lib/validation/number-signs";
import type { WorkspacePartner } from "@/lib/workspace/get-workspace-partner";
import { FormError } from "../form-error";
import { staffName, useNumberSigns, usePermission, useWorkspace } from "../workspace-context";

/** The partner's own fields edited here; the directory's schema and inline-edit action (with its concurrency check). */
const factsSchemaFor = (signs: NumberSigns) =>
  partnerFieldsSchemaFor(signs).pick({
    owner_id: true,
    region: true,
    website: true,
    commission_rate: true,
    primary_contact_name: true,
    primary_contact_email: true,
  });
type FactsInput = z.input<ReturnType<typeof factsSchemaFor>>;

const NO_OWNER = { id: "", label: "No owner" };

function defaultsOf(partner: WorkspacePartner, signs: NumberSigns): FactsInput {
  return {
    owner_id: partner.owner_id,
    region: partner.region ?? "",
    website: partner.website ?? "",
    commission_rate: formatNumberInput(partner.commission_rate, signs),
    primary_contact_name: partner.primary_contact_name ?? "",
    primary_contact_email: partner.primary_contact_email ?? "",
  };
}

export function PartnerFactsForm({ partner }: { partner: WorkspacePartner }) {
  const { partnerId, staff } = useWorkspace();
  const signs = useNumberSigns();
  const permission = usePermission("edit");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(factsSchemaFor(signs)),
    defaultValues: defaultsOf(partner, signs),
  });
  // a newer version from the server (saved here or elsewhere) replaces untouched fields
  const { isDirty: dirtyNow } = form.formState;
  useEffect(() => {
    if (!dirtyNow) form.reset(defaultsOf(partner, signs));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the row's version changes
  }, [partner.updated_at]);
  const { errors, isDirty, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (parsed) => {
    setFormError(null);
    const dirty = Object.keys(form.formState.dirtyFields);
    const changes = Object.fromEntries(Object.entries(parsed).filter(([key]) => dirty.includes(key)));
    const result = await updatePartnerField({ partnerId, expectedUpdatedAt: partner.updated_at, changes });
    if (!result.ok) {
      for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
        const field = key.replace(/^changes\./, "") as keyof FactsInput;
        if (field in defaultsOf(partner, signs)) form.setError(field, { type: "server", message });
      }
      setFormError(result.error);
      return;
    }
    if (result.data.outcome === "conflict") {
      setFormError(
        "Someone else changed this partner after you opened it. Your edits are still here: reload to see theirs, then save again.",
      );
      return;
    }
    toast.success("Partner saved");
    form.reset(form.getValues());
    router.refresh();
  });

  const disabled = !permission.allowed;
  const ownerId = useWatch({ control: form.control, name: "owner_id" });
  return (
    <Card>
      <CardHeader
        title="Key facts"
        description={permission.reason ?? "Changes are saved for everyone and recorded in the audit log."}
      />
      <CardBody>
        <form onSubmit={submit} noValidate className="space-y-4">
          <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
            <Field label="Owner" error={errors.owner_id?.message}>
              <StaffPicker
                value={ownerId ? { id: ownerId, label: staffName(staff, ownerId) ?? "Staff member" } : NO_OWNER}
                leadingOptions={[NO_OWNER]}
                disabled={disabled}
                onChange={(option) => {
                  if (option) form.setValue("owner_id", option.id || null, { shouldDirty: true });
                }}
              />
            </Field>
            <Field label="Region" error={errors.region?.message}>
              <Input {...form.register("region")} />
            </Field>
            <Field label="Website" error={errors.website?.message}>
              <Input type="url" {...form.register("website")} placeholder="https://" />
            </Field>
            <Field label="Commission rate (%)" error={errors.commission_rate?.message}>
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
          </fieldset>
          <FormError message={formError} />
          {!disabled && (
            <div className="flex justify-end gap-2">
              <Button variant="secondary" disabled={!isDirty} onClick={() => form.reset(defaultsOf(partner, signs))}>
                Discard
              </Button>
              <Button type="submit" disabled={!isDirty} pending={isSubmitting}>
                Save changes
              </Button>
            </div>
          )}
        </form>
      </CardBody>
    </Card>
  );
}
