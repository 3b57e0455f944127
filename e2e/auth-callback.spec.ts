import { expect, test, type Page } from "@playwright/test";
import { confirmationUrl, latestMailTo, signInAsStaff } from "./support/auth";
import { createPartner, createPartnerUser, grant, unique } from "./support/people";
import { pickOption } from "./support/pickers";

/**
 * GoTrue's default email links, as a hosted project whose templates were never
 * customised sends them: /auth/v1/verify, then a redirect to the request's redirect_to,
 * /auth/callback, with `?code=` (PKCE, the portal's sign-in) or with the session in the
 * fragment (the admin API's invitations). On a stack sending the project's own templates,
 * confirmationUrl() rebuilds the same link from the email's token hash.
 */

async function askForSignInLink(page: Page, email: string): Promise<Date> {
  const since = new Date(Date.now() - 1000);
  await page.goto("/portal/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  return since;
}

test("a PKCE magic link opened in the browser that asked signs the partner user in through /auth/callback", async ({
  browser,
  baseURL,
}) => {
  const partner = await createPartner("Callback Co");
  const user = await createPartnerUser("Cal");
  await grant(user.id, partner.id);
  const page = await (await browser.newContext()).newPage();
  const since = await askForSignInLink(page, user.email);

  const link = new URL(confirmationUrl(await latestMailTo(user.email, since)));
  expect(link.pathname).toBe("/auth/v1/verify");
  // A PKCE token: the auth server answers the click with ?code= for exchangeCodeForSession.
  expect(link.searchParams.get("token")).toMatch(/^pkce_/);
  expect(link.searchParams.get("redirect_to")).toBe(`${baseURL}/auth/callback`);

  const callback = page.waitForRequest((request) => request.url().startsWith(`${baseURL}/auth/callback?code=`));
  await page.goto(link.toString());
  await callback;
  await expect(page).toHaveURL(new RegExp(`/portal/accounts/${partner.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: partner.name })).toBeVisible();
});

test("the same link opened in another browser says so in plain words and offers a new one", async ({ browser }) => {
  const user = await createPartnerUser("Wanda");
  await grant(user.id, (await createPartner("Wrong Browser Co")).id);
  const asker = await (await browser.newContext()).newPage();
  const since = await askForSignInLink(asker, user.email);
  const link = confirmationUrl(await latestMailTo(user.email, since));

  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expect(elsewhere).toHaveURL(/\/auth\/link-error\?reason=other_browser/);
  await expect(elsewhere.getByRole("heading", { name: "Open the link in the browser you asked from" })).toBeVisible();
  await expect(
    elsewhere.getByText("opened in a different browser or app from the one that asked for it"),
  ).toBeVisible();
  const again = elsewhere.getByRole("link", { name: "Request a new sign-in link" });
  await expect(again).toHaveAttribute("href", "/portal/login");
  // Nobody was signed in there.
  await elsewhere.goto("/portal");
  await expect(elsewhere).toHaveURL(/\/portal\/login/);
});

test("an admin invitation's session in the fragment is taken, cleared from the URL, and the invitee lands in the portal", async ({
  browser,
  baseURL,
}) => {
  const partner = await createPartner("Fragment Co");
  const email = `${unique("fragment")}@partner.test`;
  const admin = await (await browser.newContext()).newPage();
  await signInAsStaff(admin, "admin@acme.test", "/admin/partner-users");
  const since = new Date(Date.now() - 1000);
  const form = admin.getByRole("form", { name: "Invite a partner user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Fran Fragment");
  await pickOption(form.getByLabel("Partner"), partner.name);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toBeVisible();

  const mail = await latestMailTo(email, since);
  expect(mail.subject).toMatch(/invited/i);
  const link = new URL(confirmationUrl(mail));
  expect(link.searchParams.get("type")).toBe("invite");
  expect(link.searchParams.get("redirect_to")).toBe(`${baseURL}/auth/callback`);

  const invitee = await (await browser.newContext()).newPage();
  const arrival = invitee.waitForRequest((request) => request.url().startsWith(`${baseURL}/auth/callback/session`));
  await invitee.goto(link.toString());
  await arrival;
  await expect(invitee).toHaveURL(new RegExp(`/portal/accounts/${partner.id}$`));
  await expect(invitee.getByRole("heading", { level: 1, name: partner.name })).toBeVisible();
  // The tokens left the address bar.
  expect(invitee.url()).not.toContain("access_token");
});

test("an invitation link that was already used tells the invitee it no longer works", async ({ page }) => {
  await page.goto("/auth/callback#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid");
  await expect(page.getByText("This link no longer works")).toBeVisible();
  await expect(page.getByRole("link", { name: "Request a new sign-in link" })).toBeVisible();
  expect(page.url()).not.toContain("error_code");
});
