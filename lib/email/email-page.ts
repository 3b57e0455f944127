/** Text for HTML, so names and links people chose cannot add markup to an email. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * The page every one-off app email sits in: the brand on a white card, styles inline
 * because mail clients drop style sheets. `inner` is HTML whose values are already escaped.
 */
export function emailPage(inner: string): string {
  return `<!doctype html>
<html lang="en">
  <body style="margin:0;padding:24px;background-color:#f4f5f7;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937;">
    <div style="max-width:480px;margin:0 auto;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:28px 32px;">
      <p style="margin:0 0 16px 0;font-size:18px;font-weight:700;color:#4338ca;">Partnerdesk</p>
${inner}
    </div>
  </body>
</html>`;
}
