"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/workspace/form-error";
import { useActionForm } from "@/components/workspace/use-action-form";
import { ConfirmDialog } from "@/components/workspace/confirm-dialog";
import { restorePartnerAccess } from "@/lib/partner-users/actions/restore-partner-access";
import { revokePartnerAccess } from "@/lib/partner-users/actions/revoke-partner-access";
import { updateAccessWindow } from "@/lib/partner-users/actions/update-access-window";
import type { GrantState } from "@/lib/partner-users/queries";
import { updateAccessWindowSchema, type UpdateAccessWindowFormInput } from "@/lib/partner-users/schemas";
import { SECTION_LABELS } from "@/lib/portal/constants";
import type { PortalSection } from "@/lib/portal/sections";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { instantToDay } from "./dates";
import { GrantFields } from "./grant-fields";

const STATE: Record<GrantState, { label: string; tone: BadgeTone }> = {
  in_force: { label: "In force", tone: "green" },
  scheduled: { label: "Scheduled", tone: "blue" },
  ended: { label: "Ended", tone: "slate" },
  revoked: { label: "Revoked", tone: "red" },
};

export type GrantItemProps = {
  grant: {
    id: string;
    scope: PortalSection[];
    startsAt: string | null;
    endsAt: string | null;
    revokedAt: string | null;
  };
  title: string;
  subtitle?: string;
  state: GrantState;
  canManage: boolean;
  /** The org's time zone: grant days are its days. */
  timeZone: string;
};

/** One grant: who or what, its state, scope and window; revoke at once or change the window. */
export function GrantItem({ grant, title, subtitle, state, canManage, timeZone }: GrantItemProps) {
  const router = useRouter();
  const format = useOrgFormat();
  const [, startUndo] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const window =
    grant.startsAt || grant.endsAt
      ? `${grant.startsAt ? `from ${format.date(grant.startsAt)}` : ""}${grant.startsAt && grant.endsAt ? " " : ""}${grant.endsAt ? `until ${format.date(grant.endsAt)}` : ""}`
      : "no end date";

  async function revoke(): Promise<boolean> {
    const result = await revokePartnerAccess({ grantId: grant.id });
    if (!result.ok) {
      toast.error(result.error);
      return false;
    }
    // A revoke takes effect on the very next request, so a slip is undone from the same toast.
    toast.success(`Access to ${title} revoked.`, {
      duration: 10_000,
      action: { label: "Undo", onClick: () => startUndo(undo) },
    });
    setEditing(false);
    router.refresh();
    return true;
  }

  async function undo() {
    const result = await restorePartnerAccess({ grantId: grant.id });
    if (!result.ok) toast.error(result.error);
    else toast.success(`Access to ${title} restored.`);
    router.refresh();
  }

  return (
    <li className="py-3" data-testid="grant">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
            {title}
            <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>
          </p>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
          <p className="mt-0.5 text-xs text-slate-500">
            Overview
            {grant.scope.length > 0
              ? `, ${grant.scope.map((section) => SECTION_LABELS[section]).join(", ")}`
              : ""} · {window}
          </p>
        </div>
        {canManage && state !== "revoked" && (
          <div className="flex shrink-0 gap-1">
            <Button variant="ghost" size="sm" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {editing ? "Cancel" : "Change"}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-red-700 hover:bg-red-50"
              onClick={() => setConfirming(true)}
            >
              Revoke
            </Button>
          </div>
        )}
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Revoke access to ${title}?`}
          confirmLabel="Revoke access"
          onConfirm={revoke}
        >
          They lose this access on their next click in the portal. You can undo it right after.
        </ConfirmDialog>
      </div>
      {editing && (
        <AccessWindowForm
          grant={grant}
          timeZone={timeZone}
          onSaved={() => {
            setEditing(false);
            router.refresh();
          }}
        />
      )}
    </li>
  );
}

/** Changes a grant's scope and window, parsed by the same schema as the action. */
function AccessWindowForm({
  grant,
  timeZone,
  onSaved,
}: {
  grant: GrantItemProps["grant"];
  timeZone: string;
  onSaved: () => void;
}) {
  const defaults: UpdateAccessWindowFormInput = {
    grantId: grant.id,
    window: {
      scope: grant.scope,
      startsOn: instantToDay(grant.startsAt, timeZone),
      endsOn: instantToDay(grant.endsAt, timeZone),
    },
  };
  const form = useForm({ resolver: zodResolver(updateAccessWindowSchema), defaultValues: defaults });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(form, updateAccessWindow, onSaved, "Grant updated.");
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Change grant"
      className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3"
    >
      <Controller
        control={form.control}
        name={"window.scope"}
        render={({ field }) => (
          <GrantFields
            scope={field.value}
            onScopeChange={field.onChange}
            timeZone={timeZone}
            startsOn={form.register("window.startsOn")}
            endsOn={form.register("window.endsOn")}
            errors={{
              scope: errors.window?.scope?.message,
              startsOn: errors.window?.startsOn?.message,
              endsOn: errors.window?.endsOn?.message,
            }}
          />
        )}
      />
      <FormError message={formError} />
      <Button type="submit" size="sm" pending={pending}>
        Save grant
      </Button>
    </form>
  );
}
