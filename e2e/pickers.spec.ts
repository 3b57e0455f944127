import { expect, test } from "@playwright/test";
import pg from "pg";
import { openAsStaff } from "./support/session";
import { pickOption } from "./support/pickers";

// Acme (seed) gets partners named after the seed's, so the one made here sorts past the first thousand.
const ACME = "00000000-0000-4000-8000-00000000ac01";
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function insertPartner(name: string): Promise<string> {
  const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
  await db.connect();
  try {
    const { rows } = await db.query(
      "insert into public.partners (org_id, name, status) values ($1, $2, 'active') returning id",
      [ACME, name],
    );
    return rows[0].id as string;
  } finally {
    await db.end();
  }
}

test("Invite someone on a partner's Portal access card arrives with that partner chosen", async ({ page }) => {
  const name = unique("Zz Picker Co");
  const partnerId = await insertPartner(name);
  await openAsStaff(page, "admin@acme.test", `/admin/partners/${partnerId}/overview`);
  await page.locator('[aria-label="Portal access"]').getByRole("link", { name: "Invite someone" }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${partnerId}`));
  const form = page.getByRole("form", { name: "Invite a partner user" });
  await expect(form.getByLabel("Partner")).toHaveValue(name);
  await expect(page.getByRole("form", { name: "Filter partner users" }).getByLabel("Partner")).toHaveValue(name);
});

test("the audit partner filter finds a partner by typing and keeps it chosen after filtering", async ({ page }) => {
  const name = unique("Zz Audit Co");
  const partnerId = await insertPartner(name);
  await openAsStaff(page, "admin@acme.test", "/admin/audit");
  const filters = page.getByRole("form", { name: "Filter audit entries" });
  const partnerFilter = filters.getByLabel("Partner", { exact: true });
  await partnerFilter.fill("Zz Audit");
  await expect(page.getByRole("option").filter({ hasText: name })).toBeVisible();
  await page.screenshot({ path: "test-results/audit-partner-picker-1440.png" });
  await pickOption(partnerFilter, name);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`partner=${partnerId}`));
  await expect(filters.getByLabel("Partner", { exact: true })).toHaveValue(name);
  // Its creation is in the log; nothing of another partner is.
  await expect(page.getByTestId("audit-entry").first()).toContainText(name);
});

test("an audit page past the last is empty and offers a way back", async ({ page }) => {
  await openAsStaff(page, "admin@acme.test", "/admin/audit?page=999");
  await expect(page.getByText("There is no page 999")).toBeVisible();
  await page.getByRole("link", { name: /Go to the (last|first) page/ }).click();
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the invitation's partner picker searches and fits the screen", async ({ page }) => {
    const name = unique("Zz Phone Picker");
    await insertPartner(name);
    await openAsStaff(page, "admin@acme.test", "/admin/partner-users");
    const form = page.getByRole("form", { name: "Invite a partner user" });
    await form.getByLabel("Partner").fill("Zz Phone");
    await expect(page.getByRole("option").filter({ hasText: name })).toBeVisible();
    await page.screenshot({ path: "test-results/invite-partner-picker-375.png" });
    await page.getByRole("option").filter({ hasText: name }).click();
    await expect(form.getByLabel("Partner")).toHaveValue(name);
  });
});
