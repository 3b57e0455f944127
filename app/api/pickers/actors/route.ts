import { staffRoute } from "@/lib/actions/safe-route";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { pickerResponse } from "@/lib/pickers/response";
import { searchActors } from "@/lib/pickers/search-people";

/** Audit-log actors (staff and partner users) for the audit filter; admins only, as the audit log is. */
export const GET = staffRoute({ roles: ["admin"], schema: pickerQuerySchema }, async (query, { supabase, orgId }) =>
  pickerResponse(query, (asked) => searchActors(supabase, orgId, asked)),
);
