"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
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
    const { userId, existed } = await inviteOrFindAuthUser(input.email, {}, `${await siteOrigin()}/admin/partners`);
    const { error } = await supabase.from("org_members").insert({ org_id: orgId, user_id: userId, role: input.role });
    if (error) return fail(memberError(error, "Could not add this member."));
    revalidatePath("/admin/settings/members");
    return ok({ existed });
  },
);
