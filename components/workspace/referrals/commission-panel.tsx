"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { approveCommission } from "@/lib/commissions/actions/approve-commission";
import { deleteCommission } from "@/lib/commissions/actions/delete-commission";
import { markCommissionPaid } from "@/lib/commissions/actions/mark-commission-paid";
import { voidCommission } from "@/lib/commissions/actions/void-commission";
import { COMMISSION_MOVES, COMMISSION_STATUS_LABELS, type CommissionStatus } from "@/lib/commissions/constants";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { ConfirmDialog } from "../confirm-dialog";
import { GuardedButton } from "../guarded-button";
import { usePermission } from "../workspace-context";
import { CommissionFormDialog } from "./commission-form-dialog";
import type { CommissionRow } from "./referral-types";
import { settleDelete } from "../row-actions";

const TONES: Record<CommissionStatus, BadgeTone> = { pending: "amber", approved: "blue", paid: "green", void: "slate" };
const MOVE_LABELS: Record<CommissionStatus, string> = {
  approved: "Approve",
  paid: "Mark paid",
  void: "Void",
  pending: "",
};
const MOVES = { approved: approveCommission, paid: markCommissionPaid, void: voidCommission } as const;

export type CommissionTotals = { earned: number; owed: number; paid: number };

/** Commissions with their running totals (from the roll-ups) and only the legal moves, for leads. */
export function CommissionPanel({
  commissions,
  totals,
  pager,
  today,
}: {
  commissions: CommissionRow[];
  totals: CommissionTotals;
  /** Previous and next for a partner with more commissions than one page holds. */
  pager?: ReactNode;
  today: string;
}) {
  const format = useOrgFormat();
  const lead = usePermission("lead");
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<CommissionRow | null>(null);
  const [deleting, setDeleting] = useState<CommissionRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function move(commission: CommissionRow, to: Exclude<CommissionStatus, "pending">) {
    setBusy(commission.id);
    startTransition(async () => {
      const result = await MOVES[to]({ commissionId: commission.id });
      setBusy(null);
      if (!result.ok) toast.error(result.error);
      else toast.success(`Commission ${COMMISSION_STATUS_LABELS[to].toLowerCase()}`);
    });
  }

  return (
    <Card className="min-w-0 overflow-hidden">
      <CardHeader
        title="Commissions"
        description="Pending → approved → paid; pending or approved ones can be voided."
        actions={
          <GuardedButton
            level="lead"
            size="sm"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            <Plus className="size-4" aria-hidden /> Record commission
          </GuardedButton>
        }
      />
      <dl
        className="grid grid-cols-3 divide-x divide-slate-100 border-b border-slate-100"
        data-testid="commission-totals"
      >
        {(
          [
            ["Earned", totals.earned],
            ["Owed", totals.owed],
            ["Paid", totals.paid],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="min-w-0 px-3 py-3 sm:px-5">
            <dt className="text-xs font-medium text-slate-500">{label}</dt>
            <dd
              className="mt-0.5 truncate text-base font-semibold tabular-nums text-slate-900 sm:text-lg"
              data-testid={`commission-${label.toLowerCase()}`}
            >
              {format.money(value)}
            </dd>
          </div>
        ))}
      </dl>
      {!lead.allowed && <p className="border-b border-slate-100 px-5 py-2 text-xs text-slate-500">{lead.reason}</p>}
      {commissions.length === 0 ? (
        <div className="p-5">
          <EmptyState
            title="No commissions yet"
            description="Commissions appear here when a lead records one, for example when a referral is won."
          />
        </div>
      ) : (
        <ul className="divide-y divide-slate-100">
          {commissions.map((commission) => {
            const status = commission.status as CommissionStatus;
            const label = commission.partner_referrals?.client_name ?? commission.description ?? "Bonus";
            return (
              <li
                key={commission.id}
                data-testid="commission-row"
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-3 sm:px-5"
              >
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium tabular-nums text-slate-900">
                    {format.money(commission.amount, commission.currency)}{" "}
                    <Badge tone={TONES[status]} className="ml-1 align-middle">
                      {COMMISSION_STATUS_LABELS[status]}
                    </Badge>
                  </p>
                  <p className="text-xs text-slate-500 sm:truncate">
                    {label} · earned {format.date(commission.earned_at)}
                    {commission.due_at && ` · due ${format.date(commission.due_at)}`}
                    {commission.paid_at && ` · paid ${format.date(commission.paid_at)}`}
                  </p>
                </div>
                {lead.allowed && COMMISSION_MOVES[status].length > 0 && (
                  <div className="flex flex-wrap items-center gap-1.5">
                    {COMMISSION_MOVES[status].map((to) => (
                      <Button
                        key={to}
                        size="sm"
                        variant={to === "void" ? "ghost" : "secondary"}
                        pending={busy === commission.id}
                        onClick={() => move(commission, to as Exclude<CommissionStatus, "pending">)}
                      >
                        {MOVE_LABELS[to]}
                      </Button>
                    ))}
                    {status === "pending" && (
                      <>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Edit commission: ${label}`}
                          title="Edit amount and dates"
                          onClick={() => {
                            setEditing(commission);
                            setOpen(true);
                          }}
                        >
                          <Pencil className="size-4" aria-hidden />
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Delete commission: ${label}`}
                          title="Delete"
                          onClick={() => setDeleting(commission)}
                        >
                          <Trash2 className="size-4" aria-hidden />
                        </Button>
                      </>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pager && <div className="border-t border-slate-100 px-5 py-2 empty:hidden">{pager}</div>}
      <CommissionFormDialog open={open} onOpenChange={setOpen} draft={null} commission={editing} today={today} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(next) => !next && setDeleting(null)}
        title="Delete this commission?"
        confirmLabel="Delete commission"
        onConfirm={async () => {
          if (!deleting) return true;
          return settleDelete(deleteCommission({ commissionId: deleting.id }), "Commission deleted");
        }}
      >
        {deleting && (
          <>
            The pending commission of {format.money(deleting.amount, deleting.currency)} (
            {deleting.partner_referrals?.client_name ?? deleting.description ?? "bonus"}) will be removed. Only pending
            commissions can be deleted; approved ones are voided instead.
          </>
        )}
      </ConfirmDialog>
    </Card>
  );
}
