import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { pickerResponse } from "@/lib/pickers/response";
import { searchStaff } from "@/lib/pickers/search-people";

/** Staff of the org (owners, assignees), searched by name or email as the person types. */
export const GET = staffRoute({ roles: STAFF_ROLES, schema: pickerQuerySchema }, async (query, { supabase, orgId }) =>
  pickerResponse(query, (asked) => searchStaff(supabase, orgId, asked)),
);
