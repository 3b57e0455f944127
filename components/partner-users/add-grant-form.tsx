"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { grantPartnerAccess } from "@/lib/partner-users/actions/grant-partner-access";
import { dayToInstant } from "./dates";
import { DEFAULT_DRAFT, GrantFields, type GrantDraft } from "./grant-fields";

/**
 * Adds a grant. Either the user is fixed and a partner is chosen (partner-users page), or
 * the partner is fixed and a partner user is chosen (a partner's "Portal access" card).
 */
export function AddGrantForm({
  partnerUserId,
  partnerId,
  choices,
  choiceLabel,
}: {
  partnerUserId?: string;
  partnerId?: string;
  choices: { id: string; name: string }[];
  choiceLabel: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [choice, setChoice] = useState("");
  const [draft, setDraft] = useState<GrantDraft>(DEFAULT_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={choices.length === 0}>
        Add a grant
      </Button>
    );
  }
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3">
      <label className="block space-y-1.5">
        <span className="block text-sm font-medium text-slate-700">{choiceLabel}</span>
        <Select value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">Choose…</option>
          {choices.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </Select>
      </label>
      <GrantFields idPrefix={`add-${partnerUserId ?? partnerId}`} value={draft} onChange={setDraft} errors={{ endsAt: errors["grant.endsAt"] }} />
      <div className="flex gap-2">
        <Button
          size="sm"
          pending={pending}
          disabled={!choice}
          onClick={() =>
            startTransition(async () => {
              const result = await grantPartnerAccess({
                partnerUserId: partnerUserId ?? choice,
                grant: { partnerId: partnerId ?? choice, scope: draft.scope, startsAt: dayToInstant(draft.startDay), endsAt: dayToInstant(draft.endDay) },
              });
              if (!result.ok) {
                setErrors(result.fieldErrors ?? {});
                toast.error(result.error);
                return;
              }
              toast.success("Access granted.");
              setOpen(false);
              setChoice("");
              setDraft(DEFAULT_DRAFT);
              router.refresh();
            })
          }
        >
          Grant access
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
