import { expect, test, type Browser, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { DEMO_PASSWORD, latestMailTo, signInAsStaff } from "./support/auth";
import { openAsStaff } from "./support/session";
import { ACME, createAccount, createPartner, unique, withDb } from "./support/people";
import { pickOption } from "./support/pickers";

/**
 * Membership by consent: an admin invites an email address, the app emails its own link,
 * and nobody joins until the person behind the address accepts — someone new after choosing
 * a password, an existing account after signing in as itself. The admin's answer reads the
 * same whatever the address is.
 */

// Each test walks several pages in several browsers on a shared machine.
test.describe.configure({ timeout: 180_000 });

const GLOBEX = "00000000-0000-4000-8000-00000000b101";
const SCREENS = "test-reports/screenshots";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function membersPage(browser: Browser, email = "admin@acme.test"): Promise<Page> {
  const page = await newPage(browser);
  await openAsStaff(page, email, "/admin/settings/members");
  return page;
}

async function inviteStaff(admin: Page, email: string, role: string) {
  const form = admin.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);
}

/** The invitation link in the app's email (never an auth server link). */
function invitationLink(mail: { html: string }): string {
  const link = /href="([^"]*\/invitation\?token=[^"]*)"/.exec(mail.html)?.[1]?.replaceAll("&amp;", "&");
  if (!link) throw new Error("no invitation link in the email");
  expect(mail.html).not.toContain("/auth/");
  return link;
}

async function membership(orgId: string, email: string): Promise<string | null> {
  return withDb(
    async (db) =>
      (
        await db.query(
          "select m.role from public.org_members m join auth.users u on u.id = m.user_id where m.org_id = $1 and u.email = $2",
          [orgId, email],
        )
      ).rows[0]?.role ?? null,
  );
}

/** A staff member of Globex only, with a password: an account that exists elsewhere. */
async function globexStaff(label: string): Promise<{ id: string; email: string }> {
  const account = await createAccount(label, DEMO_PASSWORD);
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member')", [GLOBEX, account.id]),
  );
  return account;
}

test("a new person is invited, chooses a password, lands in the org, and signs in again with it", async ({
  browser,
}) => {
  const email = `${unique("new-staff")}@acme.test`;
  const admin = await membersPage(browser);
  const form = admin.getByRole("form", { name: "Invite a member" });

  // Bad addresses are field errors, an over-long one with the limit in it.
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Email").fill(`${"a".repeat(250)}@acme.test`);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Use an email address of at most 254 characters")).toBeVisible();

  const since = new Date(Date.now() - 1000);
  await inviteStaff(admin, email, "manager");
  // Pending, not a member: email, role, inviter and expiry are listed.
  const pending = admin.getByTestId("invitation").filter({ hasText: email });
  await expect(pending).toContainText("manager");
  await expect(pending).toContainText("Invited by Avery Admin");
  await expect(pending).toContainText(/expires /);
  await expect(admin.getByTestId("member").filter({ hasText: email })).toHaveCount(0);
  expect(await membership(ACME, email)).toBeNull();
  await admin.setViewportSize({ width: 1440, height: 900 });
  await admin.screenshot({ path: `${SCREENS}/members-1440.png`, fullPage: true });
  await admin.setViewportSize({ width: 375, height: 812 });
  await admin.screenshot({ path: `${SCREENS}/members-375.png`, fullPage: true });
  await admin.setViewportSize({ width: 1440, height: 900 });

  const mail = await latestMailTo(email, since);
  expect(mail.subject).toMatch(/invited you to Acme on Partnerdesk$/);
  const link = invitationLink(mail);

  const invitee = await newPage(browser);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await invitee.setViewportSize({ width: 1440, height: 900 });
  await invitee.screenshot({ path: `${SCREENS}/choose-password-1440.png`, fullPage: true });
  await invitee.setViewportSize({ width: 375, height: 812 });
  await invitee.screenshot({ path: `${SCREENS}/choose-password-375.png`, fullPage: true });
  await invitee.setViewportSize({ width: 1440, height: 900 });
  const password = "a-new-staff-password";
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Repeat the password").fill("something else");
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  await expect(invitee.getByText("The passwords do not match")).toBeVisible();
  await invitee.getByLabel("Repeat the password").fill(password);
  await invitee.getByRole("button", { name: "Set password and join" }).click();
  // the landing page is the dashboard now, which reads the program's figures first
  await expect(invitee).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(invitee.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await membership(ACME, email)).toBe("manager");

  // The link is spent: it no longer sets a password or lets anyone in.
  const again = await newPage(browser);
  await again.goto(link);
  await expect(again.getByText("This invitation was already accepted.")).toBeVisible();
  await expect(again.getByLabel("Password")).toHaveCount(0);

  await invitee.getByRole("button", { name: "Sign out" }).click();
  await expect(invitee).toHaveURL(/\/login/);
  await signInAsStaff(invitee, email, "/admin/partners", password);
  await expect(invitee.getByRole("heading", { level: 1 })).toBeVisible();

  // The admin's members list has them now, and the audit names who did what.
  await admin.reload();
  await expect(admin.getByTestId("member").filter({ hasText: email })).toBeVisible();
  await expect(admin.getByTestId("invitation").filter({ hasText: email })).toHaveCount(0);
  const audit = await withDb(
    async (db) =>
      (
        await db.query(
          `select a.action, u.email as actor from public.audit_log a join auth.users u on u.id = a.actor_id
            where a.org_id = $1 and a.resource_type = 'org_invitation' and a.metadata ->> 'email' = $2 order by a.created_at`,
          [ACME, email],
        )
      ).rows,
  );
  expect(audit).toEqual([
    { action: "org_invitation.created", actor: "admin@acme.test" },
    { action: "org_invitation.accepted", actor: email },
  ]);
});

test("an existing account (staff of another org) signs in as itself and accepts", async ({ browser }) => {
  const person = await globexStaff("Olga");
  const admin = await membersPage(browser);
  const since = new Date(Date.now() - 1000);
  await inviteStaff(admin, person.email, "viewer");
  const link = invitationLink(await latestMailTo(person.email, since));

  const page = await newPage(browser);
  await page.goto(link);
  // Never a password form for an account that has one.
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await page.getByLabel("Work email").fill(person.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/invitation\?token=/);
  expect(await membership(ACME, person.email)).toBeNull();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  expect(await membership(ACME, person.email)).toBe("viewer");
  expect(await membership(GLOBEX, person.email)).toBe("member");
});

test("someone signed in with another account cannot accept", async ({ browser }) => {
  const email = `${unique("meant-for")}@acme.test`;
  const admin = await membersPage(browser);
  const since = new Date(Date.now() - 1000);
  await inviteStaff(admin, email, "member");
  const link = invitationLink(await latestMailTo(email, since));
  const other = await newPage(browser);
  await openAsStaff(other, "viewer@acme.test");
  await other.goto(link);
  await expect(other.getByText(`This invitation is for ${email}`)).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  expect(await membership(ACME, email)).toBeNull();
});

test("resend sends a new link and spends the old one; revoke asks first and withdraws it", async ({ browser }) => {
  const email = `${unique("resent")}@acme.test`;
  const admin = await membersPage(browser);
  const first = new Date(Date.now() - 1000);
  await inviteStaff(admin, email, "member");
  const oldLink = invitationLink(await latestMailTo(email, first));
  const row = admin.getByTestId("invitation").filter({ hasText: email });

  await row.getByRole("button", { name: `Resend the invitation to ${email}` }).click();
  await expect(admin.getByText(`Invitation sent to ${email} again.`)).toBeVisible();
  // Wait for the email whose link is new: the resend's email may not have arrived yet.
  let newLink = oldLink;
  await expect
    .poll(async () => (newLink = invitationLink(await latestMailTo(email, first))), { timeout: 15_000 })
    .not.toBe(oldLink);
  const page = await newPage(browser);
  await page.goto(oldLink);
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();

  // Dismissing the confirmation changes nothing.
  admin.once("dialog", (dialog) => void dialog.dismiss());
  await row.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
  await expect(row).toBeVisible();
  admin.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(email);
    void dialog.accept();
  });
  await row.getByRole("button", { name: `Revoke the invitation to ${email}` }).click();
  await expect(admin.getByText(`Invitation to ${email} revoked.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.goto(newLink);
  await expect(page.getByText("This invitation was withdrawn.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
});

test("the answer is the same for an unknown address, an account elsewhere and a partner user", async ({ browser }) => {
  const admin = await membersPage(browser);
  const unknown = `${unique("nobody")}@nowhere.test`;
  const elsewhere = await globexStaff("Elsa");
  await inviteStaff(admin, unknown, "member");
  await inviteStaff(admin, elsewhere.email, "member");
  await inviteStaff(admin, "pat@northwind.test", "member");
  // Nobody joined by being invited.
  expect(await membership(ACME, elsewhere.email)).toBeNull();
  expect(await membership(ACME, "pat@northwind.test")).toBeNull();

  // Partner-user invitations read the same too: staff elsewhere is not told apart.
  const partner = await createPartner("Neutral Co");
  await admin.goto("/admin/partner-users");
  const form = admin.getByRole("form", { name: "Invite a partner user" });
  await form.getByLabel("Email").fill(`${"b".repeat(250)}@acme.test`);
  await form.getByLabel("Name").fill("Too Long");
  await pickOption(form.getByLabel("Partner"), partner.name);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Use an email address of at most 254 characters")).toBeVisible();
  const since = new Date(Date.now() - 1000);
  await form.getByLabel("Email").fill(elsewhere.email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${elsewhere.email}`)).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);
  // The person, not the admin, hears why nothing changed.
  const mail = await latestMailTo(elsewhere.email, since);
  expect(mail.subject).toBe("Acme tried to give you partner portal access on Partnerdesk");
  expect(
    await withDb(
      async (db) => (await db.query("select 1 from public.partner_users where id = $1", [elsewhere.id])).rowCount,
    ),
  ).toBe(0);
});

test("an admin of another org cannot add a user by id, nor read them", async () => {
  const url = process.env.NEXT_PUBLIC_SUPABASE_URL!;
  const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!;
  const globex = createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } });
  const signedIn = await globex.auth.signInWithPassword({ email: "admin@globex.test", password: DEMO_PASSWORD });
  expect(signedIn.error).toBeNull();
  const acmeAdmin = await withDb(
    async (db) => (await db.query("select id from auth.users where email = 'admin@acme.test'")).rows[0].id as string,
  );
  const added = await globex.from("org_members").insert({ org_id: GLOBEX, user_id: acmeAdmin, role: "viewer" });
  expect(added.error?.code).toBe("42501");
  expect(await membership(GLOBEX, "admin@acme.test")).toBeNull();
  const profile = await globex.from("profiles").select("id, email, display_name").eq("id", acmeAdmin);
  expect(profile.data).toEqual([]);
});
