import "server-only";
import { sendMail } from "@/lib/email/send-mail";
import { createOrFindInviteeAccount } from "@/lib/invitations/accounts";
import { invitationMail } from "@/lib/invitations/invitation-email";
import type { StaffRole } from "@/lib/orgs/roles";
import { siteOrigin } from "@/lib/partner-users/site-origin";
import { createAdminClient } from "@/lib/supabase/admin";

export type Delivery = { ok: true } | { ok: false; error: "invalid_email" | "email_unavailable" };

/**
 * Sends an invitation the admin has just created or resent (as themselves, so the audit
 * names them): makes the invitee's account when the address has none, issues the token with
 * the service role (so it never passes through anything an API caller could read), and
 * emails the link. New and existing accounts get the same email; the page behind the link
 * tells them apart.
 */
export async function deliverInvitation(input: {
  invitationId: string;
  email: string;
  role: StaffRole;
  orgName: string;
  inviterName: string;
}): Promise<Delivery> {
  const account = await createOrFindInviteeAccount(input.email);
  if (!account.ok) return account;
  const admin = createAdminClient();
  const issued = await admin.rpc("mint_org_invitation_token", {
    p_invitation_id: input.invitationId,
    ...(account.created ? { p_created_user_id: account.userId } : {}),
  });
  if (issued.error) throw issued.error;
  const { data: invitation, error } = await admin
    .from("org_invitations")
    .select("expires_at")
    .eq("id", input.invitationId)
    .single();
  if (error) throw error;
  const link = new URL("/invitation", await siteOrigin());
  link.searchParams.set("token", issued.data);
  const sent = await sendMail(
    invitationMail({
      to: input.email,
      orgName: input.orgName,
      inviterName: input.inviterName,
      role: input.role,
      link: link.toString(),
      expiresAt: new Date(invitation.expires_at),
    }),
  );
  if (!sent.ok) {
    console.error("could not email an invitation", {
      code: sent.code,
      responseCode: sent.responseCode,
      ...(sent.code === "ECONFIG" ? { message: sent.message } : {}),
    });
    // The invitation stays pending; "Resend" issues a new link and tries again.
    return { ok: false, error: "email_unavailable" };
  }
  return { ok: true };
}
