import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "partnerdesk-demo";

/** Signs a seeded staff member in through the real /login form. */
export async function signInAsStaff(
  page: Page,
  email: string,
  next = "/admin/partners",
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[?]/g, "\\?")));
}

function mailboxUrl(): string {
  if (!process.env.MAILBOX_URL) throw new Error("MAILBOX_URL is not set: run end-to-end tests through `npm test`");
  return process.env.MAILBOX_URL;
}

type Mail = { id: string; subject: string; html: string; text?: string; to: { address: string }[]; date: string };

/** The newest email to `to` (in the test stack's mailbox) that arrived after `since`. */
export async function latestMailTo(to: string, since: Date, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${mailboxUrl()}/email`);
    const mails = (await response.json()) as Mail[];
    // The mailbox lists mail in arrival order and dates it to the second, so two emails sent
    // within one second tie on date: the later in the list is the newer.
    const match = mails
      .map((mail, arrival) => ({ mail, arrival }))
      .filter(
        ({ mail }) =>
          mail.to.some((recipient) => recipient.address.toLowerCase() === to.toLowerCase()) &&
          new Date(mail.date) >= since,
      )
      .sort((a, b) => +new Date(b.mail.date) - +new Date(a.mail.date) || b.arrival - a.arrival)[0]?.mail;
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no email to ${to} arrived within ${timeoutMs / 1000} s`);
}

/** The /auth/confirm link and the 6-digit code in an auth email. */
export function linkAndCode(mail: Mail): { link: string; code: string } {
  const link = /href="([^"]*\/auth\/confirm[^"]*)"/.exec(mail.html)?.[1]?.replaceAll("&amp;", "&");
  const code = /\b(\d{6})\b/.exec(mail.text ?? mail.html.replace(/<[^>]+>/g, " "))?.[1];
  if (!link || !code) throw new Error(`no confirm link or code in "${mail.subject}"`);
  return { link, code };
}

/** Signs a partner user in by the magic link from the mailbox. */
export async function signInAsPartner(page: Page, email: string): Promise<void> {
  const since = new Date(Date.now() - 1000);
  await page.goto("/portal/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  const { link } = linkAndCode(await latestMailTo(email, since));
  await page.goto(link);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/portal/);
}

/**
 * The link GoTrue's default template puts in an email ({{ .ConfirmationURL }}: the auth
 * server's /verify, which redirects to the request's redirect_to). A stack sending the
 * default templates has it in the email as is; with this project's own templates, which
 * link to /auth/confirm, it is rebuilt from the same token hash and redirect_to, exactly
 * as GoTrue builds it, so the same spec runs against either.
 */
export function confirmationUrl(mail: Mail): string {
  const html = mail.html.replaceAll("&amp;", "&");
  const direct = /href="([^"]*\/auth\/v1\/verify\?[^"]*)"/.exec(html)?.[1];
  if (direct) return direct;
  const own = /href="([^"]*\/auth\/confirm\?[^"]*)"/.exec(html)?.[1];
  if (!own) throw new Error(`no sign-in link in "${mail.subject}"`);
  const params = new URL(own).searchParams;
  const query = new URLSearchParams({
    token: params.get("token_hash") ?? "",
    type: params.get("type") ?? "",
    redirect_to: params.get("redirect_to") ?? "",
  });
  return `${process.env.NEXT_PUBLIC_SUPABASE_URL}/auth/v1/verify?${query}`;
}
