import type { Metadata } from "next";
import { MONEY_SERIES, REFERRAL_SERIES } from "@/components/charts/series";
import { TrendChart } from "@/components/charts/trend-charts";
import { ChartTableCard } from "@/components/dashboard/chart-table";
import { DashboardFilters } from "@/components/dashboard/filters";
import { FunnelBars } from "@/components/dashboard/funnel-bars";
import { DashboardTiles } from "@/components/dashboard/tiles";
import { getStaffContext } from "@/lib/auth/staff-context";
import { dashboardTables } from "@/lib/dashboard/charts";
import { dashboardSearch, parseDashboardFilter, periodDays } from "@/lib/dashboard/filter";
import { formatOf, orgFormatter } from "@/lib/format/org-format";
import { loadDashboard } from "@/lib/dashboard/queries";
import { staffOption } from "@/lib/pickers/search-people";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getStaffContext();
  if (!staff) return null;
  const { currency, time_zone: timeZone } = staff.org;
  const org = formatOf(staff.org);
  const format = orgFormatter(org);
  const filter = parseDashboardFilter(await searchParams, timeZone);
  const supabase = await createClient();
  const [data, chosenOwner] = await Promise.all([
    loadDashboard(supabase, staff.org.id, filter),
    filter.owner ? staffOption(supabase, staff.org.id, filter.owner) : Promise.resolve(null),
  ]);
  const tables = dashboardTables(data);
  const byId = Object.fromEntries(tables.map((table) => [table.id, table]));
  const csv = (id: string) => `/admin/dashboard-export${dashboardSearch(filter, { chart: id })}`;
  const card = (id: string, children?: React.ReactNode) => (
    <ChartTableCard table={byId[id]!} format={format} csvHref={csv(id)}>
      {children}
    </ChartTableCard>
  );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Program dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          {format.day(filter.fromDay)} to {format.day(filter.toDay)}, days in {timeZone}. Amounts in {currency}.
        </p>
      </div>
      <DashboardFilters filter={filter} chosenOwner={chosenOwner} />
      <section aria-label="Headline figures" className="space-y-2">
        <DashboardTiles table={byId.tiles!} format={format} days={periodDays(filter)} />
        <p className="text-right">
          <a href={csv("tiles")} className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
            Download headline figures as CSV
          </a>
        </p>
      </section>
      {card(
        "trend",
        <div className="grid gap-5 xl:grid-cols-2">
          <TrendChart
            title="Referrals"
            rows={byId.trend!.rows}
            series={REFERRAL_SERIES}
            valueKind="count"
            bucket={filter.bucket}
            org={org}
          />
          <TrendChart
            title="Won value and commissions"
            rows={byId.trend!.rows}
            series={MONEY_SERIES}
            valueKind="money"
            bucket={filter.bucket}
            org={org}
            stock={["commission_owed"]}
          />
        </div>,
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        {card("funnel", <FunnelBars table={byId.funnel!} format={format} />)}
        {card("service-levels")}
      </div>
      <div className="grid gap-5 lg:grid-cols-3">
        {card("top-won")}
        {card("top-referrals")}
        {card("quiet")}
      </div>
    </div>
  );
}
