import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { SORT_COLUMNS, parseSort } from "../directory-columns";
import type { DirectoryView } from "../directory-params";
import { DIRECTORY_GRID_SELECT, type DirectoryRow } from "../directory-types";
import { directoryFilterArgs } from "./directory-filter-args";

/**
 * One page of the directory, read as the signed-in user (RLS applies; the org is named all
 * the same) through partner_directory_page(). Next and previous start after or end before a
 * cursor row, so a page deep in 100k partners costs what the first does; a jump to page N
 * pages by offset. The order is the sort key (nulls last), then id in the same direction;
 * PostgREST's order repeats it because the function reads the rows in the direction it walks.
 * It does not count: partner_directory_summary() does, once per view.
 */
export async function listDirectoryPartners(
  supabase: ServerClient,
  orgId: string,
  view: DirectoryView,
): Promise<DirectoryRow[]> {
  const { column, descending } = parseSort(view.sort);
  const sortColumn = SORT_COLUMNS[column];
  const { filter, cursor } = view;
  const { data, error } = await supabase
    .rpc("partner_directory_page", {
      p_org_id: orgId,
      p_sort: sortColumn,
      p_descending: descending,
      p_limit: view.pageSize,
      p_offset: cursor ? 0 : (view.page - 1) * view.pageSize,
      ...(cursor?.direction === "after" ? { p_after_key: cursor.at.key ?? undefined, p_after_id: cursor.at.id } : {}),
      ...(cursor?.direction === "before"
        ? { p_before_key: cursor.at.key ?? undefined, p_before_id: cursor.at.id }
        : {}),
      ...directoryFilterArgs(filter),
    })
    .select(DIRECTORY_GRID_SELECT)
    .order(sortColumn, { ascending: !descending, nullsFirst: false })
    .order("id", { ascending: !descending });
  if (error) throw error;
  return (data ?? []) as unknown as DirectoryRow[];
}
