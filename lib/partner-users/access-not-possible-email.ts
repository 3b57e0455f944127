import type { Mail } from "@/lib/email/send-mail";

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

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
  const html = `<!doctype html>
<html lang="en">
  <body style="margin:0;padding:24px;background-color:#f4f5f7;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937;">
    <div style="max-width:480px;margin:0 auto;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:28px 32px;">
      <p style="margin:0 0 16px 0;font-size:18px;font-weight:700;color:#4338ca;">Partnerdesk</p>
      <p style="margin:0 0 12px 0;font-size:15px;line-height:1.6;color:#374151;">Hello ${escapeHtml(input.name)}, ${escapeHtml(org)} tried to give this email address access to their partner portal.</p>
      <p style="margin:0 0 12px 0;font-size:15px;line-height:1.6;color:#374151;">This address already belongs to a Partnerdesk account that cannot also hold partner access there, so nothing was changed. If you want the access, ask your contact at ${escapeHtml(org)} to invite another address.</p>
      <p style="margin:20px 0 0 0;font-size:13px;line-height:1.6;color:#6b7280;">If you did not expect this, you can ignore this email.</p>
    </div>
  </body>
</html>`;
  return { to: input.to, subject, text, html };
}
