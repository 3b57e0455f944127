"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createReferral } from "@/lib/referrals/actions/create-referral";
import { updateReferral } from "@/lib/referrals/actions/update-referral";
import { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS } from "@/lib/referrals/constants";
import { referralFormSchemaFor, type ReferralFormInput } from "@/lib/referrals/schemas";
import { formatNumberInput } from "@/lib/validation/number-signs";
import { instantToDay } from "@/lib/workspace/form-fields";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { useNumberSigns, useWorkspace } from "../workspace-context";
import type { ReferralRow, SavedReferral } from "./referral-types";

export function ReferralFormDialog({
  referral,
  open,
  onOpenChange,
  onSaved,
  today,
}: {
  referral: ReferralRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (saved: SavedReferral, previousStatus: string | null) => void;
  today: string;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={referral ? "Edit referral" : "New referral"}>
      {open && (
        <ReferralForm
          referral={referral}
          today={today}
          onDone={(saved) => {
            onOpenChange(false);
            if (saved) onSaved(saved, referral?.status ?? null);
          }}
        />
      )}
    </Dialog>
  );
}

function ReferralForm({
  referral,
  today,
  onDone,
}: {
  referral: ReferralRow | null;
  today: string;
  onDone: (saved: SavedReferral | null) => void;
}) {
  const { partnerId, timeZone, currency } = useWorkspace();
  const signs = useNumberSigns();
  const defaults: ReferralFormInput = referral
    ? {
        client_name: referral.client_name,
        client_email: referral.client_email ?? "",
        status: referral.status as ReferralFormInput["status"],
        estimated_value: formatNumberInput(referral.estimated_value, signs),
        actual_value: formatNumberInput(referral.actual_value, signs),
        referred_at: instantToDay(referral.referred_at, timeZone),
        closed_at: instantToDay(referral.closed_at, timeZone),
      }
    : {
        client_name: "",
        client_email: "",
        status: "submitted",
        estimated_value: "",
        actual_value: "",
        referred_at: today,
        closed_at: "",
      };
  const form = useForm({ resolver: zodResolver(referralFormSchemaFor(signs)), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    (values) =>
      referral ? updateReferral({ ...values, referralId: referral.id }) : createReferral({ ...values, partnerId }),
    (saved) => onDone({ ...saved, client_name: form.getValues("client_name") }),
    referral ? "Referral saved" : "Referral created",
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Client name" error={errors.client_name?.message}>
          <Input {...form.register("client_name")} autoFocus placeholder="Aurora Health" />
        </Field>
        <Field label="Client email" error={errors.client_email?.message}>
          <Input type="email" {...form.register("client_email")} placeholder="buyer@client.com" />
        </Field>
        <Field label="Status" error={errors.status?.message}>
          <Select {...form.register("status")}>
            {REFERRAL_STATUSES.map((value) => (
              <option key={value} value={value}>
                {REFERRAL_STATUS_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <div />
        <Field label={`Estimated value (${currency})`} error={errors.estimated_value?.message}>
          <Input
            inputMode="decimal"
            {...form.register("estimated_value")}
            placeholder={formatNumberInput(25000, signs)}
          />
        </Field>
        <Field label={`Actual value (${currency})`} error={errors.actual_value?.message} hint="Once won">
          <Input inputMode="decimal" {...form.register("actual_value")} />
        </Field>
        <Field label="Referral date" error={errors.referred_at?.message}>
          <Input type="date" {...form.register("referred_at")} />
        </Field>
        <Field label="Close date" error={errors.closed_at?.message} hint="Set when won or lost (today if empty)">
          <Input type="date" {...form.register("closed_at")} />
        </Field>
      </div>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {referral ? "Save referral" : "Create referral"}
        </Button>
      </div>
    </form>
  );
}
