"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { createCommission } from "@/lib/commissions/actions/create-commission";
import { commissionFormSchema, type CommissionFormInput } from "@/lib/commissions/schemas";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { useWorkspace } from "../workspace-context";
import type { CommissionDraft } from "./referral-types";

export type ReferralChoice = { id: string; client_name: string };

export function CommissionFormDialog({
  open,
  onOpenChange,
  draft,
  referrals,
  today,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  draft: CommissionDraft;
  referrals: ReferralChoice[];
  today: string;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={draft ? `Record the commission for ${draft.clientName}` : "Record a commission"}
      description={draft ? "The referral is won. Record what the partner earned on it; it starts as pending." : "It starts as pending; approve it, then mark it paid."}
    >
      {open && <CommissionForm draft={draft} referrals={referrals} today={today} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function CommissionForm({ draft, referrals, today, onDone }: { draft: CommissionDraft; referrals: ReferralChoice[]; today: string; onDone: () => void }) {
  const { partnerId, currency } = useWorkspace();
  const defaults: CommissionFormInput = {
    amount: draft?.amount ?? "",
    description: draft ? `Commission on ${draft.clientName}` : "",
    earned_at: today,
    due_at: "",
    referral_id: draft?.referralId ?? "",
  };
  const choices = draft && !referrals.some((choice) => choice.id === draft.referralId) ? [{ id: draft.referralId, client_name: draft.clientName }, ...referrals] : referrals;
  const form = useForm({ resolver: zodResolver(commissionFormSchema), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(form, (values) => createCommission({ ...values, partnerId }), onDone, "Commission recorded");
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={`Amount (${currency})`} error={errors.amount?.message}>
          <Input inputMode="decimal" {...form.register("amount")} autoFocus placeholder="1500" />
        </Field>
        <Field label="Referral" error={errors.referral_id?.message}>
          <Select {...form.register("referral_id")}>
            <option value="">None (a bonus)</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.client_name}
              </option>
            ))}
          </Select>
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
          {draft ? "Not now" : "Cancel"}
        </Button>
        <Button type="submit" pending={pending}>
          Record commission
        </Button>
      </div>
    </form>
  );
}
