import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { directoryQuerySchema } from "@/lib/partners/directory-query-schema";
import { listDirectoryPartners } from "@/lib/partners/queries/list-directory-partners";
import { loadDirectoryData } from "@/lib/partners/queries/load-directory-data";

/**
 * The directory's rows and counts for one view, as the signed-in staff member (RLS applies):
 * what the screen fetches on a filter, sort or page change instead of rendering the page again.
 * It reads the page's own URL parameters; with `parts=rows` it answers the rows alone (a new
 * page of a view whose summary the screen already holds), one database call instead of two.
 */
export const GET = staffRoute({ roles: STAFF_ROLES, schema: directoryQuerySchema }, async (view, { supabase, staff }) =>
  Response.json(
    view.rowsOnly
      ? { rows: await listDirectoryPartners(supabase, staff.org.id, view) }
      : await loadDirectoryData(supabase, staff.org.id, staff.org, view),
    // Rows change with every edit and depend on who asks.
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);
