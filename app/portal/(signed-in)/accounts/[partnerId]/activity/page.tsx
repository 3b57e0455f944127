import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format/dates";
import { getPortalAccount } from "@/lib/portal/account";
import { getPortalOrg, listPartnerActivity } from "@/lib/portal/queries";

export const metadata: Metadata = { title: "Activity · Partner portal" };

const EVENT_LABELS: Record<string, string> = {
  "partner.created": "Partnership started",
  "partner.imported": "Account imported",
  "partner.status_changed": "Status changed",
  "partner.tier_changed": "Tier changed",
  "referral.created": "Referral submitted",
  "referral.status_changed": "Referral moved",
  "referral.won": "Referral won",
  "referral.lost": "Referral lost",
  "commission.created": "Commission recorded",
  "commission.approved": "Commission approved",
  "commission.paid": "Commission paid",
  "commission.voided": "Commission voided",
  "document.added": "Document shared",
};

function describe(payload: unknown): string {
  if (!payload || typeof payload !== "object") return "";
  const entries = Object.entries(payload as Record<string, unknown>)
    .filter(([, value]) => value !== null && typeof value !== "object")
    .slice(0, 4)
    .map(([key, value]) => `${key.replaceAll("_", " ")}: ${String(value)}`);
  return entries.join(" · ");
}

export default async function ActivityPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("activity")) return <SectionUnavailable section="Activity updates" />;
  const [events, org] = await Promise.all([listPartnerActivity(partnerId), getPortalOrg()]);
  if (events.length === 0) return <EmptyState title="No activity yet" />;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span
            className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-white bg-brand-600"
            aria-hidden
          />
          <p className="text-sm font-medium text-slate-900">{EVENT_LABELS[event.event_type] ?? event.event_type}</p>
          <p className="text-xs text-slate-500">{formatDateTime(event.occurred_at, org?.time_zone ?? "UTC")}</p>
          {describe(event.payload) && (
            <p className="mt-1 text-sm break-words text-slate-600">{describe(event.payload)}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
