import { translateDbError } from "@/lib/db/errors";
/**
 * The invitation functions' refusals, by the hint each one raises. Accepting is the
 * invitee's own act, so they are told exactly why; an admin never sees these.
 */
const ACCEPT_MESSAGES: Record<string, string> = {
  invitation_not_found: "This invitation link is not valid. It may have been replaced by a newer email.",
  invitation_used: "This invitation was already accepted.",
  invitation_revoked: "This invitation was withdrawn. Ask an admin of the organization to invite you again.",
  invitation_expired: "This invitation has expired. Ask an admin of the organization to send it again.",
  invitation_wrong_email: "This invitation is for another email address. Sign in with the address it was sent to.",
  invitation_sign_in: "Sign in to accept this invitation.",
};

export function acceptError(error: { code?: string; hint?: string | null } | null): string | null {
  if (!error) return null;
  if (error.hint && ACCEPT_MESSAGES[error.hint]) return ACCEPT_MESSAGES[error.hint]!;
  if (error.code === "23P01")
    return "This email address belongs to a partner portal account, which cannot also be staff. Ask the admin to invite another address.";
  return null;
}

/** What the admin's invite, resend and revoke calls can be refused for. */
export function adminInvitationError(
  error: { code?: string; hint?: string | null; message?: string } | null,
): { message: string; field?: "email" } | null {
  if (!error) return null;
  if (error.hint === "already_member")
    return { message: "This person is already a member of this organization.", field: "email" };
  if (error.hint === "invitation_closed")
    return { message: "This invitation was already accepted or revoked. Refresh the page to see it." };
  if (error.code === "23514") {
    const refusal = translateDbError(error);
    return { message: refusal.message, field: refusal.field === "email" ? "email" : undefined };
  }
  if (error.code === "42501") return { message: "Only admins of this organization manage its invitations." };
  return null;
}
