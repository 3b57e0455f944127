import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { directoryQuerySchema } from "@/lib/partners/directory-query-schema";
import { directorySummaryOf } from "@/lib/partners/queries/get-directory-summary";
import { readDirectory } from "@/lib/partners/queries/load-directory-data";

/**
 * The directory's rows and counts for one view, as the signed-in staff member (RLS applies):
 * what the screen fetches on a filter, sort or page change instead of rendering the page again.
 * It reads the page's own URL parameters; with `parts=rows` it answers the rows alone (a new
 * page of a view whose summary the screen already holds), one database call instead of two.
 * The reads start while the membership is checked (staffRoute's read-ahead): they need only
 * the org's id, and the summary is formatted in the org's locale once the check is done.
 */
export const GET = staffRoute(
  {
    roles: STAFF_ROLES,
    schema: directoryQuerySchema,
    readAhead: (view, { supabase, orgId }) => readDirectory(supabase, orgId, view, { withSummary: !view.rowsOnly }),
  },
  async (view, { supabase, staff, readAhead }) => {
    const read = await (readAhead ?? readDirectory(supabase, staff.org.id, view, { withSummary: !view.rowsOnly }));
    return Response.json(
      view.rowsOnly
        ? { rows: read.rows }
        : { rows: read.rows, summary: directorySummaryOf(read.summary ?? undefined, staff.org) },
      // Rows change with every edit and depend on who asks.
      { headers: { "Cache-Control": "private, no-store" } },
    );
  },
);
