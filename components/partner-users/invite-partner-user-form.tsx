"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { FormError } from "@/components/workspace/form-error";
import { useActionForm } from "@/components/workspace/use-action-form";
import { invitePartnerUser } from "@/lib/partner-users/actions/invite-partner-user";
import { invitePartnerUserSchema, type InvitePartnerUserFormInput } from "@/lib/partner-users/schemas";
import type { PickerOption } from "@/lib/pickers/schemas";
import { DEFAULT_WINDOW, GrantFields } from "./grant-fields";

type Props = { defaultPartner: PickerOption | null; timeZone: string };

/** Invite by email and name with one or more grants; the action parses the same schema. */
export function InvitePartnerUserForm({ defaultPartner, timeZone }: Props) {
  const router = useRouter();
  // Names of the partners chosen so far, by id: the form's values hold ids only.
  const [labels, setLabels] = useState<Record<string, string>>(() =>
    defaultPartner ? { [defaultPartner.id]: defaultPartner.label } : {},
  );
  const empty = (): InvitePartnerUserFormInput => ({
    email: "",
    name: "",
    grants: [{ partnerId: defaultPartner?.id ?? "", ...DEFAULT_WINDOW }],
  });
  const form = useForm({ resolver: zodResolver(invitePartnerUserSchema), defaultValues: empty() });
  const grants = useFieldArray({ control: form.control, name: "grants" });
  const chosenPartners = useWatch({ control: form.control, name: "grants" }).map((grant) => grant.partnerId);
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(form, invitePartnerUser, () => {
    // One message for a new and an existing account: the form never tells which.
    toast.success(`Invitation sent to ${form.getValues("email").trim()}.`);
    form.reset(empty());
    router.refresh();
  });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Invite a partner user">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
      </div>
      {grants.fields.map((row, index) => {
        const rowErrors = errors.grants?.[index];
        return (
          <div
            key={row.id}
            className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3"
            data-testid="invite-grant"
          >
            <div className="flex items-start gap-2">
              <div className="min-w-0 flex-1">
                <Controller
                  control={form.control}
                  name={`grants.${index}.partnerId`}
                  render={({ field }) => (
                    <Field
                      label={grants.fields.length > 1 ? `Partner ${index + 1}` : "Partner"}
                      error={rowErrors?.partnerId?.message}
                    >
                      <SearchCombobox
                        endpoint="/api/pickers/partners"
                        value={field.value ? { id: field.value, label: labels[field.value] ?? "" } : null}
                        onChange={(option) => {
                          if (option) setLabels((known) => ({ ...known, [option.id]: option.label }));
                          field.onChange(option?.id ?? "");
                        }}
                        exclude={chosenPartners.filter((id, other) => id && other !== index)}
                        placeholder="Search partners…"
                        emptyText="No partners match"
                      />
                    </Field>
                  )}
                />
              </div>
              {grants.fields.length > 1 && (
                <Button variant="ghost" size="sm" className="mt-7" onClick={() => grants.remove(index)}>
                  Remove
                </Button>
              )}
            </div>
            <Controller
              control={form.control}
              name={`grants.${index}.scope`}
              render={({ field }) => (
                <GrantFields
                  scope={field.value}
                  onScopeChange={field.onChange}
                  timeZone={timeZone}
                  startsOn={form.register(`grants.${index}.startsOn`)}
                  endsOn={form.register(`grants.${index}.endsOn`)}
                  errors={{
                    scope: rowErrors?.scope?.message,
                    startsOn: rowErrors?.startsOn?.message,
                    endsOn: rowErrors?.endsOn?.message,
                  }}
                />
              )}
            />
          </div>
        );
      })}
      {(errors.grants?.message ?? errors.grants?.root?.message) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {errors.grants?.message ?? errors.grants?.root?.message}
        </p>
      )}
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Send invitation
        </Button>
        <Button
          variant="secondary"
          onClick={() => grants.append({ partnerId: "", ...DEFAULT_WINDOW, scope: [...DEFAULT_WINDOW.scope] })}
        >
          Add another partner
        </Button>
      </div>
    </form>
  );
}
