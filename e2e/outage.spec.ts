import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/auth";
import { openAsStaff } from "./support/session";
import { pausePostgrest, resumePostgrest } from "./support/postgrest";

/**
 * With PostgREST unreachable, a page says so and keeps trying, an action answers the same
 * sentence (not a sign-in message), and the session cookie survives; once PostgREST is back
 * the page shows its data again by itself.
 */
const OUTAGE = "Partnerdesk can't reach its database right now. This page will try again in a few seconds.";

test("an outage of PostgREST shows a self-retrying state and keeps the session", async ({ page, context }) => {
  test.setTimeout(120_000);
  await openAsStaff(page, "member@acme.test", "/admin/partners", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Partners" })).toBeVisible();
  const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name.startsWith("sb-"))?.value;
  const before = await sessionCookie();
  expect(before).toBeTruthy();

  pausePostgrest();
  try {
    await page.reload();
    await expect(page.getByText(OUTAGE)).toBeVisible({ timeout: 45_000 });
    await expect(page).toHaveURL(/\/admin\/partners/);
    expect(await sessionCookie()).toBeTruthy();
  } finally {
    resumePostgrest();
  }
  const resumed = Date.now();
  await expect(page.getByRole("heading", { name: "Partners" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(OUTAGE)).toHaveCount(0);
  console.log(`page showed data again ${((Date.now() - resumed) / 1000).toFixed(1)} s after PostgREST resumed`);
  expect(await sessionCookie()).toBeTruthy();
});
