import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { SORT_COLUMNS, parseSort } from "../directory-columns";
import type { DirectoryView } from "../directory-params";
import { DIRECTORY_ROW_SELECT, type DirectoryRow } from "../directory-types";
import { applyDirectoryFilter } from "./apply-directory-filter";

/**
 * One page of the directory, sorted and filtered in the database. Read as the signed-in user,
 * so RLS applies; the org is named explicitly all the same. It does not count: how many
 * partners match comes with the hero metrics (partner_directory_metrics().matching_partners,
 * from the metric buckets), which is exact and costs nothing, where count=exact scanned every
 * matching row.
 *
 * A text search reads partner_directory_search(), which finds the matches through the trigram
 * indexes (a plain `name ilike` under RLS cannot use them and scans every partner); the other
 * filters, the sort and the range apply to its rows as to the table's.
 */
export async function listDirectoryPartners(
  supabase: ServerClient,
  orgId: string,
  view: DirectoryView,
): Promise<DirectoryRow[]> {
  const { column, descending } = parseSort(view.sort);
  const from = (view.page - 1) * view.pageSize;
  // The function takes the org as an argument. PostgREST filters a function's rows only on
  // columns it selects (PostgREST/postgrest#3965); every filter and sort column is selected.
  const source = view.filter.q
    ? supabase
        .rpc("partner_directory_search", { p_org_id: orgId, p_search: view.filter.q })
        .select(DIRECTORY_ROW_SELECT)
    : supabase.from("partners").select(DIRECTORY_ROW_SELECT).eq("org_id", orgId);
  const { data, error } = await applyDirectoryFilter(source, view.filter, { search: false })
    .order(SORT_COLUMNS[column], { ascending: !descending, nullsFirst: false })
    // A unique tie-breaker keeps pages stable when many partners share a status or tier.
    .order("id", { ascending: true })
    .range(from, from + view.pageSize - 1);
  // Asking past the last page is not an error to show; the pager brings the user back.
  if (error && error.code === "PGRST103") return [];
  if (error) throw error;
  return (data ?? []) as unknown as DirectoryRow[];
}
