"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { describeDbError } from "@/lib/partner-users/errors";
import { windowInstants } from "@/lib/partner-users/grants";
import { updateAccessWindowSchema } from "@/lib/partner-users/schemas";

/** Changes a grant's scope and its start and end. */
export const updateAccessWindow = staffAction(
  { schema: updateAccessWindowSchema, roles: LEADS },
  async (input, { supabase, orgId, staff }) => {
    const { data, error } = await supabase
      .from("partner_access")
      .update({ scope: input.window.scope, ...windowInstants(input.window, staff.org.time_zone) })
      .eq("id", input.grantId)
      .eq("org_id", orgId)
      .select("id, partner_id");
    if (error) return fail(describeDbError(error, "Could not change this grant."));
    if (!data || data.length === 0) return fail("This grant is not in your organization.");
    revalidatePath("/admin/partner-users");
    revalidatePath(`/admin/partners/${data[0]!.partner_id}`, "layout");
    return ok(null);
  },
);
