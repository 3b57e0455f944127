import { emailPage, escapeHtml } from "@/lib/email/email-page";
import type { Mail } from "@/lib/email/send-mail";

/**
 * Sent instead of the access email when the address already has an account that cannot
 * hold partner access in this organization (staff, or a partner user elsewhere). The
 * person learns it; the staff member who invited them is answered as for anyone else.
 */
export function accessNotPossibleEmail(input: { to: string; name: string; orgName: string }): Mail {
  const org = input.orgName.replace(/\s+/g, " ").trim();
  const subject = `${org} tried to give you partner portal access on Partnerdesk`;
  const text = [
    `Hello ${input.name},`,
    "",
    `${org} tried to give this email address access to their partner portal on Partnerdesk.`,
    "This address already belongs to a Partnerdesk account that cannot also hold partner access there,",
    `so nothing was changed. If you want the access, ask your contact at ${org} to invite another address.`,
    "",
    "If you did not expect this, you can ignore this email.",
  ].join("\n");
  const html =
    emailPage(`      <p style="margin:0 0 12px 0;font-size:15px;line-height:1.6;color:#374151;">Hello ${escapeHtml(input.name)}, ${escapeHtml(org)} tried to give this email address access to their partner portal.</p>
      <p style="margin:0 0 12px 0;font-size:15px;line-height:1.6;color:#374151;">This address already belongs to a Partnerdesk account that cannot also hold partner access there, so nothing was changed. If you want the access, ask your contact at ${escapeHtml(org)} to invite another address.</p>
      <p style="margin:20px 0 0 0;font-size:13px;line-height:1.6;color:#6b7280;">If you did not expect this, you can ignore this email.</p>`);
  return { to: input.to, subject, text, html };
}
