"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { deleteReferral } from "@/lib/referrals/actions/delete-referral";
import { moveReferral } from "@/lib/referrals/actions/move-referral";
import { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, type ReferralStatus } from "@/lib/referrals/constants";
import { cn } from "@/lib/utils/cn";
import { ConfirmDialog } from "../confirm-dialog";
import { GuardedButton } from "../guarded-button";
import { usePermission, useWorkspace } from "../workspace-context";
import { CommissionFormDialog } from "./commission-form-dialog";
import { ReferralFormDialog } from "./referral-form-dialog";
import type { CommissionDraft, ReferralRow, SavedReferral } from "./referral-types";
import { RowActions, settleDelete } from "../row-actions";

export const REFERRAL_TONES: Record<ReferralStatus, BadgeTone> = {
  submitted: "slate",
  qualified: "blue",
  in_progress: "violet",
  won: "green",
  lost: "red",
};

export type PipelineCounts = Record<ReferralStatus, number>;

/** The pipeline (counts from the roll-ups), one page of referrals, and the commission offer on a win. */
export function ReferralBoard({
  referrals,
  counts,
  status,
  page,
  pageCount,
  today,
  commissionRate,
}: {
  referrals: ReferralRow[];
  counts: PipelineCounts;
  status: ReferralStatus | null;
  page: number;
  pageCount: number;
  today: string;
  commissionRate: number | null;
}) {
  const { partnerId, currency, timeZone, canLead } = useWorkspace();
  const edit = usePermission("edit");
  const lead = usePermission("lead");
  const [editing, setEditing] = useState<ReferralRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<ReferralRow | null>(null);
  const [draft, setDraft] = useState<CommissionDraft>(null);
  const [commissionOpen, setCommissionOpen] = useState(false);
  const [, startTransition] = useTransition();
  const base = `/admin/partners/${partnerId}/referrals`;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);

  /** A referral just became won: offer to record its commission (leads), or say who can. */
  function offerCommission(saved: SavedReferral, previousStatus: string | null, clientName: string) {
    if (saved.status !== "won" || previousStatus === "won") return;
    if (!canLead) {
      toast.info("Referral won. An admin or manager can record its commission.");
      return;
    }
    const value = saved.actual_value ?? saved.estimated_value;
    const amount = value !== null && commissionRate !== null ? ((Number(value) * commissionRate) / 100).toFixed(2) : "";
    setDraft({ referralId: saved.id, clientName, amount });
    setCommissionOpen(true);
  }

  function move(referral: ReferralRow, to: ReferralStatus) {
    startTransition(async () => {
      const result = await moveReferral({ referralId: referral.id, status: to });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`${referral.client_name}: ${REFERRAL_STATUS_LABELS[to]}`);
      offerCommission(result.data, referral.status, referral.client_name);
    });
  }

  return (
    <Card className="min-w-0 overflow-hidden">
      <CardHeader
        title="Referrals"
        description="Deals this partner brought, from submitted to won or lost."
        actions={
          <GuardedButton
            size="sm"
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            <Plus className="size-4" aria-hidden /> New referral
          </GuardedButton>
        }
      />
      <nav aria-label="Pipeline" className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
        <PipelineLink href={base} active={status === null} label="All" count={total} />
        {REFERRAL_STATUSES.map((value) => (
          <PipelineLink
            key={value}
            href={`${base}?status=${value}`}
            active={status === value}
            label={REFERRAL_STATUS_LABELS[value]}
            count={counts[value]}
          />
        ))}
      </nav>

      {referrals.length === 0 ? (
        <div className="p-5">
          <EmptyState
            title={status ? `No ${REFERRAL_STATUS_LABELS[status].toLowerCase()} referrals` : "No referrals yet"}
            description="Record a deal this partner referred to start the pipeline."
          />
        </div>
      ) : (
        <div className="sm:overflow-x-auto">
          {/* Below 640 px each row is a small card (client on top, stage and actions under it); a table above. */}
          <table className="block w-full text-left text-sm sm:table">
            <thead className="hidden bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500 sm:table-header-group">
              <tr>
                <th className="px-5 py-2">Client</th>
                <th className="px-3 py-2">Stage</th>
                <th className="hidden px-3 py-2 text-right md:table-cell">Estimated</th>
                <th className="hidden px-3 py-2 text-right md:table-cell">Actual</th>
                <th className="hidden px-3 py-2 lg:table-cell">Referred</th>
                <th className="hidden px-3 py-2 lg:table-cell">Closed</th>
                <th className="px-5 py-2 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 sm:table-row-group">
              {referrals.map((referral) => (
                <tr
                  key={referral.id}
                  data-testid="referral-row"
                  className="flex flex-wrap items-center gap-x-2 gap-y-2 px-4 py-3 sm:table-row sm:p-0"
                >
                  <td className="block w-full min-w-0 sm:table-cell sm:w-auto sm:px-5 sm:py-2.5">
                    <p className="break-words font-medium text-slate-900">{referral.client_name}</p>
                    <p className="break-all text-xs text-slate-500">{referral.client_email ?? "No email"}</p>
                    <p className="text-xs tabular-nums text-slate-500 md:hidden">
                      {referral.actual_value !== null
                        ? `Actual ${formatMoney(referral.actual_value, currency)}`
                        : referral.estimated_value !== null
                          ? `Estimated ${formatMoney(referral.estimated_value, currency)}`
                          : "No value yet"}
                      {" · "}
                      {formatDate(referral.referred_at, timeZone)}
                    </p>
                  </td>
                  <td className="block min-w-0 flex-1 sm:table-cell sm:px-3 sm:py-2.5">
                    <Select
                      aria-label={`Stage of ${referral.client_name}`}
                      className="h-8 w-full text-xs sm:w-36"
                      value={referral.status}
                      disabled={!edit.allowed}
                      title={edit.reason}
                      onChange={(event) => move(referral, event.target.value as ReferralStatus)}
                    >
                      {REFERRAL_STATUSES.map((value) => (
                        <option key={value} value={value}>
                          {REFERRAL_STATUS_LABELS[value]}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className="hidden px-3 py-2.5 text-right tabular-nums md:table-cell">
                    {referral.estimated_value === null ? "—" : formatMoney(referral.estimated_value, currency)}
                  </td>
                  <td className="hidden px-3 py-2.5 text-right tabular-nums md:table-cell">
                    {referral.actual_value === null ? "—" : formatMoney(referral.actual_value, currency)}
                  </td>
                  <td className="hidden px-3 py-2.5 text-slate-600 lg:table-cell">
                    {formatDate(referral.referred_at, timeZone)}
                  </td>
                  <td className="hidden px-3 py-2.5 text-slate-600 lg:table-cell">
                    {referral.closed_at ? (
                      formatDate(referral.closed_at, timeZone)
                    ) : (
                      <Badge tone={REFERRAL_TONES[referral.status as ReferralStatus]}>open</Badge>
                    )}
                  </td>
                  <td className="block whitespace-nowrap text-right sm:table-cell sm:px-5 sm:py-2.5">
                    <RowActions
                      label={referral.client_name}
                      deleteLevel="lead"
                      onEdit={() => {
                        setEditing(referral);
                        setFormOpen(true);
                      }}
                      onDelete={() => setDeleting(referral)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && (
        <nav
          aria-label="Referral pages"
          className="flex items-center justify-between border-t border-slate-100 px-5 py-3 text-sm"
        >
          <span className="text-slate-500">
            Page {page} of {pageCount}
          </span>
          <div className="flex gap-2">
            <PageLink href={pageHref(base, status, page - 1)} disabled={page <= 1} label="Previous" />
            <PageLink href={pageHref(base, status, page + 1)} disabled={page >= pageCount} label="Next" />
          </div>
        </nav>
      )}

      <ReferralFormDialog
        referral={editing}
        open={formOpen}
        onOpenChange={setFormOpen}
        today={today}
        onSaved={(saved, previousStatus) =>
          offerCommission(saved, previousStatus, saved.client_name ?? "this referral")
        }
      />
      <CommissionFormDialog open={commissionOpen} onOpenChange={setCommissionOpen} draft={draft} today={today} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this referral?"
        confirmLabel="Delete referral"
        onConfirm={async () => {
          if (!deleting) return true;
          return settleDelete(deleteReferral({ referralId: deleting.id }), "Referral deleted");
        }}
      >
        “{deleting?.client_name}” will be removed. Commissions recorded for it stay, without the link.
      </ConfirmDialog>
      {!lead.allowed && edit.allowed && <p className="sr-only">{lead.reason}</p>}
    </Card>
  );
}

function pageHref(base: string, status: ReferralStatus | null, page: number): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

function PipelineLink({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm",
        active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-200 text-slate-600 hover:bg-slate-50",
      )}
    >
      {label}
      <span className="tabular-nums opacity-70">{count.toLocaleString("en-US")}</span>
    </Link>
  );
}

function PageLink({ href, disabled, label }: { href: string; disabled: boolean; label: string }) {
  if (disabled) return <span className="rounded-md border border-slate-200 px-3 py-1 text-slate-300">{label}</span>;
  return (
    <Link href={href} className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50">
      {label}
    </Link>
  );
}
