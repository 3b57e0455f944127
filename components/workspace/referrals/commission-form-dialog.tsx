"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { PickerOption } from "@/lib/pickers/schemas";
import { createCommission } from "@/lib/commissions/actions/create-commission";
import { updateCommission } from "@/lib/commissions/actions/update-commission";
import { commissionFormSchemaFor, type CommissionFormInput } from "@/lib/commissions/schemas";
import { formatNumberInput } from "@/lib/validation/number-signs";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { instantToDay } from "@/lib/workspace/form-fields";
import { useNumberSigns, useWorkspace } from "../workspace-context";
import type { CommissionDraft, CommissionRow } from "./referral-types";

/** Records a commission (from scratch or offered on a win), or edits a pending one (`commission`). */
export function CommissionFormDialog({
  open,
  onOpenChange,
  draft,
  commission = null,
  today,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  draft: CommissionDraft;
  commission?: CommissionRow | null;
  today: string;
}) {
  const title = commission
    ? "Edit commission"
    : draft
      ? `Record the commission for ${draft.clientName}`
      : "Record a commission";
  const description = commission
    ? "While it is pending, its amount and dates can change."
    : draft
      ? "The referral is won. Record what the partner earned on it; it starts as pending."
      : "It starts as pending; approve it, then mark it paid.";
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {open && (
        <CommissionForm draft={draft} commission={commission} today={today} onDone={() => onOpenChange(false)} />
      )}
    </Dialog>
  );
}

function CommissionForm({
  draft,
  commission,
  today,
  onDone,
}: {
  draft: CommissionDraft;
  commission: CommissionRow | null;
  today: string;
  onDone: () => void;
}) {
  const { partnerId, currency, timeZone } = useWorkspace();
  const signs = useNumberSigns();
  const defaults: CommissionFormInput = commission
    ? {
        amount: formatNumberInput(commission.amount, signs),
        description: commission.description ?? "",
        earned_at: instantToDay(commission.earned_at, timeZone),
        due_at: instantToDay(commission.due_at, timeZone),
        referral_id: commission.referral_id ?? "",
      }
    : {
        amount: formatNumberInput(draft?.amount, signs),
        description: draft ? `Commission on ${draft.clientName}` : "",
        earned_at: today,
        due_at: "",
        referral_id: draft?.referralId ?? "",
      };
  // The linked referral arrives chosen; others are searched among the partner's wins as one types.
  const [linked, setLinked] = useState<PickerOption | null>(
    commission?.referral_id
      ? { id: commission.referral_id, label: commission.partner_referrals?.client_name ?? "Linked referral" }
      : draft
        ? { id: draft.referralId, label: draft.clientName }
        : null,
  );
  const form = useForm({ resolver: zodResolver(commissionFormSchemaFor(signs)), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    (values) =>
      commission
        ? updateCommission({ ...values, commissionId: commission.id })
        : createCommission({ ...values, partnerId }),
    onDone,
    commission ? "Commission saved" : "Commission recorded",
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={`Amount (${currency})`} error={errors.amount?.message}>
          <Input
            inputMode="decimal"
            {...form.register("amount")}
            autoFocus
            placeholder={formatNumberInput(1500, signs)}
          />
        </Field>
        <Field label="Referral" error={errors.referral_id?.message}>
          <SearchCombobox
            endpoint="/api/pickers/referrals"
            params={{ partner: partnerId }}
            value={linked}
            onChange={(option) => {
              setLinked(option);
              form.setValue("referral_id", option?.id ?? "", { shouldDirty: true });
            }}
            clearLabel="None (a bonus)"
            placeholder="None (a bonus)"
            emptyText="No won referrals match"
            portal={false}
          />
        </Field>
        <Field label="Earned on" error={errors.earned_at?.message}>
          <Input type="date" {...form.register("earned_at")} />
        </Field>
        <Field label="Due on" error={errors.due_at?.message}>
          <Input type="date" {...form.register("due_at")} />
        </Field>
      </div>
      <Field label="Description" error={errors.description?.message}>
        <Textarea {...form.register("description")} rows={2} />
      </Field>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {draft && !commission ? "Not now" : "Cancel"}
        </Button>
        <Button type="submit" pending={pending}>
          {commission ? "Save commission" : "Record commission"}
        </Button>
      </div>
    </form>
  );
}
