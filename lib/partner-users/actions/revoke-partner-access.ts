"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { revokePartnerAccessSchema } from "@/lib/partner-users/schemas";

/** Revokes a grant at once: the database stamps now() and the caller, and RLS stops it on the next request. */
export const revokePartnerAccess = staffAction(
  { schema: revokePartnerAccessSchema, roles: LEADS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_access")
      .update({ revoked_at: new Date().toISOString() })
      .eq("id", input.grantId)
      .eq("org_id", orgId)
      .is("revoked_at", null)
      .select("id, partner_id");
    if (error) throw error;
    if (!data || data.length === 0) return fail("This grant is already revoked or not in your organization.");
    revalidatePath("/admin/partner-users");
    revalidatePath(`/admin/partners/${data[0]!.partner_id}`, "layout");
    return ok(null);
  },
);
