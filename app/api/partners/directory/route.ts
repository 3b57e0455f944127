import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { directoryQuerySchema } from "@/lib/partners/directory-query-schema";
import { directorySummaryOf } from "@/lib/partners/queries/get-directory-summary";
import type { DirectoryRequest } from "@/lib/partners/directory-query-schema";
import { readDirectory } from "@/lib/partners/queries/load-directory-data";
import type { ServerClient } from "@/lib/actions/safe-action";

/**
 * The directory's rows and counts for one view, as the signed-in staff member (RLS applies):
 * what the screen fetches on a filter, sort or page change instead of rendering the page again.
 * It reads the page's own URL parameters; with `parts=rows` it answers the rows alone (a new
 * page of a view whose summary the screen already holds), one database call instead of two.
 * The reads start while the membership is checked (staffRoute's read-ahead): they need only
 * the org's id, and the summary is formatted in the org's locale once the check is done.
 */
const read = (supabase: ServerClient, orgId: string, view: DirectoryRequest) =>
  readDirectory(supabase, orgId, view, { withSummary: !view.rowsOnly });

export const GET = staffRoute(
  {
    roles: STAFF_ROLES,
    schema: directoryQuerySchema,
    readAhead: (view, { supabase, orgId }) => read(supabase, orgId, view),
  },
  async (view, { supabase, staff, readAhead }) => {
    const answer = await (readAhead ?? read(supabase, staff.org.id, view));
    return Response.json(
      view.rowsOnly
        ? { rows: answer.rows }
        : { rows: answer.rows, summary: directorySummaryOf(answer.summary, staff.org) },
      // Rows change with every edit and depend on who asks.
      { headers: { "Cache-Control": "private, no-store" } },
    );
  },
);
