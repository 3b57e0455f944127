import {
  PARTNER_COMMISSION_SERIES,
  PARTNER_REFERRAL_SERIES,
  PARTNER_WON_VALUE_SERIES,
} from "@/components/charts/series";
import { TrendChart } from "@/components/charts/trend-charts";
import { ChartTableCard } from "@/components/dashboard/chart-table";
import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import { trendTable, type TrendRow } from "@/lib/trends/queries";

/**
 * A partner's monthly trend: charts for what the viewer may see (referrals and won value with
 * the referrals section, commission with the commissions section) above the same figures as
 * a table. Without a section its chart and its columns are left out, not drawn as zeros.
 */
export function PartnerTrendCard({
  rows,
  title,
  description,
  referrals,
  commissions,
  org,
}: {
  rows: TrendRow[];
  title: string;
  description: string;
  referrals: boolean;
  commissions: boolean;
  org: OrgFormat;
}) {
  const table = trendTable(rows, { title, description, referrals, commissions });
  // contain: the charts' and table's own widths must not widen the column it sits in (they scroll)
  return (
    <div className="min-w-0 [contain:inline-size]">
      <ChartTableCard table={table} format={orgFormatter(org)}>
        {table.rows.length > 0 && (referrals || commissions) && (
          <div className="space-y-5">
            {referrals && (
              <>
                <TrendChart
                  title="Referrals by month"
                  rows={table.rows}
                  series={PARTNER_REFERRAL_SERIES}
                  valueKind="count"
                  bucket="month"
                  org={org}
                />
                <TrendChart
                  title="Won value by month"
                  rows={table.rows}
                  series={PARTNER_WON_VALUE_SERIES}
                  valueKind="money"
                  bucket="month"
                  org={org}
                />
              </>
            )}
            {commissions && (
              <TrendChart
                title="Commission by month"
                rows={table.rows}
                series={PARTNER_COMMISSION_SERIES}
                valueKind="money"
                bucket="month"
                org={org}
                stock={["commission_owed"]}
              />
            )}
          </div>
        )}
      </ChartTableCard>
    </div>
  );
}
