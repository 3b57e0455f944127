"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { setAuthBan } from "@/lib/partner-users/auth-users";
import { partnerUserIdSchema } from "@/lib/partner-users/schemas";

/** Reactivates a partner user: is_active true as the caller, then the auth ban is lifted. */
export const reactivatePartnerUser = staffAction(
  { schema: partnerUserIdSchema, roles: LEADS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_users")
      .update({ is_active: true })
      .eq("id", input.partnerUserId)
      .eq("org_id", orgId)
      .select("id");
    if (error) throw error;
    if (!data || data.length === 0) return fail("This partner user is not in your organization.");
    await setAuthBan(input.partnerUserId, false);
    revalidatePath("/admin/partner-users");
    return ok(null);
  },
);
