import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, latestMailTo } from "./support/auth";
import { addStaff, createOrg, enrolThroughApi, factorCount, totpCode, withDb, wrongCode } from "./support/mfa";

async function signInWithPassword(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function enterCode(page: Page, code: string) {
  await expect(page).toHaveURL(/\/login\/code/);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/login\/code/);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("a staff member sets up an authenticator, and from then on signs in with a code", async ({ page }) => {
  const org = await createOrg("mfa-enrol");
  const person = await addStaff(org, "member", "enrol");

  await signInWithPassword(page, person.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Security" }).first().click();
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await expect(page.getByText("No authenticator app yet.")).toBeVisible();

  // A name is required, and chosen here: there is no renaming later.
  await page.getByLabel("Name of this authenticator").fill("");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByText("Name this authenticator")).toBeVisible();
  await page.getByLabel("Name of this authenticator").fill("Work phone");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();

  const secretBox = page.getByTestId("totp-secret");
  await expect(secretBox).toBeVisible();
  await expect(page.getByAltText("QR code to scan with your authenticator app")).toBeVisible();
  const secret = (await secretBox.getAttribute("data-secret"))!;
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: "test-results/mfa-enrol-1440.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.screenshot({ path: "test-results/mfa-enrol-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByLabel("Code from the app").fill(wrongCode(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByLabel("Code from the app")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("That code is not right")).toBeVisible();

  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByTestId("factor").filter({ hasText: "Work phone" })).toBeVisible();
  await expect(page.getByText("Add a second authenticator")).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, person.email);
  await expect(page).toHaveURL(/\/login\/code/);
  // Nothing else before the code.
  await page.goto("/admin/partners");
  await expect(page).toHaveURL(/\/login\/code/);

  await page.getByLabel("Authentication code").fill(wrongCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  const field = page.getByLabel("Authentication code");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/mfa-code-1440.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "test-results/mfa-code-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await enterCode(page, totpCode(secret));
  await expect(page).toHaveURL(/\/admin\/partners/);
});

test("an admin requires two-factor sign-in, and a member without an authenticator is led to set one up", async ({
  page,
  browser,
}) => {
  const org = await createOrg("mfa-require");
  const admin = await addStaff(org, "admin", "require-admin");
  const member = await addStaff(org, "member", "require-member");
  const secret = await enrolThroughApi(admin.email);

  await signInWithPassword(page, admin.email);
  await enterCode(page, totpCode(secret));
  await page.goto("/admin/settings/security");
  await page.getByLabel("Required for all staff").check();
  await page.getByRole("button", { name: "Save requirement" }).click();
  await expect(page.getByText("Two-factor sign-in: required for all staff.")).toBeVisible();
  const audited = await withDb(
    async (db) =>
      (
        await db.query(
          `select count(*) from public.audit_log where org_id = $1 and actor_id = $2
            and action = 'organization.updated' and metadata -> 'changed' ? 'mfa_required'`,
          [org, admin.id],
        )
      ).rows[0].count,
  );
  expect(Number(audited)).toBe(1);

  const memberPage = await (await browser.newContext()).newPage();
  await signInWithPassword(memberPage, member.email);
  // Whatever page they open, setting up an authenticator comes first.
  await expect(memberPage.getByText(/requires two-factor sign-in/)).toBeVisible();
  await memberPage.goto("/admin/audit");
  await expect(memberPage.getByText(/requires two-factor sign-in/)).toBeVisible();
  await expect(memberPage.getByRole("heading", { name: "Security" })).toBeVisible();

  await memberPage.getByLabel("Name of this authenticator").fill("Phone");
  await memberPage.getByRole("button", { name: "Set up an authenticator app" }).click();
  const memberSecret = (await memberPage.getByTestId("totp-secret").getAttribute("data-secret"))!;
  await memberPage.getByLabel("Code from the app").fill(totpCode(memberSecret));
  await memberPage.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(memberPage.getByText("Phone is set up.")).toBeVisible();
  await memberPage.goto("/admin/partners");
  await expect(memberPage.getByRole("heading", { name: "Partners" })).toBeVisible();
});

test("an admin resets a member's authenticator after confirming their own code; the member is told", async ({
  page,
}) => {
  const org = await createOrg("mfa-reset");
  const admin = await addStaff(org, "admin", "reset-admin");
  const member = await addStaff(org, "member", "reset-member");
  const adminSecret = await enrolThroughApi(admin.email);
  await enrolThroughApi(member.email);
  // Staff of another org too: not this admin's to reset.
  const shared = await addStaff(org, "member", "reset-shared");
  const elsewhere = await createOrg("mfa-reset-other");
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [
      elsewhere,
      shared.id,
    ]),
  );
  await enrolThroughApi(shared.email);

  await signInWithPassword(page, admin.email);
  await enterCode(page, totpCode(adminSecret));
  await page.goto("/admin/settings/members");

  const sharedRow = page.getByTestId("member").filter({ hasText: shared.email });
  await sharedRow.getByRole("button", { name: "Reset two-factor" }).click();
  await sharedRow.getByLabel("Your code").fill(totpCode(adminSecret));
  await sharedRow.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(sharedRow.getByText("also staff of another organization")).toBeVisible();
  expect(await factorCount(shared.id)).toBe(1);

  const row = page.getByTestId("member").filter({ hasText: member.email });
  await row.getByRole("button", { name: "Reset two-factor" }).click();
  await row.getByLabel("Your code").fill(wrongCode(adminSecret));
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(row.getByLabel("Your code")).toHaveAttribute("aria-invalid", "true");
  expect(await factorCount(member.id)).toBe(1);

  const since = new Date(Date.now() - 1000);
  await row.getByLabel("Your code").fill(totpCode(adminSecret));
  await row.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(page.getByText(/two-factor sign-in was reset/)).toBeVisible();
  expect(await factorCount(member.id)).toBe(0);
  const mail = await latestMailTo(member.email, since);
  expect(mail.subject).toContain("two-factor sign-in");
  const entries = await withDb(
    async (db) =>
      (
        await db.query(
          "select actor_id from public.audit_log where org_id = $1 and action = 'org_member.mfa_reset' and resource_id = $2",
          [org, `${org}:${member.id}`],
        )
      ).rows,
  );
  expect(entries).toEqual([{ actor_id: admin.id }]);
});
