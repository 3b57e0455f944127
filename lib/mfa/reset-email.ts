import { emailPage, escapeHtml } from "@/lib/email/email-page";
import type { Mail } from "@/lib/email/send-mail";

/** Tells a member that an admin removed their authenticators, so a reset never goes unnoticed. */
export function mfaResetEmail(input: { to: string; orgName: string; adminEmail: string; securityUrl: string }): Mail {
  const org = input.orgName.replace(/\s+/g, " ").trim();
  const subject = `Your two-factor sign-in for ${org} was reset`;
  const text = [
    "Hello,",
    "",
    `${input.adminEmail}, an admin of ${org} on Partnerdesk, removed the authenticator apps from your account.`,
    `Next time you sign in you will be asked to set one up again: ${input.securityUrl}`,
    "",
    "If you did not ask for this, tell your admin at once.",
  ].join("\n");
  const html =
    emailPage(`      <h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;color:#111827;">Your two-factor sign-in was reset</h1>
      <p style="margin:0 0 20px 0;font-size:15px;line-height:1.6;color:#374151;">${escapeHtml(input.adminEmail)}, an admin of ${escapeHtml(org)}, removed the authenticator apps from your account. Next time you sign in you will be asked to set one up again.</p>
      <a href="${escapeHtml(input.securityUrl)}" style="display:inline-block;background-color:#4338ca;color:#ffffff;text-decoration:none;font-size:15px;font-weight:600;padding:12px 22px;border-radius:8px;">Set up an authenticator</a>
      <p style="margin:20px 0 0 0;font-size:13px;line-height:1.6;color:#6b7280;">If you did not ask for this, tell your admin at once.</p>`);
  return { to: input.to, subject, text, html };
}
