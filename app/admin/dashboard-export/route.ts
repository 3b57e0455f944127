import Papa from "papaparse";
import { z } from "zod";
import { staffRoute } from "@/lib/actions/safe-route";
import { CHART_IDS, dashboardTables } from "@/lib/dashboard/charts";
import { parseDashboardFilter } from "@/lib/dashboard/filter";
import { tableCsvRows } from "@/lib/dashboard/figures";
import { loadDashboard } from "@/lib/dashboard/queries";
import { queryParamsSchema } from "@/lib/http/query-schema";
import { STAFF_ROLES } from "@/lib/orgs/roles";

const chartSchema = z.object({ chart: z.enum(CHART_IDS) });

/** One dashboard chart's table as CSV, for the same filter as the page (the same rows it shows). */
export const GET = staffRoute({ roles: STAFF_ROLES, schema: queryParamsSchema }, async (query, { supabase, staff }) => {
  const parsed = chartSchema.safeParse(query);
  if (!parsed.success) return new Response("Unknown chart", { status: 400 });
  const filter = parseDashboardFilter(query, staff.org.time_zone);
  const table = dashboardTables(await loadDashboard(supabase, staff.org.id, filter)).find(
    (candidate) => candidate.id === parsed.data.chart,
  )!;
  const csv = Papa.unparse(tableCsvRows(table), { escapeFormulae: true });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.id}-${filter.fromDay}-${filter.toDay}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
