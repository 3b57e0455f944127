import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { openAsPartner, openAsStaff } from "./support/session";
import { ACME, adminApi, createPartnerUser, unique, withDb } from "./support/people";

/** Runs the background jobs now, as the cron (and the test run's ticker) does. */
async function runJobs(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/jobs/run", {
    headers: { authorization: `Bearer ${process.env.JOBS_SECRET}` },
  });
  expect(response.status()).toBe(200);
}

async function addStaff(role: string): Promise<{ id: string; email: string }> {
  const email = `${unique("notified")}@acme.test`;
  const { data, error } = await adminApi().auth.admin.createUser({
    email,
    password: DEMO_PASSWORD,
    email_confirm: true,
    user_metadata: { display_name: "Notified person" },
  });
  if (error || !data.user) throw error ?? new Error("no user");
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, $3)", [ACME, data.user.id, role]),
  );
  return { id: data.user.id, email };
}

/** A partner owned by `ownerId` with a referral that is then won: two events for the owner. */
async function referralWon(ownerId: string): Promise<{ partnerId: string; client: string }> {
  const client = unique("Client");
  const partnerId = await withDb(async (db) => {
    const partner = await db.query(
      "insert into public.partners (org_id, name, status, owner_id) values ($1, $2, 'active', $3) returning id",
      [ACME, unique("Bell partner"), ownerId],
    );
    const id = partner.rows[0].id as string;
    const referral = await db.query(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value)
       values ($1, $2, $3, 'client@example.test', 'submitted', 1000) returning id`,
      [ACME, id, client],
    );
    await db.query(
      "update public.partner_referrals set status = 'won', actual_value = 1200, closed_at = now() where id = $1",
      [referral.rows[0].id],
    );
    return id;
  });
  return { partnerId, client };
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("the runner refuses a call without the jobs secret and runs with it, by GET as Vercel Cron calls it", async ({
  request,
}) => {
  expect((await request.post("/api/jobs/run")).status()).toBe(401);
  expect((await request.get("/api/jobs/run", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  const run = await request.get("/api/jobs/run", { headers: { authorization: `Bearer ${process.env.JOBS_SECRET}` } });
  expect(run.status()).toBe(200);
  expect(await run.json()).toMatchObject({ ok: true });
});

test("the bell shows a partner owner their unread notifications, links to the record, and marks them read", async ({
  page,
  request,
}) => {
  const owner = await addStaff("member");
  const { partnerId, client } = await referralWon(owner.id);
  await runJobs(request);

  await openAsStaff(page, owner.email);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");
  await expect(page.getByTestId("notification-count")).toHaveText("2");

  await bell.click();
  const list = page.getByRole("dialog", { name: "Notifications" });
  await expect(list.getByText("Referral won", { exact: true })).toBeVisible();
  await expect(list.getByText(client, { exact: false }).first()).toBeVisible();
  await screenshots(page, "bell");

  await list.getByRole("button", { name: 'Mark "Referral submitted" read' }).click();
  await expect(page.getByTestId("notification-count")).toHaveText("1");

  await list.getByRole("link", { name: /Referral won/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/partners/${partnerId}/referrals`));
  await expect(bell).toHaveAccessibleName("Notifications");
  // The bell marks read at once and tells the server after: wait for the server to have it.
  const unread = () =>
    withDb(
      async (db) =>
        // The two the bell showed; the runner may have written others since.
        (
          await db.query(
            "select count(*)::int as n from public.notifications where user_id = $1 and read_at is null and event_type in ('referral.created', 'referral.won')",
            [owner.id],
          )
        ).rows[0].n as number,
    );
  await expect.poll(unread, { timeout: 10_000 }).toBe(0);
});

test("the bell says so when there is nothing, and works from the keyboard", async ({ page }) => {
  const person = await addStaff("viewer");
  await openAsStaff(page, person.email);
  const bell = page.getByTestId("notification-bell");
  await bell.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("You have no notifications yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(page.getByText("You have no notifications yet.")).toBeHidden();
});

test("a person turns an event off for themselves, and hears no more of it", async ({ page, request }) => {
  const owner = await addStaff("member");
  await openAsStaff(page, owner.email, "/admin/account/notifications");
  const select = page.getByLabel("Referral won");
  await expect(select).toHaveValue("default");
  await select.selectOption("off");
  await expect(page.getByText("Referral won: saved.")).toBeVisible();
  await screenshots(page, "preferences");
  await page.reload();
  await expect(page.getByLabel("Referral won")).toHaveValue("off");

  await referralWon(owner.id);
  await runJobs(request);
  const kinds = await withDb(async (db) =>
    (
      await db.query("select event_type from public.notifications where user_id = $1 order by event_type", [owner.id])
    ).rows.map((row) => row.event_type as string),
  );
  expect(kinds).toEqual(["referral.created"]);

  await page.getByLabel("Referral won").selectOption("default");
  await expect(page.getByText("Referral won: saved.")).toBeVisible();
});

test("a digest-only event stays out of the bell and out of email, and the digest time is the person's to choose", async ({
  page,
  request,
}) => {
  const owner = await addStaff("member");
  await openAsStaff(page, owner.email, "/admin/account/notifications");
  await page.getByLabel("Referral submitted").selectOption("digest_only");
  await expect(page.getByText("Referral submitted: saved.")).toBeVisible();
  const digestTime = page.getByLabel("Digest time");
  await expect(digestTime).toHaveValue("default");
  await expect(digestTime.locator("option:checked")).toHaveText("Default: 08:00");
  await digestTime.selectOption("18");
  await expect(page.getByText("Digest time saved.")).toBeVisible();
  await screenshots(page, "preferences-digest");
  await page.reload();
  await expect(page.getByLabel("Referral submitted")).toHaveValue("digest_only");
  await expect(page.getByLabel("Digest time")).toHaveValue("18");

  await referralWon(owner.id);
  await runJobs(request);
  const rows = await withDb(async (db) =>
    (
      await db.query(
        `select n.event_type, n.shown_in_app, (select count(*)::int from private.email_deliveries d where d.notification_id = n.id) as emails
           from public.notifications n where n.user_id = $1 order by n.event_type`,
        [owner.id],
      )
    ).rows.map((row) => ({
      type: row.event_type as string,
      shown: row.shown_in_app as boolean,
      emails: row.emails as number,
    })),
  );
  expect(rows).toEqual([
    { type: "referral.created", shown: false, emails: 0 },
    { type: "referral.won", shown: true, emails: 1 },
  ]);
  await page.reload();
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  const list = page.getByRole("dialog", { name: "Notifications" });
  await expect(list.getByText("Referral won", { exact: true })).toBeVisible();
  await expect(list.getByTestId("notification-item")).toHaveCount(1);
});

test("admins set the organization's defaults; others are told who does", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await openAsStaff(admin, "admin@acme.test", "/admin/settings/notifications");
  await expect(admin.getByRole("heading", { name: "Notification defaults" })).toBeVisible();
  const row = admin.getByLabel("Task overdue");
  await row.selectOption("email");
  await expect(admin.getByText("Task overdue: saved.")).toBeVisible();
  await screenshots(admin, "org-defaults");
  await row.selectOption("default");
  await expect(admin.getByText("Task overdue: saved.").first()).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  const person = await addStaff("member");
  await openAsStaff(member, person.email, "/admin/settings/notifications");
  await expect(member.getByText("Notification defaults are set by admins")).toBeVisible();
});

test("admins set a default for one role, and only that role's people follow it, told so", async ({ browser }) => {
  // Three people sign in one after the other: on a busy machine that outlasts the default.
  test.setTimeout(150_000);
  const admin = await (await browser.newContext()).newPage();
  await openAsStaff(admin, "admin@acme.test", "/admin/settings/notifications");
  const managers = admin.getByRole("navigation", { name: "Defaults for" }).getByRole("link", { name: "Managers" });
  await managers.focus();
  await admin.keyboard.press("Enter");
  await expect(admin).toHaveURL(/[?&]role=manager\b/);
  await expect(managers).toHaveAttribute("aria-current", "page");
  const grantEnding = admin.getByLabel("Portal access ending in 7 days");
  await expect(grantEnding).toHaveValue("default");
  await expect(grantEnding.locator("option:checked")).toHaveText("Built-in for managers: In the app and by email");
  const manager = await addStaff("manager");
  const member = await addStaff("member");
  try {
    await grantEnding.selectOption("off");
    await expect(admin.getByText("Portal access ending in 7 days: saved.")).toBeVisible();
    await admin.reload();
    await expect(admin.getByLabel("Portal access ending in 7 days")).toHaveValue("off");
    await screenshots(admin, "org-role-defaults");

    const managerPage = await (await browser.newContext()).newPage();
    await openAsStaff(managerPage, manager.email, "/admin/account/notifications");
    const own = managerPage.getByLabel("Portal access ending in 7 days");
    await expect(own).toHaveValue("default");
    await expect(own.locator("option:checked")).toHaveText("Organization default for managers: Off");
    await expect(own).toHaveAccessibleDescription("Organization default for managers");
    await own.selectOption("email");
    await expect(managerPage.getByText("Portal access ending in 7 days: saved.")).toBeVisible();
    await managerPage.reload();
    await expect(managerPage.getByLabel("Portal access ending in 7 days")).toHaveAccessibleDescription("Your choice");
    await screenshots(managerPage, "role-sourced-preferences");

    const memberPage = await (await browser.newContext()).newPage();
    await openAsStaff(memberPage, member.email, "/admin/account/notifications");
    const theirs = memberPage.getByLabel("Portal access ending in 7 days");
    await expect(theirs.locator("option:checked")).toHaveText("Your role's default: In the app and in the digest");
    await expect(theirs).toHaveAccessibleDescription("Your role's default");

    // An address naming no role says so and shows the defaults for everyone.
    await admin.goto("/admin/settings/notifications?role=owner");
    await expect(admin.getByText("There is no such role; these are the defaults for everyone.")).toBeVisible();
    await expect(
      admin.getByRole("navigation", { name: "Defaults for" }).getByRole("link", { name: "Everyone" }),
    ).toHaveAttribute("aria-current", "page");
  } finally {
    await withDb((db) =>
      db.query(
        "delete from public.notification_preferences where org_id = $1 and user_id is null and role = 'manager' and event_type = 'grant.ending'",
        [ACME],
      ),
    );
  }
});

test("a partner user has the bell and their own settings in the portal", async ({ page, request }) => {
  const user = await createPartnerUser("Belle");
  const partnerId = await withDb(async (db) => {
    const partner = await db.query(
      "insert into public.partners (org_id, name, status) values ($1, $2, 'active') returning id",
      [ACME, unique("Portal bell")],
    );
    const id = partner.rows[0].id as string;
    await db.query(
      "insert into public.partner_access (org_id, partner_id, partner_user_id, scope) values ($1, $2, $3, '{commissions}')",
      [ACME, id, user.id],
    );
    const commission = await db.query(
      "insert into public.partner_commissions (org_id, partner_id, amount, currency, status) values ($1, $2, 250, 'USD', 'pending') returning id",
      [ACME, id],
    );
    await db.query("update public.partner_commissions set status = 'approved' where id = $1", [commission.rows[0].id]);
    return id;
  });
  await runJobs(request);

  await openAsPartner(page, user.email);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  await expect(page.getByText("Commission approved", { exact: true })).toBeVisible();
  await screenshots(page, "portal-bell");
  await page.getByRole("link", { name: /Commission approved/ }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/accounts/${partnerId}/commissions`));

  await page.goto("/portal/settings/notifications");
  await page.getByLabel("Commission paid").selectOption("in_app");
  await expect(page.getByText("Commission paid: saved.")).toBeVisible();
  await screenshots(page, "portal-preferences");
});
