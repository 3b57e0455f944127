"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { describeDbError } from "@/lib/partner-users/errors";
import { upsertGrant } from "@/lib/partner-users/grants";
import { grantPartnerAccessSchema } from "@/lib/partner-users/schemas";

/** Gives an existing partner user access to one more partner (or restores a revoked grant). */
export const grantPartnerAccess = staffAction(
  { schema: grantPartnerAccessSchema, roles: LEADS },
  async (input, { supabase, orgId, staff }) => {
    const { data: user } = await supabase
      .from("partner_users")
      .select("id")
      .eq("id", input.partnerUserId)
      .eq("org_id", orgId)
      .maybeSingle();
    if (!user) return fail("This partner user is not in your organization.");
    try {
      const grantId = await upsertGrant(
        supabase,
        { id: orgId, timeZone: staff.org.time_zone },
        input.partnerUserId,
        input.grant,
      );
      revalidatePath("/admin/partner-users");
      revalidatePath(`/admin/partners/${input.grant.partnerId}`, "layout");
      return ok({ grantId });
    } catch (error) {
      return fail(describeDbError(error as { code?: string }, "Could not grant access."));
    }
  },
);
