import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { Database } from "@/lib/database.types";
import type { DashboardFilter } from "./filter";

type Fn<N extends keyof Database["public"]["Functions"]> = Database["public"]["Functions"][N]["Returns"];
export type TileRow = Fn<"dashboard_tiles">[number];
export type SeriesRow = Fn<"dashboard_series">[number];
export type FunnelRow = Fn<"dashboard_funnel">[number];
export type ServiceLevelRow = Fn<"dashboard_service_levels">[number];
export type LeaderRow = Fn<"dashboard_leaders">[number];

export type DashboardData = {
  current: TileRow | null;
  previous: TileRow | null;
  series: SeriesRow[];
  funnel: FunnelRow[];
  levels: ServiceLevelRow | null;
  leaders: LeaderRow[];
};

/** The arguments every dashboard function shares: the org, the period and the partner filters. */
export function dashboardArgs(orgId: string, filter: DashboardFilter) {
  return {
    p_org_id: orgId,
    p_from: filter.fromDay,
    p_to: filter.toDay,
    p_owner_id: filter.owner,
    p_region: filter.region,
    p_tiers: filter.tier.length > 0 ? filter.tier : undefined,
    p_statuses: filter.status.length > 0 ? filter.status : undefined,
  };
}

/** Every figure of the dashboard, in parallel: one request per chart, each computed in SQL. */
export async function loadDashboard(
  supabase: ServerClient,
  orgId: string,
  filter: DashboardFilter,
): Promise<DashboardData> {
  const args = dashboardArgs(orgId, filter);
  const [tiles, series, funnel, levels, leaders] = await Promise.all([
    supabase.rpc("dashboard_tiles", args),
    supabase.rpc("dashboard_series", { ...args, p_bucket: filter.bucket }),
    supabase.rpc("dashboard_funnel", args),
    supabase.rpc("dashboard_service_levels", args),
    supabase.rpc("dashboard_leaders", { ...args, p_limit: 5 }),
  ]);
  for (const result of [tiles, series, funnel, levels, leaders]) if (result.error) throw result.error;
  return {
    current: tiles.data?.find((row) => row.period === "current") ?? null,
    previous: tiles.data?.find((row) => row.period === "previous") ?? null,
    series: series.data ?? [],
    funnel: funnel.data ?? [],
    levels: levels.data?.[0] ?? null,
    leaders: leaders.data ?? [],
  };
}
