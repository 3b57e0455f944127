"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { invitePartnerUser } from "@/lib/partner-users/actions/invite-partner-user";
import { dayToInstant } from "./dates";
import { DEFAULT_DRAFT, GrantFields, type GrantDraft } from "./grant-fields";

type Row = GrantDraft & { key: number; partnerId: string };

/** Invite by email and name with one or more grants; the server validates with the same schema. */
export function InvitePartnerUserForm({ partners, defaultPartnerId }: { partners: { id: string; name: string }[]; defaultPartnerId?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [rows, setRows] = useState<Row[]>([{ key: 0, partnerId: defaultPartnerId ?? "", ...DEFAULT_DRAFT }]);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await invitePartnerUser({
        email,
        name,
        grants: rows.map((row) => ({ partnerId: row.partnerId, scope: row.scope, startsAt: dayToInstant(row.startDay), endsAt: dayToInstant(row.endDay) })),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        return;
      }
      setErrors({});
      setFormError(null);
      toast.success(result.data.existed ? `${email} already had an account: access granted and a sign-in link sent.` : `Invitation sent to ${email}.`);
      setEmail("");
      setName("");
      setRows([{ key: Date.now(), partnerId: defaultPartnerId ?? "", ...DEFAULT_DRAFT }]);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Invite a partner user">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" error={errors.email}>
          <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
        </Field>
        <Field label="Name" error={errors.name}>
          <Input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
        </Field>
      </div>
      {rows.map((row, index) => (
        <div key={row.key} className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3">
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field label={rows.length > 1 ? `Partner ${index + 1}` : "Partner"} error={errors[`grants.${index}.partnerId`]}>
                <Select value={row.partnerId} onChange={(event) => setRows(rows.map((r) => (r.key === row.key ? { ...r, partnerId: event.target.value } : r)))}>
                  <option value="">Choose a partner…</option>
                  {partners.map((partner) => (
                    <option key={partner.id} value={partner.id}>
                      {partner.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            {rows.length > 1 && (
              <Button variant="ghost" size="sm" className="mb-1" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                Remove
              </Button>
            )}
          </div>
          <GrantFields
            idPrefix={`invite-${row.key}`}
            value={row}
            onChange={(draft) => setRows(rows.map((r) => (r.key === row.key ? { ...r, ...draft } : r)))}
            errors={{ endsAt: errors[`grants.${index}.endsAt`], startsAt: errors[`grants.${index}.startsAt`] }}
          />
        </div>
      ))}
      {errors.grants && <p className="text-xs font-medium text-red-600">{errors.grants}</p>}
      {formError && (
        <p role="alert" className="text-sm font-medium text-red-600">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Send invitation
        </Button>
        <Button variant="secondary" onClick={() => setRows([...rows, { key: Date.now(), partnerId: "", ...DEFAULT_DRAFT }])}>
          Add another partner
        </Button>
      </div>
    </form>
  );
}
