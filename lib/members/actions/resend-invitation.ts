"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import { deliverInvitation } from "@/lib/invitations/deliver-invitation";
import { adminInvitationError } from "@/lib/invitations/errors";
import { invitationIdSchema } from "@/lib/invitations/schemas";
import { inviterName } from "@/lib/members/inviter-name";
import { isStaffRole } from "@/lib/orgs/roles";

/** Sends an open invitation again with a new expiry; the link in the earlier email stops working. */
export const resendInvitation = staffAction(
  { schema: invitationIdSchema, roles: ["admin"] },
  async (input, { supabase, orgId, staff }) => {
    const { data: invitation, error: readError } = await supabase
      .from("org_invitations")
      .select("id, email, role")
      .eq("id", input.invitationId)
      .eq("org_id", orgId)
      .maybeSingle();
    if (readError) throw readError;
    if (!invitation || !isStaffRole(invitation.role)) return fail("This invitation is not in your organization.");
    const { error } = await supabase.rpc("resend_org_invitation", { p_invitation_id: invitation.id });
    const refusal = adminInvitationError(error);
    if (refusal) return fail(refusal.message);
    if (error) throw error;
    const delivered = await deliverInvitation({
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      orgName: staff.org.name,
      inviterName: await inviterName(supabase, staff),
    });
    revalidatePath("/admin/settings/members");
    if (!delivered.ok) return fail(EMAIL_UNAVAILABLE);
    return ok({ email: invitation.email });
  },
);
