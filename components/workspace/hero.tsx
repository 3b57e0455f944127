import Link from "next/link";
import { ChevronLeft, Globe, Mail, User } from "lucide-react";
import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import type { PartnerStatus, PartnerTier } from "@/lib/partners/constants";
import type { PartnerRollups, WorkspacePartner } from "@/lib/workspace/get-workspace-partner";
import { HeroControls } from "./hero-controls";
import { HeroTags } from "./hero-tags";
import { RestoreButton } from "./restore-button";

function winRate(rollups: PartnerRollups | null, percent: (share: number) => string): string {
  if (!rollups) return "—";
  const closed = rollups.referrals_won + rollups.referrals_lost;
  return closed === 0 ? "—" : percent(rollups.referrals_won / closed);
}

/** Name, status, tier, owner and the roll-ups from partner_rollups(). */
export function Hero({
  partner,
  rollups,
  ownerName,
  org,
}: {
  partner: WorkspacePartner;
  rollups: PartnerRollups | null;
  ownerName: string | null;
  org: OrgFormat;
}) {
  const format = orgFormatter(org);
  // Exact below 10,000, short above ("$269K"): a short "1234,5 €" reads as a typo in German.
  const compact = (amount: number | string | null | undefined) => format.compactMoney(amount);
  const metrics = [
    {
      label: "Referrals",
      value: rollups ? format.number(rollups.referrals_total) : "—",
      hint: rollups ? `${format.number(rollups.referrals_open)} open` : undefined,
    },
    {
      label: "Win rate",
      value: winRate(rollups, format.percent),
      hint: rollups
        ? `${format.number(rollups.referrals_won)} won · ${format.number(rollups.referrals_lost)} lost`
        : undefined,
    },
    { label: "Pipeline", value: compact(rollups?.pipeline_value), hint: "open referrals" },
    {
      label: "Commission earned",
      value: compact(rollups?.commission_earned),
      hint: `${compact(rollups?.commission_paid)} paid`,
    },
    { label: "Commission owed", value: compact(rollups?.commission_owed), hint: "pending + approved" },
    {
      label: "Open tasks",
      value: rollups ? format.number(rollups.open_tasks) : "—",
      hint: rollups && rollups.overdue_tasks > 0 ? `${format.number(rollups.overdue_tasks)} overdue` : "none overdue",
      warn: Boolean(rollups && rollups.overdue_tasks > 0),
    },
  ];
  return (
    <section aria-labelledby="partner-name" className="space-y-5">
      <Link
        href="/admin/partners"
        className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"
      >
        <ChevronLeft className="size-4" aria-hidden /> Partners
      </Link>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 id="partner-name" className="truncate text-2xl font-semibold tracking-tight text-slate-900">
              {partner.name}
            </h1>
            <span data-testid="hero-status">
              <StatusBadge status={partner.status as PartnerStatus} />
            </span>
            <span data-testid="hero-tier">
              <TierPill tier={partner.tier as PartnerTier} />
            </span>
            {partner.archived_at && (
              <>
                <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-medium text-white">Archived</span>
                <RestoreButton />
              </>
            )}
          </div>
          <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
            <div className="flex items-center gap-1.5">
              <dt className="sr-only">Owner</dt>
              <User className="size-4 text-slate-400" aria-hidden />
              <dd>{ownerName ?? "No owner"}</dd>
            </div>
            {partner.region && (
              <div>
                <dt className="sr-only">Region</dt>
                <dd>{partner.region}</dd>
              </div>
            )}
            {partner.website && (
              <div className="flex items-center gap-1.5">
                <dt className="sr-only">Website</dt>
                <Globe className="size-4 text-slate-400" aria-hidden />
                <dd>
                  <a href={partner.website} target="_blank" rel="noreferrer" className="hover:underline">
                    {partner.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            )}
            {partner.primary_contact_email && (
              <div className="flex items-center gap-1.5">
                <dt className="sr-only">Primary contact</dt>
                <Mail className="size-4 text-slate-400" aria-hidden />
                <dd>{partner.primary_contact_name ?? partner.primary_contact_email}</dd>
              </div>
            )}
          </dl>
          <HeroTags tags={partner.tags} updatedAt={partner.updated_at} />
        </div>
        <HeroControls
          status={partner.status as PartnerStatus}
          tier={partner.tier as PartnerTier}
          updatedAt={partner.updated_at}
        />
      </div>
      <dl
        className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-3 xl:grid-cols-6"
        data-testid="hero-metrics"
      >
        {metrics.map((metric) => (
          <div key={metric.label} className="bg-white px-4 py-3">
            <dt className="text-xs font-medium text-slate-500">{metric.label}</dt>
            <dd
              className="mt-1 text-xl font-semibold tabular-nums text-slate-900"
              data-testid={`metric-${metric.label.toLowerCase().replaceAll(" ", "-")}`}
            >
              {metric.value}
            </dd>
            {metric.hint && (
              <dd className={metric.warn ? "text-xs font-medium text-red-600" : "text-xs text-slate-500"}>
                {metric.hint}
              </dd>
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}
