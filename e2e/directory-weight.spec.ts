import { expect, test, type Page } from "@playwright/test";
import { signInAsStaff } from "./support/auth";

/*
 * The directory's first render carries each row once: as data for the grid, which the client
 * draws, or (for a phone) as a screenful of cards. A hundred rows stay under 100 KB of HTML,
 * and the layout the server guessed is corrected by the client without a hydration warning.
 */

const VIEW = "/admin/partners?sort=name&size=100";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /hydrat/i.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const cardsIn = (html: string) => (html.match(/class="partner-card"/g) ?? []).length;
const gridRowsIn = (html: string) => (html.match(/role="row" aria-rowindex=/g) ?? []).length;

test("100 rows weigh under 100 KB, on a desktop and on a phone, each with one layout", async ({ page }) => {
  await signInAsStaff(page, "member@acme.test", VIEW);
  await expect(page.getByRole("grid", { name: "Partners" })).toHaveAttribute("aria-rowcount", /^\d{3,}$/);

  const desktop = await page.request.get(VIEW);
  const desktopHtml = await desktop.text();
  expect(Buffer.byteLength(desktopHtml)).toBeLessThan(100 * 1024);
  expect(desktopHtml).toContain('role="grid"');
  expect(cardsIn(desktopHtml)).toBe(0);

  const phone = await page.request.get(VIEW, { headers: { "user-agent": IPHONE } });
  const phoneHtml = await phone.text();
  expect(Buffer.byteLength(phoneHtml)).toBeLessThan(100 * 1024);
  expect(cardsIn(phoneHtml)).toBeGreaterThan(0);
  expect(cardsIn(phoneHtml)).toBeLessThanOrEqual(20);
  expect(gridRowsIn(phoneHtml)).toBe(0);
  expect(phoneHtml).not.toContain('role="grid"');
});

test("a desktop first render on a phone's screen turns into all the cards, without a hydration warning", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const errors = collectErrors(page);
  await signInAsStaff(page, "member@acme.test", VIEW);
  const cards = page.getByRole("list", { name: "Partners" }).getByRole("listitem");
  await expect(cards).toHaveCount(100);
  await expect(page.getByRole("grid", { name: "Partners" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/directory-weight-375.png" });
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test.describe("with a phone's user agent", () => {
  test.use({ userAgent: IPHONE, viewport: { width: 1440, height: 900 } });

  test("a phone first render on a wide screen turns into the grid, without a hydration warning", async ({ page }) => {
    const errors = collectErrors(page);
    await signInAsStaff(page, "member@acme.test", VIEW);
    const grid = page.getByRole("grid", { name: "Partners" });
    await expect(grid.locator('[role="row"][aria-rowindex]').first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Partners" })).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});

test("the preview shows the website and external id the grid's rows leave out", async ({ page }) => {
  await signInAsStaff(page, "member@acme.test", "/admin/partners?q=Northwind%20Traders");
  await page.getByRole("button", { name: "Preview Northwind Traders", exact: true }).click();
  const preview = page.getByRole("complementary", { name: "Preview of Northwind Traders" });
  await expect(preview.getByRole("link", { name: "northwind.test" })).toBeVisible();
  await expect(preview).toContainText("ACME-NORTHWIND");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/directory-weight-preview-1440.png" });
});

test("the rows route reads with the token's claims and still refuses a visitor without a session", async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/partners/directory?sort=name&size=50");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "Your session has ended. Sign in again." });
  await anonymous.dispose();

  await signInAsStaff(page, "member@acme.test");
  const allowed = await page.request.get("/api/partners/directory?sort=name&size=50");
  expect(allowed.status()).toBe(200);
  expect(((await allowed.json()) as { rows: unknown[] }).rows).toHaveLength(50);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(VIEW);
  await expect(
    page.getByRole("grid", { name: "Partners" }).locator('[role="row"][aria-rowindex]').first(),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/directory-weight-1440.png" });
});
