import { expect, test, type Page } from "@playwright/test";
import { openAsStaff } from "./support/session";
import { ACME, unique, withDb } from "./support/people";

// Globex (supabase/seed.sql) works in EUR on Berlin's clock (de-DE); Acme in USD in New York (en-US).
const GLOBEX = "00000000-0000-4000-8000-00000000b101";
const SPACE = "[\\s\\u00a0\\u202f]";

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function partnerWithRate(orgId: string, rate: number): Promise<string> {
  const name = unique("Rate");
  await withDb((db) =>
    db.query("insert into public.partners (org_id, name, status, commission_rate) values ($1, $2, 'active', $3)", [
      orgId,
      name,
      rate,
    ]),
  );
  return name;
}

const view = (name: string) => `/admin/partners?q=${encodeURIComponent(name)}&cols=name,commission_rate`;

test("the grid writes a commission rate as the org's locale writes a percentage", async ({ page }) => {
  const german = await partnerWithRate(GLOBEX, 12.5);
  const errors = collectErrors(page);
  await openAsStaff(page, "admin@globex.test", view(german));
  const grid = page.getByRole("grid", { name: "Partners" });
  await expect(grid).toContainText(german);
  await expect(grid).toContainText(new RegExp(`12,5${SPACE}%`));
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("an en-US org's grid keeps the rate as it reads there", async ({ page }) => {
  const american = await partnerWithRate(ACME, 7.25);
  await openAsStaff(page, "admin@acme.test", view(american));
  const grid = page.getByRole("grid", { name: "Partners" });
  await expect(grid).toContainText(american);
  await expect(grid).toContainText("7.25%");
});
