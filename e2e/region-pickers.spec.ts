import { expect, test } from "@playwright/test";
import { sql } from "../tests/support/db";
import { signInAsStaff } from "./support/auth";
import { ACME, unique } from "./support/people";

/**
 * The region filters search the org's regions on the server: the page used to read the
 * distinct regions once and list the first 40, so an org with more could not filter for
 * the rest. 45 new regions, A to Z after every seeded one, put the last far past that.
 */
async function seedRegions(): Promise<{ prefix: string; last: { region: string; name: string } }> {
  const prefix = unique("Zz Region");
  const rows = await sql<{ region: string; name: string }>(
    `insert into public.partners (org_id, name, status, region)
     select $1, $2 || ' Partner ' || lpad(n::text, 2, '0'), 'active', $2 || ' ' || lpad(n::text, 2, '0')
       from generate_series(1, 45) as n
     returning region, name`,
    [ACME, prefix],
  );
  return { prefix, last: rows.find((row) => row.region.endsWith(" 45"))! };
}

test("the directory's region filter reaches a region past the first 40 and keeps it in the URL", async ({ page }) => {
  const { prefix, last } = await seedRegions();
  await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
  const filter = page.getByRole("search", { name: "Filter partners" }).getByLabel("Region", { exact: true });
  // 45 regions match the prefix: the first 20 show, and the picker says typing narrows them.
  await filter.fill(prefix);
  await expect(page.getByRole("option").filter({ hasText: prefix })).toHaveCount(20);
  await expect(
    page.getByRole("status").filter({ hasText: "The first 20 matches. Type more to narrow them." }),
  ).toBeVisible();
  await page.screenshot({ path: `test-results/region-filter-picker-${page.viewportSize()!.width}.png` });
  await filter.fill(`${prefix} 4`);
  // Control: the search answers with every region containing the term, not a fixed first few.
  await expect(page.getByRole("option").filter({ hasText: prefix })).toHaveCount(6);
  await page.getByRole("option", { name: last.region }).click();
  await expect(page).toHaveURL(new RegExp(`region=${encodeURIComponent(last.region).replace(/%20/g, "(\\+|%20)")}`));
  const grid = page.getByRole("grid", { name: "Partners" });
  await expect(grid).toContainText(last.name);
  await expect(grid).toHaveAttribute("aria-rowcount", "1");

  await page.reload();
  await expect(filter).toHaveValue(last.region);
  await filter.click();
  await page.getByRole("option", { name: "Any region" }).click();
  await expect(page).not.toHaveURL(/region=/);
});

test("a region no partner has says so", async ({ page }) => {
  await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
  await page
    .getByRole("search", { name: "Filter partners" })
    .getByLabel("Region", { exact: true })
    .fill("zz-nowhere-x");
  await expect(page.getByRole("status").filter({ hasText: "No regions match" })).toBeVisible();
});

test("the dashboard's region filter applies a region past the first 40", async ({ page }) => {
  const { last } = await seedRegions();
  await signInAsStaff(page, "manager@acme.test", "/admin");
  const form = page.getByRole("form", { name: "Dashboard filters" });
  await form.getByLabel("Region", { exact: true }).fill(last.region);
  await page.getByRole("option", { name: last.region }).click();
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/region=/);
  expect(new URL(page.url()).searchParams.get("region")).toBe(last.region);
  await expect(form.getByLabel("Region", { exact: true })).toHaveValue(last.region);
});

test("the region editor in the grid suggests the org's regions from the server", async ({ page }) => {
  const { prefix, last } = await seedRegions();
  await signInAsStaff(page, "manager@acme.test", `/admin/partners?q=${encodeURIComponent(last.name)}`);
  const cell = page.locator('[role="row"][aria-rowindex="1"] [data-column="region"]');
  await cell.click();
  await page.keyboard.press("Enter");
  const editor = cell.locator("input");
  await editor.fill(`${prefix} 1`);
  // The datalist holds the server's matches for what was typed: 10 to 19.
  await expect(page.locator("#directory-regions option")).toHaveCount(10);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the region filter fits the width and picks a region", async ({ page }) => {
    const { prefix, last } = await seedRegions();
    await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
    const filter = page.getByRole("search", { name: "Filter partners" }).getByLabel("Region", { exact: true });
    await filter.fill(prefix);
    await expect(page.getByRole("option").filter({ hasText: prefix })).toHaveCount(20);
    await page.screenshot({ path: "test-results/region-filter-picker-375.png" });
    const box = await filter.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await filter.fill(last.region);
    await page.getByRole("option", { name: last.region }).click();
    await expect(page.getByText(last.name).first()).toBeVisible();
  });
});
