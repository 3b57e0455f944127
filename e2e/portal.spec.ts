import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { latestMailTo, signInAsPartner } from "./support/auth";
import { openAsPartner, openAsStaff } from "./support/session";
import { pickOption } from "./support/pickers";

// Seeded ids (supabase/seed.sql).
const FABRIKAM = "33333333-3333-4333-8333-000000000005";
const CONTOSO = {
  cloud: { id: "33333333-3333-4333-8333-000000000002", name: "Contoso Cloud" },
  security: { id: "33333333-3333-4333-8333-000000000003", name: "Contoso Security" },
  services: { id: "33333333-3333-4333-8333-000000000004", name: "Contoso Services" },
};
const MORGAN = "22222222-2222-4222-8222-000000000002";

async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function staffPage(browser: Browser, email = "admin@acme.test"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openAsStaff(page, email);
  return page;
}

/** Fills and sends the invite form on /admin/partner-users. */
async function invite(admin: Page, email: string, name: string, partner: string, startDay?: string) {
  await admin.goto("/admin/partner-users");
  const form = admin.getByRole("form", { name: "Invite a partner user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(name);
  await pickOption(form.getByLabel("Partner"), partner);
  if (startDay) await form.getByLabel("Starts (optional)").fill(startDay);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toBeVisible();
}

/**
 * Reads the app's access email (it carries no auth token: nothing of the person's is spent)
 * and signs in on the portal as the email says.
 */
async function acceptInvitation(page: Page, email: string, since: Date) {
  const mail = await latestMailTo(email, since);
  expect(mail.subject).toMatch(/^You now have access to .+ on Partnerdesk$/);
  expect(mail.html).not.toContain("/auth/");
  await signInAsPartner(page, email);
}

/** Tomorrow in Acme's time zone: grant days are the org's days. */
function tomorrow(): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

test("an invited partner user sees exactly their partner until the grant is revoked, and the audit log names the admin", async ({
  browser,
}) => {
  const email = `invitee-${Date.now()}@fabrikam.test`;
  const admin = await staffPage(browser);
  const since = new Date(Date.now() - 1000);
  await invite(admin, email, "Ivy Invitee", "Fabrikam");

  const partner = await (await browser.newContext()).newPage();
  await acceptInvitation(partner, email, since);
  await expect(partner).toHaveURL(new RegExp(`/portal/accounts/${FABRIKAM}`));
  await expect(partner.getByRole("heading", { level: 1, name: "Fabrikam" })).toBeVisible();
  // One account: no switcher, and no other partner anywhere.
  await expect(partner.getByRole("combobox", { name: "Account" })).toHaveCount(0);
  await partner.goto(`/portal/accounts/${CONTOSO.cloud.id}`);
  await expect(partner.getByRole("heading", { name: "You have no access to this account" })).toBeVisible();
  await expect(partner.getByText("Contoso Cloud")).toHaveCount(0);

  // The admin revokes; the user's very next page says so.
  await admin.goto(`/admin/partner-users?q=${encodeURIComponent(email)}`);
  const card = admin.getByTestId("partner-user").filter({ hasText: email });
  await card.getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke access" }).click();
  await expect(card.getByText("Revoked", { exact: true })).toBeVisible();
  await partner.goto("/portal");
  await expect(partner.getByRole("heading", { name: "You have no partner access right now" })).toBeVisible();

  // The audit page shows the invitation, the grant and the revocation, by the admin.
  const userId = await withDb(
    async (db) =>
      (await db.query("select id from public.partner_users where email = $1", [email])).rows[0].id as string,
  );
  for (const action of ["partner_user.created", "partner.access.granted", "partner.access.revoked"]) {
    await admin.goto(`/admin/audit?action=${action}`);
    const entry = admin.getByTestId("audit-entry").filter({ hasText: userId }).first();
    await expect(entry).toContainText("Avery Admin");
    await entry.locator("summary").first().click();
    await expect(entry.locator("tr[data-field]").first()).toBeVisible();
  }
  // And the partner user's own sign-in, with them as actor.
  await admin.goto(`/admin/audit?action=portal.sign_in&actor=${userId}`);
  await expect(admin.getByTestId("audit-entry").first()).toContainText("Ivy Invitee");
});

test("a grant that starts tomorrow gives nothing today", async ({ browser }) => {
  const email = `future-${Date.now()}@fabrikam.test`;
  const admin = await staffPage(browser);
  const since = new Date(Date.now() - 1000);
  await invite(admin, email, "Fay Future", "Fabrikam", tomorrow());
  const card = admin.getByTestId("partner-user").filter({ hasText: email });
  await expect(card.getByText("Scheduled")).toBeVisible();

  const partner = await (await browser.newContext()).newPage();
  await acceptInvitation(partner, email, since);
  await expect(partner.getByRole("heading", { name: "You have no partner access right now" })).toBeVisible();
  await partner.goto(`/portal/accounts/${FABRIKAM}`);
  await expect(partner.getByRole("heading", { name: "You have no partner access right now" })).toBeVisible();
});

test("morgan switches between three accounts and the All accounts totals equal the sums in SQL", async ({ page }) => {
  await openAsPartner(page, "morgan@contoso.test");
  const switchesBefore = await withDb(
    async (db) =>
      (
        await db.query(
          "select count(*)::int as n from public.audit_log where actor_id = $1 and action = 'portal.account_switched'",
          [MORGAN],
        )
      ).rows[0].n as number,
  );
  const switcher = page.getByRole("combobox", { name: "Account" });
  for (const account of [CONTOSO.security, CONTOSO.services, CONTOSO.cloud]) {
    await switcher.selectOption({ label: account.name });
    await expect(page).toHaveURL(new RegExp(`/portal/accounts/${account.id}`));
    await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
  }
  // The last choice is remembered.
  await page.goto("/portal");
  await expect(page).toHaveURL(new RegExp(`/portal/accounts/${CONTOSO.cloud.id}`));

  await switcher.selectOption({ label: "All accounts" });
  await expect(page).toHaveURL(/\/portal\/all/);
  const sums = await withDb(
    async (db) =>
      (
        await db.query(
          `select coalesce(sum(amount) filter (where status in ('pending', 'approved')), 0)::numeric as owed,
                coalesce(sum(amount) filter (where status = 'paid'), 0)::numeric as paid
           from public.partner_commissions where partner_id = any ($1)`,
          [[CONTOSO.cloud.id, CONTOSO.security.id, CONTOSO.services.id]],
        )
      ).rows[0] as { owed: string; paid: string },
  );
  const money = (value: string) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(value));
  await expect(page.getByTestId("total-owed")).toHaveText(money(sums.owed));
  await expect(page.getByTestId("total-paid")).toHaveText(money(sums.paid));
  const referrals = await withDb(
    async (db) =>
      (
        await db.query("select count(*)::int as n from public.partner_referrals where partner_id = any ($1)", [
          [CONTOSO.cloud.id, CONTOSO.security.id, CONTOSO.services.id],
        ])
      ).rows[0].n as number,
  );
  await expect(page.getByTestId("pipeline-total-referrals")).toHaveText(String(referrals));

  const switchesAfter = await withDb(
    async (db) =>
      (
        await db.query(
          "select count(*)::int as n from public.audit_log where actor_id = $1 and action = 'portal.account_switched'",
          [MORGAN],
        )
      ).rows[0].n as number,
  );
  expect(switchesAfter - switchesBefore).toBe(4);
});

test("a partner user can neither open /admin nor run an admin server action by posting to it", async ({ browser }) => {
  // Learn the invite action's id the way an attacker could: from a real request the admin page makes.
  const admin = await staffPage(browser);
  await admin.goto("/admin/partner-users");
  // The form validates in the browser first, so send something well-formed that the database
  // refuses: a staff member cannot also be a partner user. Nothing is written, and the answer
  // is the one any address gets (it must not tell that the person is staff).
  const form = admin.getByRole("form", { name: "Invite a partner user" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await form.getByLabel("Email").fill("member@acme.test");
  await form.getByLabel("Name").fill("Not a partner");
  await pickOption(form.getByLabel("Partner"), "Fabrikam");
  const actionRequest = admin.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await form.getByRole("button", { name: "Send invitation" }).click();
  const actionId = (await actionRequest).headers()["next-action"]!;
  await expect(admin.getByText("Invitation sent to member@acme.test")).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);
  const staffAsPartner = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from public.partner_users where email = 'member@acme.test'")).rows[0]
        .n as number,
  );
  expect(staffAsPartner).toBe(0);

  const partner = await (await browser.newContext()).newPage();
  await openAsPartner(partner, "pat@northwind.test");
  await partner.goto("/admin/partner-users");
  await expect(partner.getByRole("heading", { name: "This area is for staff" })).toBeVisible();

  const email = `smuggled-${Date.now()}@northwind.test`;
  const response = await partner.request.post("/admin/partner-users", {
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([
      { email, name: "Smuggled", grants: [{ partnerId: FABRIKAM, scope: ["commissions"], startsOn: "", endsOn: "" }] },
    ]),
  });
  const body = await response.text();
  expect(body).toContain("Only staff of an organization can do this");
  const rows = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from auth.users where email = $1", [email])).rows[0].n as number,
  );
  expect(rows).toBe(0);
});
