"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { FormError } from "@/components/workspace/form-error";
import { useActionForm } from "@/components/workspace/use-action-form";
import { grantPartnerAccess } from "@/lib/partner-users/actions/grant-partner-access";
import { grantPartnerAccessSchema, type GrantPartnerAccessFormInput } from "@/lib/partner-users/schemas";
import type { PickerOption } from "@/lib/pickers/schemas";
import { DEFAULT_WINDOW, GrantFields } from "./grant-fields";

/**
 * Adds a grant. Either the user is fixed and a partner is chosen (partner-users page), or
 * the partner is fixed and a partner user is chosen (a partner's "Portal access" card).
 */
export function AddGrantForm(props: {
  partnerUserId?: string;
  partnerId?: string;
  /** Ids that already hold a grant on the fixed side, so they are not offered again. */
  exclude: readonly string[];
  choiceLabel: string;
  timeZone: string;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Add a grant
      </Button>
    );
  }
  return <OpenAddGrantForm {...props} onClose={() => setOpen(false)} />;
}

function OpenAddGrantForm({
  partnerUserId,
  partnerId,
  exclude,
  choiceLabel,
  timeZone,
  onClose,
}: {
  partnerUserId?: string;
  partnerId?: string;
  exclude: readonly string[];
  choiceLabel: string;
  timeZone: string;
  onClose: () => void;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<PickerOption | null>(null);
  const defaults: GrantPartnerAccessFormInput = {
    partnerUserId: partnerUserId ?? "",
    grant: { partnerId: partnerId ?? "", ...DEFAULT_WINDOW, scope: [...DEFAULT_WINDOW.scope] },
  };
  const form = useForm({ resolver: zodResolver(grantPartnerAccessSchema), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    grantPartnerAccess,
    () => {
      onClose();
      router.refresh();
    },
    "Access granted.",
  );
  // The chosen side is the partner when the user is fixed, and the other way round.
  const choiceName = partnerUserId ? "grant.partnerId" : "partnerUserId";
  const choiceError = partnerUserId ? errors.grant?.partnerId?.message : errors.partnerUserId?.message;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Add a grant"
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3"
    >
      <Controller
        control={form.control}
        name={choiceName}
        render={({ field }) => (
          <Field label={choiceLabel} error={choiceError}>
            <SearchCombobox
              endpoint={partnerUserId ? "/api/pickers/partners" : "/api/pickers/partner-users"}
              value={chosen}
              onChange={(option) => {
                setChosen(option);
                field.onChange(option?.id ?? "");
              }}
              exclude={exclude}
              placeholder={partnerUserId ? "Search partners…" : "Search name or email…"}
              emptyText={partnerUserId ? "No partners match" : "No active partner users match"}
            />
          </Field>
        )}
      />
      <Controller
        control={form.control}
        name={"grant.scope"}
        render={({ field }) => (
          <GrantFields
            scope={field.value}
            onScopeChange={field.onChange}
            timeZone={timeZone}
            startsOn={form.register("grant.startsOn")}
            endsOn={form.register("grant.endsOn")}
            errors={{
              scope: errors.grant?.scope?.message,
              startsOn: errors.grant?.startsOn?.message,
              endsOn: errors.grant?.endsOn?.message,
            }}
          />
        )}
      />
      <FormError message={formError} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending}>
          Grant access
        </Button>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
