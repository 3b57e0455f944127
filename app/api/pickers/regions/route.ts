import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { pickerResponse } from "@/lib/pickers/response";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { searchRegions } from "@/lib/pickers/search-regions";

/** Region choices for the directory's and the dashboard's region filters, searched as the person types. */
export const GET = staffRoute({ roles: STAFF_ROLES, schema: pickerQuerySchema }, async (query, { supabase, orgId }) =>
  pickerResponse(query, (asked) => searchRegions(supabase, orgId, asked)),
);
