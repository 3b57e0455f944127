"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { authCallbackUrl } from "@/lib/auth/callback-url";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import { memberError } from "@/lib/members/errors";
import { inviteMemberSchema } from "@/lib/members/schemas";
import { inviteOrFindAuthUser } from "@/lib/partner-users/auth-users";
import { siteOrigin } from "@/lib/partner-users/site-origin";

/**
 * Admins invite staff. The service-role client only creates the auth user and sends the
 * invitation; the membership row is written as the admin (RLS: admins only; the audit names them).
 */
export const inviteMember = staffAction(
  { schema: inviteMemberSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const account = await inviteOrFindAuthUser(input.email, {}, authCallbackUrl(await siteOrigin(), "/admin/partners"));
    if (!account.ok) return fail(EMAIL_UNAVAILABLE);
    const { error } = await supabase
      .from("org_members")
      .insert({ org_id: orgId, user_id: account.userId, role: input.role });
    if (error) return fail(memberError(error, "Could not add this member."));
    revalidatePath("/admin/settings/members");
    return ok({ existed: account.existed });
  },
);
