import { z } from "zod";
import { staffRoute } from "@/lib/actions/safe-route";
import { LEADS } from "@/lib/orgs/roles";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { pickerResponse } from "@/lib/pickers/response";
import { searchPartnerUsers } from "@/lib/pickers/search-people";

const schema = pickerQuerySchema.extend({ state: z.enum(["active", "any"]).default("active") });

/** Partner-user choices (for granting access), searched by name or email; admins and managers only, as granting is. */
export const GET = staffRoute({ roles: LEADS, schema }, async (query, { supabase, orgId }) =>
  pickerResponse(query, (asked) =>
    searchPartnerUsers(supabase, orgId, { ...asked, activeOnly: query.state === "active" }),
  ),
);
