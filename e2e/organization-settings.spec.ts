import { expect, test } from "@playwright/test";
import { openAsStaff } from "./support/session";
import { addStaff, createOrg, withDb } from "./support/mfa";

const settingsOf = (orgId: string) =>
  withDb(
    async (db) =>
      (await db.query("select name, locale, currency, time_zone from public.organizations where id = $1", [orgId]))
        .rows[0] as { name: string; locale: string; currency: string; time_zone: string },
  );

test("an admin changes the org's locale, currency and time zone, with a live example and field messages", async ({
  page,
}) => {
  // An org of the test's own (EUR, Europe/Paris, so fr-FR), so no other spec sees the change.
  const orgId = await createOrg("settings");
  const admin = await addStaff(orgId, "admin", "settings-admin");
  await openAsStaff(page, admin.email, "/admin/settings/organization");
  await expect(page.getByRole("heading", { name: "Organization", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Organization", exact: true })).toBeVisible();
  const example = page.getByTestId("locale-example");
  await expect(example).toContainText(/1[\s\u00a0\u202f]234,50/);
  await page.screenshot({ path: "test-results/organization-settings-1440.png", fullPage: true });

  await page.getByLabel("Locale").selectOption("de-DE");
  await expect(example).toContainText("1.234,50");
  await page.getByLabel("Time zone").fill("Europe/Atlantis");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Choose a time zone from the list, like Europe/Berlin")).toBeVisible();

  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByLabel("Currency").selectOption("CHF");
  await page.getByLabel("Name").fill("Settings Berlin");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Organization settings saved")).toBeVisible();
  await expect
    .poll(() => settingsOf(orgId))
    .toEqual({ name: "Settings Berlin", locale: "de-DE", currency: "CHF", time_zone: "Europe/Berlin" });

  // The audit log reads the change as a sentence.
  await page.goto("/admin/audit");
  await expect(page.getByText(/changed the .*locale/).first()).toBeVisible();
});

test("a member is told who manages the organization's settings (375 px)", async ({ page }) => {
  const orgId = await createOrg("settings-member");
  const member = await addStaff(orgId, "member", "settings-member");
  await page.setViewportSize({ width: 375, height: 812 });
  await openAsStaff(page, member.email, "/admin/settings/organization");
  await expect(page.getByText("Organization settings are managed by admins")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});

test("the settings page fits a phone (375 px)", async ({ page }) => {
  const orgId = await createOrg("settings-phone");
  const admin = await addStaff(orgId, "admin", "settings-phone");
  await page.setViewportSize({ width: 375, height: 812 });
  await openAsStaff(page, admin.email, "/admin/settings/organization");
  await expect(page.getByTestId("locale-example")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/organization-settings-375.png", fullPage: true });
});
