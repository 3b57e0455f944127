import { emailPage, escapeHtml } from "@/lib/email/email-page";
import type { Mail } from "@/lib/email/send-mail";
import { ROLE_SUMMARIES } from "@/lib/invitations/role-summaries";
import type { StaffRole } from "@/lib/orgs/roles";

/** One line: a name with a line break must not split the subject header. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * The invitation the app sends itself. Its link carries the invitation's own token, never
 * an auth server token, so sending it spends nothing the person may have pending; the page
 * it opens asks before it accepts, so a mail scanner that follows the link changes nothing.
 */
export function invitationMail(input: {
  to: string;
  orgName: string;
  inviterName: string;
  role: StaffRole;
  link: string;
  expiresAt: Date;
}): Mail {
  const org = oneLine(input.orgName);
  const inviter = oneLine(input.inviterName);
  const expires = input.expiresAt.toUTCString();
  const subject = `${inviter} invited you to ${org} on Partnerdesk`;
  const text = [
    `${inviter} invited you to join ${org} on Partnerdesk as ${input.role}.`,
    `${input.role}: ${ROLE_SUMMARIES[input.role]}`,
    "",
    `Open this link to accept: ${input.link}`,
    `It works until ${expires}, once.`,
    "",
    "If you did not expect this, you can ignore this email: nothing happens until you accept.",
  ].join("\n");
  const html =
    emailPage(`      <h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;color:#111827;">Join ${escapeHtml(org)}</h1>
      <p style="margin:0 0 8px 0;font-size:15px;line-height:1.6;color:#374151;">${escapeHtml(inviter)} invited you to join ${escapeHtml(org)} on Partnerdesk as <strong>${escapeHtml(input.role)}</strong>.</p>
      <p style="margin:0 0 20px 0;font-size:14px;line-height:1.6;color:#6b7280;">${escapeHtml(ROLE_SUMMARIES[input.role])}</p>
      <a href="${escapeHtml(input.link)}" style="display:inline-block;background-color:#4338ca;color:#ffffff;text-decoration:none;font-size:15px;font-weight:600;padding:12px 22px;border-radius:8px;">Open the invitation</a>
      <p style="margin:20px 0 0 0;font-size:13px;line-height:1.6;color:#6b7280;">The link works until ${escapeHtml(expires)}, once. If you did not expect this, you can ignore this email: nothing happens until you accept.</p>`);
  return { to: input.to, subject, text, html };
}
