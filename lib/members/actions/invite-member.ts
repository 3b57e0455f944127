"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import { deliverInvitation } from "@/lib/invitations/deliver-invitation";
import { adminInvitationError } from "@/lib/invitations/errors";
import { inviterName } from "@/lib/members/inviter-name";
import { inviteMemberSchema } from "@/lib/members/schemas";

/**
 * Admins invite staff by email. The invitation is written as the admin (the function checks
 * they are one, and the audit names them); nobody joins until they accept. The answer is
 * the same whether or not the address has an account anywhere, and whatever that account
 * is (a partner user elsewhere learns on accepting that it cannot be staff; the admin never does).
 */
export const inviteMember = staffAction(
  { schema: inviteMemberSchema, roles: ["admin"] },
  async (input, { supabase, orgId, staff }) => {
    const { data: invitationId, error } = await supabase.rpc("create_org_invitation", {
      p_org_id: orgId,
      p_email: input.email,
      p_role: input.role,
    });
    const refusal = adminInvitationError(error);
    if (refusal) return fail(refusal.message, refusal.field ? { [refusal.field]: refusal.message } : undefined);
    if (error) throw error;
    const delivered = await deliverInvitation({
      invitationId,
      email: input.email,
      role: input.role,
      orgName: staff.org.name,
      inviterName: await inviterName(supabase, staff),
    });
    revalidatePath("/admin/settings/members");
    if (!delivered.ok)
      return delivered.error === "invalid_email"
        ? fail("Enter a valid email address", { email: "Enter a valid email address" })
        : fail(EMAIL_UNAVAILABLE);
    return ok({ email: input.email });
  },
);
