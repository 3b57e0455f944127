import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { SORT_COLUMNS, parseSort } from "../directory-columns";
import type { DirectoryView } from "../directory-params";
import { DIRECTORY_ROW_SELECT, type DirectoryPage, type DirectoryRow } from "../directory-types";
import { applyDirectoryFilter } from "./apply-directory-filter";

/** PostgREST's db-max-rows here and on hosted Supabase: below it, "estimated" counts exactly. */
const EXACT_BELOW = 1000;

/**
 * Whether the filter narrows the org's partners enough for an exact count to be cheap.
 * Without one, counting is a scan of every live partner (~50 ms at 100k, measured by
 * scripts/bench/directory.ts), so the planner's estimate stands in: PostgREST's "estimated"
 * count is exact up to db-max-rows and planned above it.
 */
function isSelective(view: DirectoryView): boolean {
  const { q, status, tier, owner, region } = view.filter;
  return Boolean(q || status.length || tier.length || owner || region);
}

/**
 * One page of the directory, sorted and filtered in the database, with the number of
 * matching partners (the grid's aria-rowcount and the pager). Read as the signed-in
 * user, so RLS applies; the org is named explicitly all the same.
 */
export async function listDirectoryPartners(supabase: ServerClient, orgId: string, view: DirectoryView): Promise<DirectoryPage> {
  const { column, descending } = parseSort(view.sort);
  const from = (view.page - 1) * view.pageSize;
  const countMode = isSelective(view) ? "exact" : "estimated";
  const query = applyDirectoryFilter(
    supabase.from("partners").select(DIRECTORY_ROW_SELECT, { count: countMode }).eq("org_id", orgId),
    view.filter,
  )
    .order(SORT_COLUMNS[column], { ascending: !descending, nullsFirst: false })
    // A unique tie-breaker keeps pages stable when many partners share a status or tier.
    .order("id", { ascending: true })
    .range(from, from + view.pageSize - 1);
  const { data, count, error } = await query;
  // Asking past the last page is not an error to show; the pager brings the user back.
  if (error && error.code === "PGRST103") return { rows: [], total: await countDirectoryPartners(supabase, orgId, view), totalIsEstimate: false };
  if (error) throw error;
  const total = count ?? 0;
  return { rows: (data ?? []) as unknown as DirectoryRow[], total, totalIsEstimate: countMode === "estimated" && total > EXACT_BELOW };
}

async function countDirectoryPartners(supabase: ServerClient, orgId: string, view: DirectoryView): Promise<number> {
  const { count, error } = await applyDirectoryFilter(
    supabase.from("partners").select("id", { count: "exact", head: true }).eq("org_id", orgId),
    view.filter,
  );
  if (error) throw error;
  return count ?? 0;
}
