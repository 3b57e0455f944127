"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PortalSection } from "@/lib/portal/sections";
import { revokePartnerAccess } from "@/lib/partner-users/actions/revoke-partner-access";
import { updateAccessWindow } from "@/lib/partner-users/actions/update-access-window";
import type { GrantState } from "@/lib/partner-users/queries";
import { SECTION_LABELS } from "@/lib/portal/constants";
import { dayToInstant, instantToDay, showDay } from "./dates";
import { GrantFields, type GrantDraft } from "./grant-fields";

const STATE: Record<GrantState, { label: string; tone: BadgeTone }> = {
  in_force: { label: "In force", tone: "green" },
  scheduled: { label: "Scheduled", tone: "blue" },
  ended: { label: "Ended", tone: "slate" },
  revoked: { label: "Revoked", tone: "red" },
};

export type GrantItemProps = {
  grant: { id: string; scope: PortalSection[]; startsAt: string | null; endsAt: string | null; revokedAt: string | null };
  title: string;
  subtitle?: string;
  state: GrantState;
  canManage: boolean;
};

/** One grant: who or what, its state, scope and window; revoke at once or change the window. */
export function GrantItem({ grant, title, subtitle, state, canManage }: GrantItemProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<GrantDraft>({ scope: grant.scope, startDay: instantToDay(grant.startsAt), endDay: instantToDay(grant.endsAt) });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const window =
    grant.startsAt || grant.endsAt
      ? `${grant.startsAt ? `from ${showDay(grant.startsAt)}` : ""}${grant.startsAt && grant.endsAt ? " " : ""}${grant.endsAt ? `until ${showDay(grant.endsAt)}` : ""}`
      : "no end date";

  function run(work: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Partial<Record<string, string>> }>, success: string) {
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error ?? "Could not save.");
        return;
      }
      toast.success(success);
      setEditing(false);
      router.refresh();
    });
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
            Overview{grant.scope.length > 0 ? `, ${grant.scope.map((section) => SECTION_LABELS[section]).join(", ")}` : ""} · {window}
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
              pending={pending && !editing}
              onClick={() => run(() => revokePartnerAccess({ grantId: grant.id }), `Access to ${title} revoked.`)}
            >
              Revoke
            </Button>
          </div>
        )}
      </div>
      {editing && (
        <div className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3">
          <GrantFields idPrefix={`grant-${grant.id}`} value={draft} onChange={setDraft} errors={{ endsAt: errors["window.endsAt"] }} />
          <Button
            size="sm"
            pending={pending}
            onClick={() =>
              run(
                () => updateAccessWindow({ grantId: grant.id, window: { scope: draft.scope, startsAt: dayToInstant(draft.startDay), endsAt: dayToInstant(draft.endDay) } }),
                "Grant updated.",
              )
            }
          >
            Save grant
          </Button>
        </div>
      )}
    </li>
  );
}
