import type { Metadata } from "next";
import Link from "next/link";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { ReferralStatusBadge } from "@/components/portal/status-badges";
import { Table, Td, Th } from "@/components/portal/table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { pageNumber } from "@/lib/paging/page";
import { getPortalAccount } from "@/lib/portal/account";
import { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS, accountHref, isReferralStatus } from "@/lib/portal/constants";
import { getPortalOrg, listPortalReferrals } from "@/lib/portal/queries";
import { cn } from "@/lib/utils/cn";

const NOUN = { one: "referral", other: "referrals" };

export const metadata: Metadata = { title: "Referrals · Partner portal" };

export default async function ReferralsPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const { partnerId } = await params;
  const { status: rawStatus, page: rawPage } = await searchParams;
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("referrals")) return <SectionUnavailable section="Referrals" />;
  const status = isReferralStatus(rawStatus) ? rawStatus : undefined;
  const [referrals, org] = await Promise.all([
    listPortalReferrals(partnerId, status, pageNumber(rawPage)),
    getPortalOrg(),
  ]);
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  const base = accountHref(partnerId, "referrals");
  const chips = [
    { value: undefined, label: "All" },
    ...REFERRAL_STATUSES.map((value) => ({ value, label: REFERRAL_STATUS_LABELS[value] })),
  ];
  return (
    <div className="space-y-4">
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <Link
            key={chip.label}
            href={chip.value ? `${base}?status=${chip.value}` : base}
            aria-current={chip.value === status ? "true" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm font-medium",
              chip.value === status
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {chip.label}
          </Link>
        ))}
      </nav>
      {isPastLastPage(referrals) ? (
        <PastLastPage list={referrals} path={base} params={{ status }} noun={NOUN} format={format} />
      ) : referrals.rows.length === 0 ? (
        <EmptyState
          title={status ? `No ${REFERRAL_STATUS_LABELS[status].toLowerCase()} referrals` : "No referrals yet"}
        />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Client</Th>
              <Th>Status</Th>
              <Th className="text-right">Estimated</Th>
              <Th className="text-right">Actual</Th>
              <Th>Referred</Th>
              <Th>Closed</Th>
            </tr>
          </thead>
          <tbody>
            {referrals.rows.map((referral) => (
              <tr key={referral.id}>
                <Td className="font-medium text-slate-900">{referral.client_name}</Td>
                <Td>
                  <ReferralStatusBadge status={referral.status} />
                </Td>
                <Td className="text-right tabular-nums">
                  {referral.estimated_value == null ? "—" : format.money(referral.estimated_value)}
                </Td>
                <Td className="text-right tabular-nums">
                  {referral.actual_value == null ? "—" : format.money(referral.actual_value)}
                </Td>
                <Td className="whitespace-nowrap">{format.date(referral.referred_at)}</Td>
                <Td className="whitespace-nowrap">{format.date(referral.closed_at)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PageNav list={referrals} path={base} params={{ status }} noun={NOUN} label="Referral pages" format={format} />
    </div>
  );
}
