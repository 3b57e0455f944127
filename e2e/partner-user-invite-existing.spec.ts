import { expect, test, type Browser } from "@playwright/test";
import { latestMailTo, linkAndCode } from "./support/auth";
import { openAsStaff } from "./support/session";
import { createAccount, createPartner, createPartnerUser, grant, withDb } from "./support/people";
import { pickOption } from "./support/pickers";

/**
 * Inviting someone who already has an account: the auth server sends nothing (no 429 from
 * its minimum gap between emails, no new token superseding the one they hold); the app
 * writes the partner user and grants as the staff member, then sends its own email.
 */

async function invite(browser: Browser, email: string, name: string, partnerName: string) {
  const admin = await (await browser.newContext()).newPage();
  await openAsStaff(admin, "admin@acme.test", "/admin/partner-users");
  const form = admin.getByRole("form", { name: "Invite a partner user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(name);
  await pickOption(form.getByLabel("Partner"), partnerName);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);
}

async function adminId(): Promise<string> {
  return withDb(
    async (db) => (await db.query("select id from auth.users where email = 'admin@acme.test'")).rows[0].id as string,
  );
}

test("an account without rows gets access, the app's own email, and keeps the code it asked for", async ({
  browser,
}) => {
  const partner = await createPartner("Existing Co");
  const account = await createAccount("Erin");

  // They ask for a sign-in code first (they have no access yet: the portal will say so).
  const portal = await (await browser.newContext()).newPage();
  const asked = new Date(Date.now() - 1000);
  await portal.goto("/portal/login");
  await portal.getByLabel("Email").fill(account.email);
  await portal.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(portal.getByText("Check your email")).toBeVisible();
  const { code } = linkAndCode(await latestMailTo(account.email, asked));

  const invited = new Date();
  await invite(browser, account.email, account.name, partner.name);
  const mail = await latestMailTo(account.email, invited);
  expect(mail.subject).toBe(`You now have access to ${partner.name} on Partnerdesk`);
  expect(mail.html).toMatch(/href="http:\/\/localhost:\d+\/portal\/login"/);
  expect(mail.html).not.toContain("/auth/");

  // Written as the admin: the partner user's creator, the grant's granter, the audit's actor.
  const admin = await adminId();
  const rows = await withDb(async (db) => ({
    user: (await db.query("select org_id, created_by from public.partner_users where id = $1", [account.id])).rows,
    grants: (
      await db.query("select id, partner_id, granted_by from public.partner_access where partner_user_id = $1", [
        account.id,
      ])
    ).rows,
  }));
  expect(rows.user).toEqual([{ org_id: "00000000-0000-4000-8000-00000000ac01", created_by: admin }]);
  expect(rows.grants).toEqual([{ id: expect.any(String), partner_id: partner.id, granted_by: admin }]);
  const audited = await withDb(
    async (db) =>
      (
        await db.query(
          "select actor_id from public.audit_log where resource_type = 'partner_access' and resource_id = $1",
          [rows.grants[0].id],
        )
      ).rows,
  );
  expect(audited).toEqual([{ actor_id: admin }]);

  // The code from before the invitation still signs them in, now to the partner.
  await portal.getByLabel("6-digit code").fill(code);
  await portal.getByRole("button", { name: "Sign in with code" }).click();
  await expect(portal).toHaveURL(new RegExp(`/portal/accounts/${partner.id}$`));
  await expect(portal.getByRole("heading", { level: 1, name: partner.name })).toBeVisible();
});

test("a partner user of the org who is granted one more partner gets the app's email, not a 429", async ({
  browser,
}) => {
  const first = await createPartner("First Co");
  const second = await createPartner("Second Co");
  const user = await createPartnerUser("Pia");
  await grant(user.id, first.id);

  const invited = new Date(Date.now() - 500);
  await invite(browser, user.email, user.name, second.name);
  const mail = await latestMailTo(user.email, invited);
  expect(mail.subject).toBe(`You now have access to ${second.name} on Partnerdesk`);
  const partners = await withDb(async (db) =>
    (
      await db.query(
        "select partner_id from public.partner_access where partner_user_id = $1 and revoked_at is null order by granted_at",
        [user.id],
      )
    ).rows.map((row) => row.partner_id as string),
  );
  expect(partners).toEqual([first.id, second.id]);
});
