"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { revokePartnerAccessSchema } from "@/lib/partner-users/schemas";

/** Undoes a revoke: the grant is in force again with its old scope and window, and the audit log says so. */
export const restorePartnerAccess = staffAction(
  { schema: revokePartnerAccessSchema, roles: LEADS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_access")
      .update({ revoked_at: null })
      .eq("id", input.grantId)
      .eq("org_id", orgId)
      .not("revoked_at", "is", null)
      .select("id, partner_id");
    if (error) throw error;
    if (!data || data.length === 0) return fail("This grant is not revoked, or not in your organization.");
    revalidatePath("/admin/partner-users");
    revalidatePath(`/admin/partners/${data[0]!.partner_id}`, "layout");
    return ok(null);
  },
);
