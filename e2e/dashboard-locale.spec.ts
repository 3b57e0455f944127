import { expect, test, type Page } from "@playwright/test";
import { openAsStaff } from "./support/session";
import { withDb } from "./support/people";

// Globex (supabase/seed.sql) works in EUR on Berlin's clock (de-DE); Acme in USD in New York (en-US).
const GLOBEX = "00000000-0000-4000-8000-00000000b101";
const PERIOD = "period=custom&from=2026-01-01&to=2026-06-30";
// Charts load after the page's first paint, on purpose; on a busy machine that takes a while.
const CHART_TIMEOUT = 30_000;
const SPACE = "[\\s\\u00a0\\u202f]";
const GERMAN_MONTH = /(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 2026/;

/** The axis labels the browser drew for a chart (Recharts draws them in a layer of their own). */
async function ticks(page: Page, chart: string): Promise<string> {
  const labels = page.locator(`[data-trend-chart="${chart}"] .recharts-cartesian-axis-tick-value`);
  await expect(labels.first()).toBeVisible({ timeout: CHART_TIMEOUT });
  return (await labels.allTextContents()).join(" | ");
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** A Globex partner's referral won for 1.234,50 € in March, so the period has a German amount to show. */
async function berlinWin(): Promise<void> {
  await withDb(async (db) => {
    const id = (
      await db.query(
        "insert into public.partners (org_id, name, status) values ($1, 'Dashboard Berlin ' || gen_random_uuid(), 'active') returning id",
        [GLOBEX],
      )
    ).rows[0].id as string;
    await db.query(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value, actual_value, referred_at, closed_at)
       values ($1, $2, 'Kunde GmbH', 'kunde@example.test', 'won', 1234.50, 1234.50, '2026-03-04T10:00:00Z', '2026-03-10T10:00:00Z')`,
      [GLOBEX, id],
    );
  });
}

async function openDashboard(page: Page, email: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  await openAsStaff(page, email, `/admin?${PERIOD}`);
  await expect(page.getByRole("heading", { name: "Program dashboard" })).toBeVisible();
  await expect(page.locator('[data-trend-chart="Referrals"] .recharts-cartesian-grid')).toBeVisible({
    timeout: CHART_TIMEOUT,
  });
  await page.waitForLoadState("networkidle");
}

for (const width of [1440, 375]) {
  test(`a de-DE org's dashboard writes its figures, months and ticks the German way at ${width} px`, async ({
    page,
  }) => {
    await berlinWin();
    const errors = collectErrors(page);
    await openDashboard(page, "admin@globex.test", width);
    const main = page.getByRole("main");
    await expect(main).toContainText("01.01.2026 to 30.06.2026");
    // Money tiles carry the euro after the amount, with German decimals.
    await expect(page.locator('[data-tile="won_value"] p').nth(1)).toHaveText(new RegExp(`^[\\d.]+,\\d\\d${SPACE}€$`));
    // The summary the server wrote and the axis the browser drew both name months in German.
    const summary = page.locator('[data-trend-chart="Won value and commissions"] > ul');
    await expect(summary).toContainText(GERMAN_MONTH);
    await expect(summary).toContainText(new RegExp(`Won value: [\\d.]+,\\d\\d${SPACE}€ in total`));
    expect(await ticks(page, "Referrals")).toMatch(/Jan\. 2026|Juni 2026/);
    await page.screenshot({ path: `test-results/dashboard-de-DE-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test(`an en-US org's dashboard writes its figures the American way at ${width} px`, async ({ page }) => {
    const errors = collectErrors(page);
    await openDashboard(page, "admin@acme.test", width);
    const main = page.getByRole("main");
    await expect(main).toContainText("Jan 1, 2026 to Jun 30, 2026");
    await expect(page.locator('[data-tile="won_value"] p').nth(1)).toHaveText(/^\$[\d,]+\.\d\d$/);
    await expect(page.locator('[data-trend-chart="Won value and commissions"] > ul')).toContainText(
      /Won value: \$[\d,]+\.\d\d in total, most in [A-Z][a-z]+ 2026/,
    );
    expect(await ticks(page, "Referrals")).toMatch(/Jan 2026|Jun 2026/);
    await page.screenshot({ path: `test-results/dashboard-en-US-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}
