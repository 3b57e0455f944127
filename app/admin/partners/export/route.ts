import { staffRoute } from "@/lib/actions/safe-route";
import { queryParamsSchema } from "@/lib/http/query-schema";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { toCsvLines } from "@/lib/partners/csv/to-csv";
import { SORT_COLUMNS, parseSort } from "@/lib/partners/directory-columns";
import { loadDirectoryParams, resolveDirectoryView } from "@/lib/partners/directory-params";
import { DIRECTORY_ROW_SELECT, type DirectoryRow } from "@/lib/partners/directory-types";
import { applyDirectoryFilter } from "@/lib/partners/queries/apply-directory-filter";

const CHUNK = 1000;

// The same URL parameters as the page, parsed by the same loader.
const exportSchema = queryParamsSchema.transform((query) => resolveDirectoryView(loadDirectoryParams(query)));

/**
 * Every partner matching the directory's filter (same URL parameters as the page), in
 * its sort order, as CSV. Streamed a thousand rows at a time, so 100k partners never
 * sit in memory at once. Chunks are ranges in the sort order with id as tie-breaker,
 * so no partner is skipped or repeated between chunks.
 */
export const GET = staffRoute(
  { roles: STAFF_ROLES, schema: exportSchema },
  async (view, { supabase, staff, orgId }) => {
    const { column, descending } = parseSort(view.sort);
    const sortColumn = SORT_COLUMNS[column];
    const encoder = new TextEncoder();

    async function chunk(offset: number): Promise<DirectoryRow[]> {
      const { data, error } = await applyDirectoryFilter(
        supabase.from("partners").select(DIRECTORY_ROW_SELECT).eq("org_id", orgId),
        view.filter,
      )
        .order(sortColumn, { ascending: !descending, nullsFirst: false })
        .order("id", { ascending: true })
        .range(offset, offset + CHUNK - 1);
      if (error) throw error;
      return (data ?? []) as unknown as DirectoryRow[];
    }

    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const rows = await chunk(offset);
          controller.enqueue(encoder.encode((offset === 0 ? "\uFEFF" : "") + toCsvLines(rows, offset === 0)));
          offset += rows.length;
          if (rows.length < CHUNK) controller.close();
        } catch (error) {
          console.error("partner export failed", error);
          controller.error(error);
        }
      },
    });

    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="partners-${staff.org.slug}-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
