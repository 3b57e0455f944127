import { expect, test, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { openAsPartner, openAsStaff } from "./support/session";
import { createPartner, createPartnerUser, grant } from "./support/people";

/**
 * The directory's rows come from /api/partners/directory once the first page is rendered:
 * staff only, and next and previous carry a cursor in the URL that a reload reproduces.
 */
const ACME = "00000000-0000-4000-8000-00000000ac01";
const ROUTE = "/api/partners/directory";
const grid = (page: Page) => page.getByRole("grid", { name: "Partners" });
const names = (page: Page) => grid(page).locator('[role="row"][aria-rowindex] [data-column="name"]');

// Partners of this file's own, found by a word no other test uses, so parallel tests cannot shift the pages.
const WORD = `pager${Date.now().toString(36)}`;

test.beforeAll(async () => {
  await sql(
    `insert into public.partners (org_id, name, status, tier)
     select $1, 'Pager ' || $2 || ' ' || lpad(n::text, 3, '0'), 'active', 'silver' from generate_series(1, 120) n`,
    [ACME, WORD],
  );
});

async function namesByNameOrder(offset: number, limit: number): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    "select name from public.partners where org_id = $1 and archived_at is null and name ilike $2 order by name, id offset $3 limit $4",
    [ACME, `%${WORD}%`, offset, limit],
  );
  return rows.map((row) => row.name);
}

test("the rows route refuses anonymous callers and partner users, and answers staff", async ({ page, request }) => {
  const anonymous = await request.get(`${ROUTE}?sort=name&size=50`);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error).toMatch(/sign in/i);

  const partnerUser = await createPartnerUser("rows-route");
  await grant(partnerUser.id, (await createPartner("rows-route")).id);
  await openAsPartner(page, partnerUser.email);
  const asPartner = await page.request.get(`${ROUTE}?sort=name&size=50`);
  expect(asPartner.status()).toBe(403);
  expect(JSON.stringify(await asPartner.json())).not.toContain('"rows"');

  // Control: staff get the page's rows and its count.
  await page.context().clearCookies();
  await openAsStaff(page, "viewer@acme.test", `/admin/partners?q=${WORD}&sort=name`);
  const asStaff = await page.request.get(`${ROUTE}?q=${WORD}&sort=name&size=50`);
  expect(asStaff.status()).toBe(200);
  const body = await asStaff.json();
  expect(body.rows.map((row: { name: string }) => row.name)).toEqual(await namesByNameOrder(0, 50));
  expect(body.summary).toMatchObject({ total: 120, totalIsEstimate: false });

  // A parameter the route cannot read is named, not guessed and not a 500.
  const bad = await page.request.get(`${ROUTE}?sort=tier&after=Gold,not-an-id`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/after/);
});

test("next and previous carry a cursor in the URL, fetch rows without a page render, and a reload reproduces", async ({
  page,
}) => {
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${WORD}&sort=name&size=50`);
  await expect(names(page).first()).toHaveText((await namesByNameOrder(0, 1))[0]!);
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });

  const next = page.getByRole("button", { name: "Next", exact: true });
  const previous = page.getByRole("button", { name: "Previous", exact: true });
  const fetched = page.waitForResponse((response) => response.url().includes(ROUTE) && response.ok());
  await next.click();
  // The filter is the same, so its count is held: the route is asked for the rows alone.
  const answer = await fetched;
  expect(new URL(answer.url()).searchParams.get("parts")).toBe("rows");
  expect(Object.keys(await answer.json())).toEqual(["rows"]);
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/after=/);
  const page2 = await namesByNameOrder(50, 50);
  await expect(names(page).first()).toHaveText(page2[0]!);
  await expect(grid(page).locator('[role="row"][aria-rowindex]').first()).toHaveAttribute("aria-rowindex", "51");

  await next.click();
  await expect(page).toHaveURL(/page=3/);
  const page3 = await namesByNameOrder(100, 50);
  await expect(names(page).first()).toHaveText(page3[0]!);
  await expect(page.getByText("101–120 of 120")).toBeVisible();
  expect(documents).toEqual([]);

  // The link is the view: a reload (a server render of that URL) shows the same rows.
  await page.reload();
  await expect(names(page).first()).toHaveText(page3[0]!);
  await expect(page.getByText("101–120 of 120")).toBeVisible();

  await previous.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/before=/);
  await expect(names(page).first()).toHaveText(page2[0]!);
  await page.screenshot({ path: "test-results/directory-cursor-page-1440.png" });

  await previous.click();
  await expect(page).not.toHaveURL(/page=|after=|before=/);
  await expect(names(page).first()).toHaveText((await namesByNameOrder(0, 1))[0]!);

  // Back walks the views as the URL recorded them.
  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(names(page).first()).toHaveText(page2[0]!);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the pager moves by cursor on the card list too", async ({ page }) => {
    await openAsStaff(page, "member@acme.test", `/admin/partners?q=${WORD}&sort=name&size=50`);
    // A desktop user agent gets the grid first; the cards appear once the page has hydrated
    // and measured the screen, and a click before that would land on inert markup.
    await expect(page.getByRole("list", { name: "Partners" })).toBeVisible();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByText("51–100 of 120")).toBeVisible();
    await expect(page.getByText(`Pager ${WORD} 051`, { exact: true }).filter({ visible: true })).toBeVisible();
    await expect(page.getByText("Updating…")).toHaveCount(0);
    await page.screenshot({ path: "test-results/directory-cursor-page-375.png", fullPage: true });
  });
});
