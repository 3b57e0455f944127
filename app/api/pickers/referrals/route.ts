import { staffRoute } from "@/lib/actions/safe-route";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { pickerQuerySchema } from "@/lib/pickers/schemas";
import { pickerResponse } from "@/lib/pickers/response";
import { searchWonReferrals } from "@/lib/pickers/search-referrals";
import { recordId } from "@/lib/validation/record-id";

const schema = pickerQuerySchema.extend({ partner: recordId("Choose a partner") });

/** A partner's won referrals, for linking a commission; RLS decides which partner's may be read. */
export const GET = staffRoute({ roles: STAFF_ROLES, schema }, async (query, { supabase }) =>
  pickerResponse(query, (asked) => searchWonReferrals(supabase, query.partner, asked)),
);
