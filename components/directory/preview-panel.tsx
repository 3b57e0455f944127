"use client";

import { ArrowRight, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import { Skeleton } from "@/components/ui/skeleton";
import { useOrgFormat } from "@/components/format/org-format-provider";
import type { ActivityItem, DirectoryRow, PartnerPreview } from "@/lib/partners/directory-types";
import { STATUS_LABELS, TIER_LABELS, type PartnerStatus, type PartnerTier } from "@/lib/partners/constants";

/**
 * The quick preview of one partner beside the grid (a sheet over it on small screens).
 * The row's own facts show at once from the grid; roll-ups and activity arrive with
 * the server render the URL change triggers.
 */
export function PreviewPanel({
  row,
  preview,
  onClose,
}: {
  row: DirectoryRow;
  preview: PartnerPreview | null;
  onClose: () => void;
}) {
  const format = useOrgFormat();
  const partner = preview?.partner.id === row.id ? preview.partner : row;
  const details = preview?.partner.id === row.id ? preview : null;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus({ preventScroll: true }), [row.id]);

  const facts: [string, React.ReactNode][] = [
    ["Owner", partner.owner?.display_name || partner.owner?.email || "Unassigned"],
    ["Region", partner.region ?? "—"],
    [
      "Primary contact",
      partner.primary_contact_name
        ? `${partner.primary_contact_name}${partner.primary_contact_email ? ` · ${partner.primary_contact_email}` : ""}`
        : (partner.primary_contact_email ?? "—"),
    ],
    [
      "Website",
      // The grid's rows leave these out; they come with the preview's render.
      partner.website === undefined ? (
        <Skeleton className="h-4 w-32" />
      ) : partner.website ? (
        <a className="text-brand-700 hover:underline" href={partner.website} target="_blank" rel="noreferrer">
          {partner.website.replace(/^https?:\/\//, "")}
        </a>
      ) : (
        "—"
      ),
    ],
    ["Commission rate", partner.commission_rate === null ? "—" : format.rate(partner.commission_rate)],
    [
      "External id",
      partner.external_id === undefined ? <Skeleton className="h-4 w-20" /> : (partner.external_id ?? "—"),
    ],
    ["Partner since", format.date(partner.created_at)],
  ];

  return (
    <aside
      aria-label={`Preview of ${partner.name}`}
      onKeyDown={(event) => event.key === "Escape" && onClose()}
      className="fixed inset-0 z-30 flex flex-col overflow-y-auto bg-white sm:inset-y-0 sm:right-0 sm:left-auto sm:w-[26rem] sm:border-l sm:border-slate-200 sm:shadow-2xl"
    >
      <div className="sticky top-0 flex items-start justify-between gap-3 border-b border-slate-100 bg-white px-5 py-4">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold text-slate-900">{partner.name}</h2>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
            <StatusBadge status={partner.status} />
            <TierPill tier={partner.tier} />
            {partner.archived_at && (
              <span className="text-xs text-slate-500">Archived {format.date(partner.archived_at)}</span>
            )}
          </div>
        </div>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          aria-label="Close preview"
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100"
        >
          <X className="size-5" aria-hidden />
        </button>
      </div>

      <div className="flex-1 space-y-6 px-5 py-5">
        <section aria-label="Roll-ups" className="grid grid-cols-2 gap-3">
          {details?.rollups ? (
            <>
              <Stat
                label="Open referrals"
                value={format.number(details.rollups.referralsOpen)}
                hint={`${details.rollups.referralsWon} won of ${details.rollups.referralsTotal}`}
              />
              <Stat
                label="Pipeline"
                value={format.money(details.rollups.pipelineValue)}
                hint={`${format.money(details.rollups.wonValue)} won`}
              />
              <Stat
                label="Commission owed"
                value={format.money(details.rollups.commissionOwed)}
                hint={`${format.money(details.rollups.commissionPaid)} paid`}
              />
              <Stat
                label="Open tasks"
                value={format.number(details.rollups.openTasks)}
                hint={details.rollups.overdueTasks ? `${details.rollups.overdueTasks} overdue` : "none overdue"}
                warn={details.rollups.overdueTasks > 0}
              />
            </>
          ) : (
            [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-[4.5rem]" />)
          )}
        </section>

        <dl className="divide-y divide-slate-100 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="shrink-0 text-slate-500">{label}</dt>
              <dd className="min-w-0 truncate text-right text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>

        <section aria-label="Latest activity">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Latest activity</h3>
          {details ? (
            details.activity.length ? (
              <ol className="mt-2 space-y-2.5">
                {details.activity.map((item) => (
                  <li key={item.id} className="flex gap-3 text-sm">
                    <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-500" aria-hidden />
                    <span className="min-w-0">
                      <span className="block text-slate-800">{describeActivity(item)}</span>
                      <time
                        className="text-xs text-slate-500"
                        dateTime={item.occurred_at}
                        title={format.dateTime(item.occurred_at)}
                        // How long ago moves with the clock between the server's render and the browser's.
                        suppressHydrationWarning
                      >
                        {format.relative(item.occurred_at)}
                      </time>
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-2 text-sm text-slate-500">No activity yet.</p>
            )
          ) : (
            <div className="mt-2 space-y-2">
              <Skeleton className="h-8" />
              <Skeleton className="h-8" />
            </div>
          )}
        </section>
      </div>

      <div className="sticky bottom-0 border-t border-slate-100 bg-white px-5 py-3">
        <Link
          href={`/admin/partners/${partner.id}/overview`}
          className="inline-flex h-10 w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          Open workspace <ArrowRight className="size-4" aria-hidden />
        </Link>
      </div>
    </aside>
  );
}

function Stat({ label, value, hint, warn }: { label: string; value: string; hint: string; warn?: boolean }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2.5">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="mt-0.5 truncate font-semibold text-slate-900 tabular-nums">{value}</p>
      <p className={warn ? "text-xs text-red-600" : "text-xs text-slate-400"}>{hint}</p>
    </div>
  );
}

const label = (value: unknown, labels: Record<string, string>) =>
  typeof value === "string" ? (labels[value] ?? value) : "?";

/** One line per event type, in the words the workspace timeline uses. */
export function describeActivity(item: ActivityItem): string {
  const p = item.payload;
  const statuses = STATUS_LABELS as Record<PartnerStatus, string>;
  const tiers = TIER_LABELS as Record<PartnerTier, string>;
  switch (item.event_type) {
    case "partner.created":
      return "Partner created";
    case "partner.imported":
      return "Imported from CSV";
    case "partner.status_changed":
      return `Status changed from ${label(p.from, statuses)} to ${label(p.to, statuses)}`;
    case "partner.tier_changed":
      return `Tier changed from ${label(p.from, tiers)} to ${label(p.to, tiers)}`;
    case "partner.owner_changed":
      return "Owner changed";
    case "partner.archived":
      return "Archived";
    case "referral.created":
      return `Referral ${typeof p.client_name === "string" ? p.client_name : ""} submitted`.replace(/\s+/g, " ");
    case "referral.won":
      return `Referral ${typeof p.client_name === "string" ? p.client_name : ""} won`.replace(/\s+/g, " ");
    case "referral.lost":
      return `Referral ${typeof p.client_name === "string" ? p.client_name : ""} lost`.replace(/\s+/g, " ");
    case "referral.status_changed":
      return "Referral moved forward";
    case "commission.created":
      return "Commission recorded";
    case "commission.approved":
      return "Commission approved";
    case "commission.paid":
      return "Commission paid";
    case "commission.voided":
      return "Commission voided";
    case "task.created":
      return "Task created";
    case "task.completed":
      return "Task completed";
    case "document.added":
      return "Document added";
    case "note.added":
      return "Note added";
    default:
      return item.event_type;
  }
}
