import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, latestMailTo, linkAndCode, signInAsPartner, signInAsStaff } from "./support/auth";

async function requestPortalEmail(page: import("@playwright/test").Page, email: string) {
  const since = new Date(Date.now() - 1000);
  await page.goto("/portal/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  return since;
}

test.describe("staff sign-in", () => {
  test("signs in, lands where they were going, and signs out", async ({ page }) => {
    await page.goto("/admin/partners?status=active");
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel("Work email").fill("admin@acme.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/partners\?status=active$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/admin/partners");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("a wrong password gets the same message as an unknown email", async ({ page }) => {
    for (const [email, password] of [
      ["admin@acme.test", "not-the-password"],
      ["nobody@acme.test", DEMO_PASSWORD],
    ]) {
      await page.goto("/login");
      await page.getByLabel("Work email").fill(email!);
      await page.getByLabel("Password").fill(password!);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test("resets a forgotten password through the mailbox", async ({ page }) => {
    // A staff member of its own, so changing the password disturbs no other test.
    const email = `reset-${Date.now()}@acme.test`;
    const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
    await db.connect();
    try {
      const response = await fetch(`${process.env.NEXT_PUBLIC_SUPABASE_URL}/auth/v1/admin/users`, {
        method: "POST",
        headers: {
          apikey: process.env.SUPABASE_SERVICE_ROLE_KEY!,
          authorization: `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ email, password: "old-password-1", email_confirm: true }),
      });
      expect(response.status).toBe(200);
      const { id } = (await response.json()) as { id: string };
      await db.query(
        "insert into public.org_members (org_id, user_id, role) select id, $1, 'member' from public.organizations where slug = 'acme'",
        [id],
      );
    } finally {
      await db.end();
    }

    const since = new Date(Date.now() - 1000);
    await page.goto("/login/forgot-password");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByText("Check your email")).toBeVisible();

    const { link } = linkAndCode(await latestMailTo(email, since));
    await page.goto(link);
    await page.getByRole("button", { name: "Continue to set a new password" }).click();
    await expect(page).toHaveURL(/\/login\/new-password/);
    // A recovery session does not ask for the password the person forgot.
    await expect(page.getByLabel("Current password")).toHaveCount(0);
    await page.getByLabel("New password", { exact: true }).fill("brand-new-password-2");
    await page.getByLabel("Repeat the new password").fill("brand-new-password-2");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/admin$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await signInAsStaff(page, email, "/admin/partners", "brand-new-password-2");
  });
});

test.describe("partner sign-in", () => {
  test("a magic link from the mailbox lands in the portal", async ({ page }) => {
    await signInAsPartner(page, "pat@northwind.test");
    await expect(page).toHaveURL(/\/portal/);
    await expect(page.getByText("You have no partner access")).toHaveCount(0);
  });

  test("the 6-digit code from the same email signs in", async ({ page }) => {
    const since = await requestPortalEmail(page, "morgan@contoso.test");
    const { code } = linkAndCode(await latestMailTo("morgan@contoso.test", since));
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Sign in with code" }).click();
    await expect(page).toHaveURL(/\/portal/);
  });

  test("the page says the same for an unknown email", async ({ page }) => {
    await requestPortalEmail(page, "stranger@nowhere.test");
    await expect(page.getByText("If stranger@nowhere.test has access, an email is on its way")).toBeVisible();
  });

  test("a link used twice gets a clear page with a way to ask again", async ({ page, browser }) => {
    const since = await requestPortalEmail(page, "pat@northwind.test");
    const { link } = linkAndCode(await latestMailTo("pat@northwind.test", since));
    // Opening the link spends nothing (a mail scanner does this): only the button does.
    await page.goto(link);
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/portal/);

    const other = await browser.newPage();
    await other.goto(link);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByText("This link no longer works")).toBeVisible();
    await expect(other.getByRole("link", { name: "Request a new sign-in link" })).toBeVisible();
    await other.close();
  });

  test("a partner user who opens /admin gets a clear page", async ({ page }) => {
    await signInAsPartner(page, "pat@northwind.test");
    await page.goto("/admin/partners");
    await expect(page.getByRole("heading", { name: "This area is for staff" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your partner portal" })).toBeVisible();
  });

  test("staff who open /portal get a clear page", async ({ page }) => {
    await signInAsStaff(page, "member@acme.test");
    await page.goto("/portal");
    await expect(page.getByRole("heading", { name: "The portal is for partners" })).toBeVisible();
  });

  test("a partner user whose grant ended cannot reach the portal", async ({ page }) => {
    await signInAsPartner(page, "expired@fabrikam.test");
    await expect(page.getByRole("heading", { name: "You have no partner access right now" })).toBeVisible();
  });

  test("a deactivated partner user cannot sign in", async ({ page }) => {
    const since = await requestPortalEmail(page, "inactive@fabrikam.test");
    // A banned user may get no email at all; if one arrives, its link must not work.
    const mail = await latestMailTo("inactive@fabrikam.test", since, 4_000).catch(() => null);
    if (mail) {
      await page.goto(linkAndCode(mail).link);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("This link no longer works")).toBeVisible();
    }
    await page.goto("/portal");
    await expect(page).toHaveURL(/\/portal\/login/);
  });
});
