import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PortalAllAccountsTrend } from "@/components/portal/portal-all-accounts-trend";
import { ReferralStatusBadge } from "@/components/portal/status-badges";
import { Table, Td, Th } from "@/components/portal/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { Input } from "@/components/ui/input";
import { getPartnerContext } from "@/lib/auth/partner-context";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { pageNumber } from "@/lib/paging/page";
import {
  REFERRAL_STATUSES,
  REFERRAL_STATUS_LABELS,
  accountHref,
  isReferralStatus,
  type ReferralStatus,
} from "@/lib/portal/constants";
import {
  getCommissionSummary,
  getPortalOrg,
  getReferralPipeline,
  listReferralsAcrossAccounts,
} from "@/lib/portal/queries";

export const metadata: Metadata = { title: "All accounts · Partner portal" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PATH = "/portal/all";
const NOUN = { one: "referral", other: "referrals" };

export default async function AllAccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string; status?: string | string[]; page?: string }>;
}) {
  const partner = await getPartnerContext();
  if (!partner || !partner.isActive || partner.accounts.length === 0) return null;
  if (partner.accounts.length === 1) redirect(accountHref(partner.accounts[0]!.partnerId));
  const query = await searchParams;
  const from = query.from && DAY.test(query.from) ? query.from : undefined;
  const to = query.to && DAY.test(query.to) ? query.to : undefined;
  const statuses = [query.status ?? []].flat().filter(isReferralStatus) as ReferralStatus[];
  const filter = { from, to, statuses };
  const pagerParams = { from, to, status: statuses };
  const [commissions, pipeline, referrals, org] = await Promise.all([
    getCommissionSummary(),
    getReferralPipeline(filter),
    listReferralsAcrossAccounts(filter, pageNumber(query.page)),
    getPortalOrg(),
  ]);
  const currency = org?.currency ?? commissions[0]?.currency ?? "USD";
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  const money = (value: number) => format.money(value, currency);
  const withCommissions = new Set(
    partner.accounts.filter((account) => account.scope.includes("commissions")).map((account) => account.partnerId),
  );
  const withReferrals = new Set(
    partner.accounts.filter((account) => account.scope.includes("referrals")).map((account) => account.partnerId),
  );
  const commissionRows = commissions.filter((row) => !row.is_total);
  const commissionTotal = commissions.find((row) => row.is_total);
  const pipelineRows = pipeline.filter((row) => !row.is_total);
  const pipelineTotal = pipeline.find((row) => row.is_total);
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">All accounts</h1>
        <p className="mt-1 text-sm text-slate-500">{partner.accounts.length} partner accounts you have access to.</p>
      </div>

      {org && <PortalAllAccountsTrend org={org} accounts={partner.accounts} />}

      <section aria-labelledby="commissions-heading" className="space-y-3">
        <h2 id="commissions-heading" className="text-sm font-semibold text-slate-900">
          Commissions
        </h2>
        <Table data-testid="all-commissions">
          <thead>
            <tr>
              <Th>Account</Th>
              <Th className="text-right">Owed</Th>
              <Th className="text-right">Paid</Th>
              <Th className="text-right">Overdue</Th>
            </tr>
          </thead>
          <tbody>
            {commissionRows.map((row) => (
              <tr key={row.partner_id}>
                <Td className="font-medium">
                  <Link href={accountHref(row.partner_id)} className="text-brand-700 hover:underline">
                    {row.partner_name}
                  </Link>
                </Td>
                {withCommissions.has(row.partner_id) ? (
                  <>
                    <Td className="text-right tabular-nums">{money(row.owed)}</Td>
                    <Td className="text-right tabular-nums">{money(row.paid)}</Td>
                    <Td className="text-right tabular-nums">
                      {row.overdue_count > 0 ? (
                        <span className="inline-flex items-center gap-2">
                          <Badge tone="red">{row.overdue_count} overdue</Badge>
                          {money(row.overdue)}
                        </span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </Td>
                  </>
                ) : (
                  <Td colSpan={3} className="text-right text-slate-400">
                    Not in your access
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
          {commissionTotal && (
            <tfoot>
              <tr className="bg-slate-50 font-semibold text-slate-900" data-testid="commission-total">
                <Td>Total</Td>
                <Td className="text-right tabular-nums" data-testid="total-owed">
                  {money(commissionTotal.owed)}
                </Td>
                <Td className="text-right tabular-nums" data-testid="total-paid">
                  {money(commissionTotal.paid)}
                </Td>
                <Td className="text-right tabular-nums" data-testid="total-overdue">
                  {commissionTotal.overdue_count > 0 ? money(commissionTotal.overdue) : "—"}
                </Td>
              </tr>
            </tfoot>
          )}
        </Table>
      </section>

      <section aria-labelledby="pipeline-heading" className="space-y-3">
        <h2 id="pipeline-heading" className="text-sm font-semibold text-slate-900">
          Referral pipeline
        </h2>
        <form
          method="get"
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[auto_auto_1fr_auto] sm:items-end"
        >
          <label className="space-y-1.5 text-sm font-medium text-slate-700">
            <span className="block">Referred from</span>
            <Input type="date" name="from" defaultValue={from} />
          </label>
          <label className="space-y-1.5 text-sm font-medium text-slate-700">
            <span className="block">to</span>
            <Input type="date" name="to" defaultValue={to} />
          </label>
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium text-slate-700">Status</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1 pt-1.5">
              {REFERRAL_STATUSES.map((status) => (
                <label key={status} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="status"
                    value={status}
                    defaultChecked={statuses.includes(status)}
                    className="size-4 rounded border-slate-300"
                  />
                  {REFERRAL_STATUS_LABELS[status]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" size="md">
              Apply
            </Button>
            <Link
              href="/portal/all"
              className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
            >
              Reset
            </Link>
          </div>
        </form>
        <Table data-testid="all-pipeline">
          <thead>
            <tr>
              <Th>Account</Th>
              <Th className="text-right">Referrals</Th>
              <Th className="text-right">Open</Th>
              <Th className="text-right">Won</Th>
              <Th className="text-right">Pipeline</Th>
              <Th className="text-right">Won value</Th>
            </tr>
          </thead>
          <tbody>
            {pipelineRows.map((row) => (
              <tr key={row.partner_id}>
                <Td className="font-medium">
                  <Link href={accountHref(row.partner_id)} className="text-brand-700 hover:underline">
                    {row.partner_name}
                  </Link>
                </Td>
                {withReferrals.has(row.partner_id) ? (
                  <>
                    <Td className="text-right tabular-nums">{row.referrals}</Td>
                    <Td className="text-right tabular-nums">{row.open_referrals}</Td>
                    <Td className="text-right tabular-nums">{row.won_referrals}</Td>
                    <Td className="text-right tabular-nums">{money(row.pipeline_value)}</Td>
                    <Td className="text-right tabular-nums">{money(row.won_value)}</Td>
                  </>
                ) : (
                  <Td colSpan={5} className="text-right text-slate-400">
                    Not in your access
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
          {pipelineTotal && (
            <tfoot>
              <tr className="bg-slate-50 font-semibold text-slate-900">
                <Td>Total</Td>
                <Td className="text-right tabular-nums" data-testid="pipeline-total-referrals">
                  {pipelineTotal.referrals}
                </Td>
                <Td className="text-right tabular-nums">{pipelineTotal.open_referrals}</Td>
                <Td className="text-right tabular-nums">{pipelineTotal.won_referrals}</Td>
                <Td className="text-right tabular-nums" data-testid="pipeline-total-value">
                  {money(pipelineTotal.pipeline_value)}
                </Td>
                <Td className="text-right tabular-nums">{money(pipelineTotal.won_value)}</Td>
              </tr>
            </tfoot>
          )}
        </Table>
        {isPastLastPage(referrals) ? (
          <PastLastPage list={referrals} path={PATH} params={pagerParams} noun={NOUN} format={format} />
        ) : referrals.rows.length === 0 ? (
          <EmptyState title="No referrals match these filters" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Client</Th>
                <Th>Account</Th>
                <Th>Status</Th>
                <Th className="text-right">Estimated</Th>
                <Th>Referred</Th>
              </tr>
            </thead>
            <tbody>
              {referrals.rows.map((referral) => (
                <tr key={referral.id}>
                  <Td className="font-medium text-slate-900">{referral.client_name}</Td>
                  <Td className="whitespace-nowrap">{referral.partner_name}</Td>
                  <Td>
                    <ReferralStatusBadge status={referral.status} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {referral.estimated_value == null ? "—" : money(referral.estimated_value)}
                  </Td>
                  <Td className="whitespace-nowrap">{format.date(referral.referred_at)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <PageNav list={referrals} path={PATH} params={pagerParams} noun={NOUN} label="Referral pages" format={format} />
      </section>
    </div>
  );
}
