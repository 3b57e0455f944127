import { z } from "zod";
import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { searchPartners } from "@/lib/pickers/search-partners";
import { pickerResponse } from "@/lib/pickers/response";

const schema = pickerQuerySchema.extend({ archived: z.enum(["include", "exclude"]).default("exclude") });

/** Partner choices for a picker, searched by name as the person types. */
export const GET = staffRoute({ roles: STAFF_ROLES, schema }, async (query, { supabase, orgId }) =>
  pickerResponse(query, (asked) =>
    searchPartners(supabase, orgId, { ...asked, includeArchived: query.archived === "include" }),
  ),
);
