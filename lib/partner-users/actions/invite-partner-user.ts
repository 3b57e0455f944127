"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { inviteOrFindAuthUser, sendMagicLink } from "@/lib/partner-users/auth-users";
import { describeDbError } from "@/lib/partner-users/errors";
import { upsertGrant } from "@/lib/partner-users/grants";
import { invitePartnerUserSchema } from "@/lib/partner-users/schemas";
import { siteOrigin } from "@/lib/partner-users/site-origin";

/**
 * Invites a partner user with one or more grants. The wrapper has checked the caller is
 * an admin or manager; the service-role client only creates (or finds) the auth user and
 * the invitation email; the partner_users row and the grants are written as the caller.
 * Someone who already has an auth user gets the grants and a magic link instead.
 */
export const invitePartnerUser = staffAction(
  { schema: invitePartnerUserSchema, roles: LEADS },
  async (input, { supabase, orgId, staff }) => {
    const partnerIds = [...new Set(input.grants.map((grant) => grant.partnerId))];
    if (partnerIds.length !== input.grants.length)
      return fail("Each partner can be granted once.", { grants: "Each partner can be granted once" });
    const { data: partners, error: partnersError } = await supabase
      .from("partners")
      .select("id")
      .eq("org_id", orgId)
      .in("id", partnerIds);
    if (partnersError) throw partnersError;
    if ((partners ?? []).length !== partnerIds.length) return fail("One of the partners is not in your organization.");

    const origin = await siteOrigin();
    const { userId, existed } = await inviteOrFindAuthUser(
      input.email,
      { display_name: input.name },
      `${origin}/portal`,
    );

    const { data: current, error: currentError } = await supabase
      .from("partner_users")
      .select("id, is_active")
      .eq("id", userId)
      .maybeSingle();
    if (currentError) throw currentError;
    if (!current) {
      const { error } = await supabase
        .from("partner_users")
        .insert({ id: userId, org_id: orgId, email: input.email, name: input.name });
      if (error) return fail(describeDbError(error, "Could not add this partner user."));
    }
    try {
      for (const grant of input.grants)
        await upsertGrant(supabase, { id: orgId, timeZone: staff.org.time_zone }, userId, grant);
    } catch (error) {
      return fail(describeDbError(error as { code?: string }, "Could not grant access."));
    }
    if (existed) await sendMagicLink(input.email, `${origin}/portal`);
    revalidatePath("/admin/partner-users");
    return ok({ partnerUserId: userId, existed });
  },
);
