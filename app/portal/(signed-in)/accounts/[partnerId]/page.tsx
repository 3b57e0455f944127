import type { Metadata } from "next";
import Link from "next/link";
import { Metric } from "@/components/portal/metric";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { getPortalAccount } from "@/lib/portal/account";
import { accountHref } from "@/lib/portal/constants";
import { getPortalOrg, getPortalPartner, getPortalRollups } from "@/lib/portal/queries";
import { PortalAccountTrend } from "@/components/portal/portal-account-trend";

export const metadata: Metadata = { title: "Overview · Partner portal" };

export default async function AccountOverviewPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  const [partner, rollups, org] = await Promise.all([
    getPortalPartner(partnerId),
    getPortalRollups(partnerId),
    getPortalOrg(),
  ]);
  if (!partner) return null;
  const currency = rollups?.currency ?? org?.currency ?? "USD";
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  const money = (value: number | null | undefined) => format.money(value ?? 0, currency);
  const showReferrals = account.scope.includes("referrals");
  const showCommissions = account.scope.includes("commissions");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {showReferrals && rollups && (
          <section aria-labelledby="referrals-heading" className="space-y-3">
            <div className="flex items-baseline justify-between">
              <h2 id="referrals-heading" className="text-sm font-semibold text-slate-900">
                Referrals
              </h2>
              <Link
                href={accountHref(partnerId, "referrals")}
                className="text-sm font-medium text-brand-700 hover:underline"
              >
                See all
              </Link>
            </div>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Metric
                label="Open"
                value={format.number(
                  rollups.referrals_submitted + rollups.referrals_qualified + rollups.referrals_in_progress,
                )}
              />
              <Metric label="Won" value={format.number(rollups.referrals_won)} />
              <Metric label="Pipeline" value={money(rollups.pipeline_value)} />
              <Metric label="Won value" value={money(rollups.won_value)} />
            </div>
          </section>
        )}
        {showCommissions && rollups && (
          <section aria-labelledby="commissions-heading" className="space-y-3">
            <div className="flex items-baseline justify-between">
              <h2 id="commissions-heading" className="text-sm font-semibold text-slate-900">
                Commissions
              </h2>
              <Link
                href={accountHref(partnerId, "commissions")}
                className="text-sm font-medium text-brand-700 hover:underline"
              >
                Statement
              </Link>
            </div>
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Metric label="Earned" value={money(rollups.commission_earned)} />
              <Metric label="Approved" value={money(rollups.commission_approved)} />
              <Metric label="Paid" value={money(rollups.commission_paid)} />
              <Metric
                label="Owed"
                value={money(rollups.commission_owed)}
                tone={rollups.commission_overdue > 0 ? "warning" : undefined}
                hint={
                  rollups.commission_overdue > 0 ? `${money(rollups.commission_overdue)} overdue` : "Nothing overdue"
                }
              />
            </div>
          </section>
        )}
        {org && (showReferrals || showCommissions) && (
          <PortalAccountTrend org={org} partnerId={partnerId} referrals={showReferrals} commissions={showCommissions} />
        )}
        {!showReferrals && !showCommissions && (
          <Card>
            <CardBody className="text-sm text-slate-600">
              Your access to {partner.name} covers its profile. Ask your partner manager if you also need referrals or
              commissions.
            </CardBody>
          </Card>
        )}
      </div>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Your partner manager" />
          <CardBody>
            {partner.manager ? (
              <div className="space-y-1 text-sm">
                <p className="font-medium text-slate-900">{partner.manager.name ?? partner.manager.email}</p>
                {partner.manager.email && (
                  <a href={`mailto:${partner.manager.email}`} className="break-all text-brand-700 hover:underline">
                    {partner.manager.email}
                  </a>
                )}
              </div>
            ) : (
              <p className="text-sm text-slate-500">No manager is assigned yet.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Account" />
          <CardBody>
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Region</dt>
                <dd className="text-right text-slate-900">{partner.region ?? "—"}</dd>
              </div>
              <div className="flex justify-between gap-4">
                <dt className="text-slate-500">Website</dt>
                <dd className="min-w-0 truncate text-right">
                  {partner.website ? (
                    <a
                      href={partner.website}
                      className="text-brand-700 hover:underline"
                      rel="noreferrer"
                      target="_blank"
                    >
                      {partner.website.replace(/^https?:\/\//, "")}
                    </a>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
            </dl>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
