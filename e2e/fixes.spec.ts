import { expect, test, type Page } from "@playwright/test";
import { openAsStaff } from "./support/session";
import { createPartner, createPartnerUser, grant, withDb } from "./support/people";

/** Fails the test on anything the browser reports as an error, hydration mismatches included. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("the directory, a workspace, partner users and the audit log load without a console error", async ({ page }) => {
  const partner = await createPartner("Quiet Co");
  const errors = collectErrors(page);
  await openAsStaff(page, "admin@acme.test", "/admin/partners");
  await expect(page.getByRole("grid", { name: "Partners" })).toBeVisible();
  for (const path of [
    "/admin/partners?sort=-tier&size=100",
    `/admin/partners/${partner.id}/overview`,
    `/admin/partners/${partner.id}/referrals`,
    "/admin/partner-users",
    "/admin/audit",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("a de-DE org's directory, workspace, partner users and audit log load without a console error", async ({
  page,
}) => {
  // Initech belongs to Globex, which works in EUR on Berlin's clock (de-DE).
  const initech = "33333333-3333-4333-8333-000000000006";
  const errors = collectErrors(page);
  await openAsStaff(page, "admin@globex.test", "/admin/partners");
  await expect(page.getByRole("grid", { name: "Partners" })).toBeVisible();
  for (const path of [
    "/admin/partners?sort=-tier&size=100",
    `/admin/partners?preview=${initech}`,
    `/admin/partners/${initech}/overview`,
    `/admin/partners/${initech}/referrals`,
    `/admin/partners/${initech}/tasks`,
    `/admin/partners/${initech}/activity`,
    "/admin/partner-users",
    "/admin/audit",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("a malformed partner id shows the not-found page, not a failure", async ({ page }) => {
  await openAsStaff(page, "member@acme.test", "/admin/partners");
  for (const id of ["not-a-partner", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "------------------------------------"]) {
    // The workspace streams behind its loading state, so the answer is the not-found page rather than a 404 status.
    await page.goto(`/admin/partners/${id}/overview`);
    await expect(page.getByText(/Partner not found|couldn.t find that page/).first()).toBeVisible();
    await expect(page.getByText(/could not be loaded/i)).toHaveCount(0);
  }
});

test("revoking portal access asks first, and the toast undoes it", async ({ page }) => {
  const partner = await createPartner("Undo Co");
  const user = await createPartnerUser("Uma");
  const grantId = await grant(user.id, partner.id);
  const revokedAt = () =>
    withDb(
      async (db) =>
        (await db.query("select revoked_at from public.partner_access where id = $1", [grantId])).rows[0].revoked_at,
    );
  await openAsStaff(page, "manager@acme.test", `/admin/partners/${partner.id}/overview`);
  const item = page.locator('[aria-label="Portal access"]').getByTestId("grant").filter({ hasText: user.email });
  await item.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Revoke access to ${user.name}?`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await revokedAt()).toBeNull();

  await item.getByRole("button", { name: "Revoke" }).click();
  await dialog.getByRole("button", { name: "Revoke access" }).click();
  await expect(item.getByText("Revoked")).toBeVisible();
  expect(await revokedAt()).not.toBeNull();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(`Access to ${user.name} restored.`)).toBeVisible();
  await expect(item.getByText("In force")).toBeVisible();
  expect(await revokedAt()).toBeNull();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the workspace tab bar sits flush on the bottom edge", async ({ page }) => {
    const partner = await createPartner("Phone Co");
    await openAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/overview`);
    const bar = page.getByTestId("workspace-bottom-nav");
    await expect(bar).toBeVisible();
    const box = (await bar.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(740);
    await page.screenshot({ path: "test-results/workspace-phone.png" });
  });
});
