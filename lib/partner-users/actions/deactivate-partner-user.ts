"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { setAuthBan } from "@/lib/partner-users/auth-users";
import { partnerUserIdSchema } from "@/lib/partner-users/schemas";

/**
 * Deactivates a partner user: is_active false as the caller (RLS proves they may, and the
 * audit names them), then a ban in auth so sign-in, refresh and their sessions stop. The
 * ban comes second so nobody outside the caller's org can ever be banned through here.
 */
export const deactivatePartnerUser = staffAction(
  { schema: partnerUserIdSchema, roles: LEADS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_users")
      .update({ is_active: false })
      .eq("id", input.partnerUserId)
      .eq("org_id", orgId)
      .select("id");
    if (error) throw error;
    if (!data || data.length === 0) return fail("This partner user is not in your organization.");
    await setAuthBan(input.partnerUserId, true);
    revalidatePath("/admin/partner-users");
    return ok(null);
  },
);
