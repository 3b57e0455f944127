import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { CommissionStatusBadge } from "@/components/portal/status-badges";
import { Table, Td, Th } from "@/components/portal/table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { pageNumber } from "@/lib/paging/page";
import { getPortalAccount } from "@/lib/portal/account";
import { accountHref } from "@/lib/portal/constants";
import { getCommissionStatement, getPortalOrg, listPortalCommissions } from "@/lib/portal/queries";

const NOUN = { one: "commission", other: "commissions" };

export const metadata: Metadata = { title: "Commissions · Partner portal" };

export default async function CommissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { partnerId } = await params;
  const page = pageNumber((await searchParams).page);
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("commissions")) return <SectionUnavailable section="Commissions" />;
  const [statement, commissions, org] = await Promise.all([
    getCommissionStatement(partnerId),
    listPortalCommissions(partnerId, page),
    getPortalOrg(),
  ]);
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  const base = accountHref(partnerId, "commissions");
  const currency = statement[0]?.currency ?? org?.currency ?? "USD";
  const money = (value: number) => format.money(value, currency);
  const periods = statement.filter((row) => !row.is_total);
  const total = statement.find((row) => row.is_total);
  return (
    <div className="space-y-8">
      <section aria-labelledby="statement-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="statement-heading" className="text-sm font-semibold text-slate-900">
              Statement by month
            </h2>
            <p className="text-sm text-slate-500">Earned excludes voided commissions; owed is pending plus approved.</p>
          </div>
          <a
            href={`${accountHref(partnerId, "commissions")}/statement`}
            download
            className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Download CSV
          </a>
        </div>
        {periods.length === 0 ? (
          <EmptyState title="No commissions yet" description="Commissions appear here once a referral is won." />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Month</Th>
                <Th className="text-right">Earned</Th>
                <Th className="text-right">Approved</Th>
                <Th className="text-right">Paid</Th>
                <Th className="text-right">Owed</Th>
              </tr>
            </thead>
            <tbody>
              {periods.map((row) => (
                <tr key={row.period}>
                  <Td className="whitespace-nowrap font-medium text-slate-900">{format.month(row.period)}</Td>
                  <Td className="text-right tabular-nums">{money(row.earned)}</Td>
                  <Td className="text-right tabular-nums">{money(row.approved)}</Td>
                  <Td className="text-right tabular-nums">{money(row.paid)}</Td>
                  <Td className="text-right tabular-nums">{money(row.owed)}</Td>
                </tr>
              ))}
            </tbody>
            {total && (
              <tfoot>
                <tr className="bg-slate-50 font-semibold text-slate-900">
                  <Td>Total</Td>
                  <Td className="text-right tabular-nums">{money(total.earned)}</Td>
                  <Td className="text-right tabular-nums">{money(total.approved)}</Td>
                  <Td className="text-right tabular-nums">{money(total.paid)}</Td>
                  <Td className="text-right tabular-nums">{money(total.owed)}</Td>
                </tr>
              </tfoot>
            )}
          </Table>
        )}
      </section>
      {(commissions.total > 0 || page > 1) && (
        <section aria-labelledby="commissions-heading" className="space-y-3">
          <h2 id="commissions-heading" className="text-sm font-semibold text-slate-900">
            Commissions
          </h2>
          {isPastLastPage(commissions) ? (
            <PastLastPage list={commissions} path={base} noun={NOUN} format={format} />
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Description</Th>
                  <Th>Status</Th>
                  <Th className="text-right">Amount</Th>
                  <Th>Earned</Th>
                  <Th>Due</Th>
                  <Th>Paid</Th>
                </tr>
              </thead>
              <tbody>
                {commissions.rows.map((commission) => {
                  return (
                    <tr key={commission.id}>
                      <Td className="min-w-48 text-slate-900">{commission.description ?? "Commission"}</Td>
                      <Td>
                        <span className="flex flex-wrap gap-1">
                          <CommissionStatusBadge status={commission.status} />
                          {commission.overdue && <Badge tone="red">Overdue</Badge>}
                        </span>
                      </Td>
                      <Td className="text-right tabular-nums">
                        {format.money(commission.amount, commission.currency)}
                      </Td>
                      <Td className="whitespace-nowrap">{format.date(commission.earned_at)}</Td>
                      <Td className="whitespace-nowrap">{format.date(commission.due_at)}</Td>
                      <Td className="whitespace-nowrap">{format.date(commission.paid_at)}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          )}
          <PageNav list={commissions} path={base} noun={NOUN} label="Commission pages" format={format} />
        </section>
      )}
    </div>
  );
}
