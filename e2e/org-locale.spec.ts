import { expect, test, type Page } from "@playwright/test";
import { signInAsPartner } from "./support/auth";
import { openAsStaff } from "./support/session";
import { createAccount, unique, withDb } from "./support/people";

// Globex (supabase/seed.sql) works in EUR on Berlin's clock, so its locale is de-DE.
const GLOBEX = "00000000-0000-4000-8000-00000000b101";

// Intl writes a no-break space between the amount and the sign; people read a space.
const money = (text: string) => new RegExp(text.replace(/[.]/g, "\\.").replace(/ /g, "[\\s\\u00a0\\u202f]"));

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** A Globex partner with one referral and one commission of 1,234.50 €, on the 4th of March 2026 in Berlin. */
async function berlinPartner(): Promise<{ id: string; name: string }> {
  const name = unique("Berliner");
  return withDb(async (db) => {
    const id = (
      await db.query(
        "insert into public.partners (org_id, name, status, commission_rate) values ($1, $2, 'active', 12.5) returning id",
        [GLOBEX, name],
      )
    ).rows[0].id as string;
    await db.query(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value, referred_at)
       values ($1, $2, 'Kunde GmbH', 'kunde@example.test', 'submitted', 1234.50, '2026-03-04T10:00:00Z')`,
      [GLOBEX, id],
    );
    await db.query(
      `insert into public.partner_commissions (org_id, partner_id, amount, currency, status, earned_at)
       values ($1, $2, 1234.50, 'EUR', 'pending', '2026-03-04T10:00:00Z')`,
      [GLOBEX, id],
    );
    return { id, name };
  });
}

test("a de-DE org reads its money and dates the German way in the directory and the workspace, with no console error", async ({
  page,
}) => {
  const partner = await berlinPartner();
  const errors = collectErrors(page);
  await openAsStaff(page, "admin@globex.test", `/admin/partners?q=${encodeURIComponent(partner.name)}`);
  const grid = page.getByRole("grid", { name: "Partners" });
  await expect(grid).toContainText(partner.name);
  // The grid's dates (created, updated) are today on Berlin's calendar, written dd.mm.yyyy.
  const today = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(new Date());
  await expect(grid).toContainText(today);
  await expect(page.getByTestId("metric-Pipeline value")).toContainText("€");
  await page.screenshot({ path: "test-results/org-locale-directory-1440.png", fullPage: true });

  await page.goto(`/admin/partners/${partner.id}/referrals`);
  const main = page.getByRole("main");
  await expect(main).toContainText(money("1.234,50 €"));
  await expect(main).toContainText("04.03.2026");
  await expect(page.getByTestId("commission-owed")).toHaveText(money("1.234,50 €"));
  await page.screenshot({ path: "test-results/org-locale-referrals-1440.png", fullPage: true });

  await page.goto(`/admin/partners/${partner.id}/overview`);
  await expect(page.getByRole("main")).toContainText(money("1.234,50 €"));
  await page.goto(`/admin/partners/${partner.id}/activity`);
  await expect(page.getByTestId("timeline")).toContainText(money("1.234,50 €"));
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("a de-DE partner user reads the portal's money and dates the German way (375 px)", async ({ page }) => {
  const partner = await berlinPartner();
  const person = await createAccount("Berta");
  await withDb(async (db) => {
    await db.query("insert into public.partner_users (id, org_id, email, name) values ($1, $2, $3, $4)", [
      person.id,
      GLOBEX,
      person.email,
      person.name,
    ]);
    await db.query(
      "insert into public.partner_access (org_id, partner_id, partner_user_id, scope) values ($1, $2, $3, '{referrals,commissions}')",
      [GLOBEX, partner.id, person.id],
    );
  });
  await page.setViewportSize({ width: 375, height: 812 });
  const errors = collectErrors(page);
  await signInAsPartner(page, person.email);

  await page.goto(`/portal/accounts/${partner.id}`);
  await expect(page.getByRole("main")).toContainText(money("1.234,50 €"));
  await page.goto(`/portal/accounts/${partner.id}/referrals`);
  await expect(page.getByRole("main")).toContainText(money("1.234,50 €"));
  await expect(page.getByRole("main")).toContainText("04.03.2026");
  await page.goto(`/portal/accounts/${partner.id}/commissions`);
  await expect(page.getByRole("main")).toContainText("März 2026");
  await expect(page.getByRole("main")).toContainText("04.03.2026");
  await page.screenshot({ path: "test-results/org-locale-portal-375.png", fullPage: true });
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
