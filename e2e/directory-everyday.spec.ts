import { expect, test, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { openAsStaff } from "./support/session";

const ACME = "00000000-0000-4000-8000-00000000ac01";
const grid = (page: Page) => page.getByRole("grid", { name: "Partners" });
const dataRows = (page: Page) => grid(page).locator('[role="row"][aria-rowindex]');
const prefix = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function insertPartner(name: string, values: { tier?: string; status?: string; archived?: boolean } = {}) {
  const [row] = await sql<{ id: string }>(
    `insert into public.partners (org_id, name, status, tier, archived_at)
     values ($1, $2, $3, $4, case when $5 then now() end) returning id`,
    [ACME, name, values.status ?? "active", values.tier ?? "registered", values.archived ?? false],
  );
  return row!.id;
}

test("tier sorts in program order, lowest first, and back", async ({ page }) => {
  const label = prefix("Order");
  for (const tier of ["gold", "platinum", "registered", "silver"]) await insertPartner(`${label} ${tier}`, { tier });
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(label)}&sort=tier`);
  await expect(dataRows(page)).toHaveCount(4);
  await expect(dataRows(page).locator('[data-column="tier"]')).toHaveText(["Registered", "Silver", "Gold", "Platinum"]);
  await page.goto(`/admin/partners?q=${encodeURIComponent(label)}&sort=-tier`);
  await expect(dataRows(page).locator('[data-column="tier"]')).toHaveText(["Platinum", "Gold", "Silver", "Registered"]);
});

test("archived partners are marked, and can be restored in bulk and from the workspace", async ({ page }) => {
  const label = prefix("Restore");
  const first = await insertPartner(`${label} one`, { archived: true });
  const second = await insertPartner(`${label} two`, { archived: true });
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(label)}`);
  await expect(page.getByText("No partners match")).toBeVisible();

  await page.goto(`/admin/partners?q=${encodeURIComponent(label)}&archived=true`);
  await expect(dataRows(page)).toHaveCount(2);
  await expect(dataRows(page).first().getByText("Archived")).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${label} one` }).click();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Restore" }).click();
  await page.getByRole("button", { name: "Restore 1 partner" }).click();
  await expect(page.getByText("1 partner changed")).toBeVisible();
  await expect
    .poll(async () => (await sql("select archived_at from public.partners where id = $1", [first]))[0]!.archived_at)
    .toBeNull();

  await page.goto(`/admin/partners/${second}/overview`);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Restored: the partner is back in the directory.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(0);
  expect((await sql("select archived_at from public.partners where id = $1", [second]))[0]!.archived_at).toBeNull();
});

test("a viewer cannot restore: the workspace offers no button", async ({ page }) => {
  const id = await insertPartner(prefix("Viewer archived"), { archived: true });
  await openAsStaff(page, "viewer@acme.test", `/admin/partners/${id}/overview`);
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(0);
});

test("the name is a link into the workspace; F2 on it still edits", async ({ page }) => {
  const name = prefix("Link Co");
  const id = await insertPartner(name);
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(name)}`);
  await expect(dataRows(page)).toHaveCount(1);
  const cell = dataRows(page).first().locator('[data-column="name"]');
  await cell.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press("F2");
  const editor = page.getByRole("textbox", { name: `Name of ${name}` });
  await expect(editor).toBeVisible();
  await page.keyboard.press("Escape");
  await cell.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/partners/${id}/overview`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the card list has a sort control that sorts in program order", async ({ page }) => {
    const label = prefix("Phone order");
    for (const tier of ["platinum", "registered", "gold"]) await insertPartner(`${label} ${tier}`, { tier });
    await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(label)}`);
    await page.getByRole("combobox", { name: "Sort partners" }).selectOption("-tier");
    await expect(page).toHaveURL(/sort=-tier/);
    const names = page.getByRole("list", { name: "Partners" }).locator("li span.block.font-medium");
    await expect(names).toHaveText([`${label} platinum`, `${label} gold`, `${label} registered`]);
    await page.screenshot({ path: "test-results/directory-phone-sort-375.png" });
  });
});

test("an inline edit's error shows above the next row, where it can be read", async ({ page }) => {
  const label = prefix("Error Co");
  await insertPartner(`${label} a`);
  await insertPartner(`${label} b`);
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(label)}&sort=name`);
  await expect(dataRows(page)).toHaveCount(2);
  await dataRows(page)
    .first()
    .locator('[data-column="name"]')
    .click({ position: { x: 4, y: 4 } });
  await page.keyboard.press("F2");
  const editor = page.getByRole("textbox", { name: `Name of ${label} a` });
  await editor.fill("");
  await editor.press("Enter");
  const alert = grid(page).getByRole("alert");
  await expect(alert).toHaveText("Name is required");
  // What is drawn at the message's centre is the message, not the row below.
  const topmost = await alert.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return element.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
  expect(topmost).toBe(true);
});
