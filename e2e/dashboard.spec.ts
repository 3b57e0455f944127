import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { openAsPartner, openAsStaff } from "./support/session";
import { ACME, createPartnerUser, grant, unique, withDb } from "./support/people";

// A closed period in the past: rows other tests add now cannot change its figures.
const PERIOD = "period=custom&from=2026-01-01&to=2026-06-30";
const TZ = "America/New_York"; // Acme's time zone (supabase/seed.sql)
// Charts load after the page's first paint, on purpose; on a busy machine that takes a while.
const CHART_TIMEOUT = 30_000;

/** docs/metrics.md's tile sentences in plain SQL over Acme's rows. */
async function expectedTiles(tier?: string): Promise<Record<string, number>> {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `with b as (select ('2026-01-01'::timestamp at time zone $2) as t0, ('2026-07-01'::timestamp at time zone $2) as t1),
            p as (select id from public.partners where org_id = $1 and ($3::text is null or tier = $3))
       select
         (select count(*) from public.partner_referrals r, b where r.partner_id in (select id from p) and r.referred_at >= b.t0 and r.referred_at < b.t1) as new_referrals,
         (select coalesce(sum(estimated_value), 0) from public.partner_referrals r, b
           where r.partner_id in (select id from p) and r.referred_at < b.t1 and (r.closed_at is null or r.closed_at >= b.t1)) as pipeline_value,
         (select coalesce(sum(actual_value), 0) from public.partner_referrals r, b
           where r.partner_id in (select id from p) and r.status = 'won' and r.closed_at >= b.t0 and r.closed_at < b.t1) as won_value,
         (select coalesce(sum(amount), 0) from public.partner_commissions c, b
           where c.partner_id in (select id from p) and c.status <> 'void' and c.earned_at >= b.t0 and c.earned_at < b.t1) as commission_earned,
         (select coalesce(sum(amount), 0) from public.partner_commissions c, b
           where c.partner_id in (select id from p) and c.paid_at >= b.t0 and c.paid_at < b.t1) as commission_paid,
         (select coalesce(sum(amount), 0) from public.partner_commissions c, b
           where c.partner_id in (select id from p) and c.earned_at < b.t1
             and (c.paid_at is null or c.paid_at >= b.t1) and (c.voided_at is null or c.voided_at >= b.t1)) as commission_owed`,
      [ACME, TZ, tier ?? null],
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]));
  });
}

async function tileValues(page: Page): Promise<Record<string, number>> {
  const tiles = page.locator("[data-tile]");
  const out: Record<string, number> = {};
  for (const tile of await tiles.all()) {
    out[(await tile.getAttribute("data-tile"))!] = Number(await tile.getAttribute("data-value"));
  }
  return out;
}

async function chartTexts(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const chart of await page.locator("[data-chart]").all()) {
    out[(await chart.getAttribute("data-chart"))!] = await chart.locator("table").innerText();
  }
  return out;
}

test("the dashboard's tiles for a fixed period equal the SQL sums, and a filter changes every chart and the URL", async ({
  page,
}) => {
  await openAsStaff(page, "admin@acme.test", `/admin?${PERIOD}`);
  await expect(page.getByRole("heading", { name: "Program dashboard" })).toBeVisible();
  expect(await tileValues(page)).toMatchObject(await expectedTiles());

  const before = await chartTexts(page);
  await page.getByRole("combobox", { name: "Tier" }).selectOption("platinum");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]tier=platinum/);
  await expect(page).toHaveURL(/from=2026-01-01/);
  expect(await tileValues(page)).toMatchObject(await expectedTiles("platinum"));
  const after = await chartTexts(page);
  for (const id of ["trend", "funnel", "service-levels", "top-won", "top-referrals"]) {
    expect(after[id], `${id} changes with the tier filter`).not.toEqual(before[id]);
  }
});

test("a chart's CSV holds the rows of its table", async ({ page }) => {
  await openAsStaff(page, "viewer@acme.test", `/admin?${PERIOD}`);
  const trend = page.locator('[data-chart="trend"]');
  const href = await trend.getByRole("link", { name: /CSV/ }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;

  const headers = await trend.locator("thead th").allInnerTexts();
  expect(Object.keys(csv[0]!)).toEqual(headers);
  const rows = await trend.locator("tbody tr").all();
  expect(csv).toHaveLength(rows.length);
  expect(rows.length).toBe(6); // January to June
  const plain = (text: string) => Number(text.replace(/[$,]/g, ""));
  for (const [index, row] of rows.entries()) {
    const cells = await row.locator("th, td").allInnerTexts();
    const line = csv[index]!;
    expect(
      new Date(`${line.Period}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" }),
    ).toBe(cells[0]);
    headers.slice(1).forEach((header, column) => expect(Number(line[header])).toBe(plain(cells[column + 1]!)));
  }
});

test("the workspace overview shows the partner's monthly trend, month by month as in SQL", async ({ page }) => {
  const partnerId = "33333333-3333-4333-8333-000000000004"; // Contoso Services (seeded)
  await openAsStaff(page, "viewer@acme.test", `/admin/partners/${partnerId}/overview`);
  const trend = page.locator('[data-chart="partner-trend"]');
  await expect(trend.getByRole("columnheader", { name: "Commission earned" })).toBeVisible({ timeout: CHART_TIMEOUT });
  const rows = await trend.locator("tbody tr").all();
  expect(rows).toHaveLength(12);
  const expected = await withDb(async (db) => {
    const { rows: months } = await db.query<{ month: string; referrals: string }>(
      `select to_char(g, 'YYYY-MM-DD') as month,
              (select count(*) from public.partner_referrals r
                where r.partner_id = $1 and r.referred_at >= g::timestamp at time zone $2
                  and r.referred_at < (g + interval '1 month')::timestamp at time zone $2) as referrals
         from generate_series(date_trunc('month', (now() at time zone $2)) - interval '11 months',
                              date_trunc('month', (now() at time zone $2)), interval '1 month') g`,
      [partnerId, TZ],
    );
    return months;
  });
  // past months only: other tests may add a referral to this month while this one runs
  for (const [index, row] of rows.slice(0, 11).entries()) {
    const cells = await row.locator("th, td").allInnerTexts();
    expect(Number(cells[1]), expected[index]!.month).toBe(Number(expected[index]!.referrals));
  }
});

test("a partner user sees a referrals trend, and a commission chart only with the commissions scope", async ({
  page,
}) => {
  const partnerId = "33333333-3333-4333-8333-000000000004"; // Contoso Services (seeded)
  const user = await createPartnerUser(unique("trend"));
  await grant(user.id, partnerId); // referrals only
  await openAsPartner(page, user.email);
  await page.goto(`/portal/accounts/${partnerId}`);
  const trend = page.locator('[data-chart="partner-trend"]');
  await expect(trend.getByRole("columnheader", { name: "Referrals" })).toBeVisible();
  await expect(trend.locator('[data-trend-chart="Referrals by month"]')).toBeVisible();
  await expect(trend.locator('[data-trend-chart="Commission by month"]')).toHaveCount(0);
  await expect(trend.getByRole("columnheader", { name: "Commission earned" })).toHaveCount(0);

  // the control: the same account with the commissions scope shows it
  await withDb((db) =>
    db.query("update public.partner_access set scope = '{referrals,commissions}' where partner_user_id = $1", [
      user.id,
    ]),
  );
  await page.reload();
  await expect(trend.locator('[data-trend-chart="Commission by month"]')).toBeVisible();
  await expect(trend.getByRole("columnheader", { name: "Commission earned" })).toBeVisible();
});

for (const [label, width, height] of [
  ["1440", 1440, 900],
  ["375", 375, 812],
] as const) {
  test(`screenshots of the dashboard and a portal account at ${label} px`, async ({ browser }) => {
    // two sign-ins and two pages of lazily loaded charts
    test.setTimeout(120_000);
    const staff = await browser.newPage({ viewport: { width, height } });
    await openAsStaff(staff, "admin@acme.test", "/admin");
    await expect(staff.locator('[data-trend-chart="Referrals"] .recharts-cartesian-grid')).toBeVisible({
      timeout: CHART_TIMEOUT,
    });
    await staff.screenshot({ path: `test-results/screens/dashboard-${label}.png`, fullPage: true });
    await staff.close();
    const partner = await browser.newPage({ viewport: { width, height } });
    await openAsPartner(partner, "pat@northwind.test");
    await partner.goto("/portal/accounts/33333333-3333-4333-8333-000000000001");
    await expect(partner.locator('[data-trend-chart="Commission by month"] .recharts-cartesian-grid')).toBeVisible({
      timeout: CHART_TIMEOUT,
    });
    await partner.screenshot({ path: `test-results/screens/portal-account-${label}.png`, fullPage: true });
    await partner.close();
  });
}
