import { emailPage, escapeHtml } from "@/lib/email/email-page";
import type { Mail } from "@/lib/email/send-mail";

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The email the app sends someone who already has an account when staff grant them
 * partners. It carries no token (the auth server issues those only when they ask, on
 * the portal's sign-in page), so it spends nothing they may have pending.
 */
export function accessGrantedEmail(input: {
  to: string;
  name: string;
  partnerNames: string[];
  signInUrl: string;
}): Mail {
  // One line each: a name with a line break must not split the subject header.
  const partners = listNames(input.partnerNames.map((name) => name.replace(/\s+/g, " ").trim()));
  const subject = `You now have access to ${partners} on Partnerdesk`;
  const text = [
    `Hello ${input.name},`,
    "",
    `You now have access to ${partners} in the Partnerdesk partner portal.`,
    `Sign in with this email address at ${input.signInUrl}; we will email you a sign-in link and a code.`,
    "",
    "If you did not expect this, you can ignore this email.",
  ].join("\n");
  const html =
    emailPage(`      <h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;color:#111827;">You now have access to ${escapeHtml(partners)}</h1>
      <p style="margin:0 0 20px 0;font-size:15px;line-height:1.6;color:#374151;">Hello ${escapeHtml(input.name)}, you can now see ${escapeHtml(partners)} in the partner portal. Sign in with this email address; we will email you a sign-in link and a code.</p>
      <a href="${escapeHtml(input.signInUrl)}" style="display:inline-block;background-color:#4338ca;color:#ffffff;text-decoration:none;font-size:15px;font-weight:600;padding:12px 22px;border-radius:8px;">Sign in to the portal</a>
      <p style="margin:20px 0 0 0;font-size:13px;line-height:1.6;color:#6b7280;">If you did not expect this, you can ignore this email.</p>`);
  return { to: input.to, subject, text, html };
}
