import { expect, test } from "@playwright/test";
import { sql } from "../tests/support/db";
import { openAsPartner, openAsStaff } from "./support/session";
import { ACME, createPartner, createPartnerUser, grant } from "./support/people";

/** Lists past their page size: a pager with the count, and the oldest row one click away. */
const SEEDED = 60;

test("the portal's referrals page past 50, with the count and the oldest on page 2", async ({ page }) => {
  const partner = await createPartner("Paged Portal");
  await sql(
    `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, referred_at)
     select $1, $2, 'Client ' || lpad(n::text, 3, '0'), 'c' || n || '@example.test', 'submitted', now() - make_interval(days => n)
     from generate_series(1, ${SEEDED}) as n`,
    [ACME, partner.id],
  );
  const user = await createPartnerUser("Pager");
  await grant(user.id, partner.id);
  await openAsPartner(page, user.email);
  await page.goto(`/portal/accounts/${partner.id}/referrals`);
  const pager = page.getByRole("navigation", { name: "Referral pages" });
  await expect(pager).toContainText(`${SEEDED} referrals · page 1 of 2`);
  await expect(page.getByRole("cell", { name: "Client 001" })).toBeVisible();
  await expect(page.getByRole("cell", { name: `Client 0${SEEDED}` })).toHaveCount(0);
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(pager).toContainText("page 2 of 2");
  await expect(page.getByRole("cell", { name: `Client 0${SEEDED}` })).toBeVisible();

  await page.goto(`/portal/accounts/${partner.id}/referrals?page=9`);
  await expect(page.getByText("There is no page 9")).toBeVisible();
  await page.getByRole("link", { name: "Go to the last page (2)" }).click();
  await expect(page.getByRole("cell", { name: `Client 0${SEEDED}` })).toBeVisible();
});

test("a partner's documents in the workspace page by 50", async ({ page }) => {
  const partner = await createPartner("Paged Docs");
  await sql(
    `insert into public.partner_documents (org_id, partner_id, title, url, visibility)
     select $1, $2, 'Playbook ' || lpad(n::text, 3, '0'), 'https://www.notion.so/p-' || n, 'internal'
     from generate_series(1, ${SEEDED}) as n`,
    [ACME, partner.id],
  );
  await openAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/docs`);
  await expect(page.getByText(`${SEEDED} documents · shared ones`)).toBeVisible();
  await expect(page.getByTestId("document-row")).toHaveCount(50);
  const pager = page.getByRole("navigation", { name: "Document pages" });
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("document-row")).toHaveCount(SEEDED - 50);
  await expect(pager).toContainText("page 2 of 2");
});

test("a commission links to a won referral found by typing, past any list", async ({ page }) => {
  const partner = await createPartner("Won Many");
  await sql(
    `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, actual_value, referred_at, closed_at)
     select $1, $2, 'Winner ' || lpad(n::text, 3, '0'), 'w' || n || '@example.test', 'won', 100,
            now() - make_interval(days => n + 1), now() - make_interval(days => n)
     from generate_series(1, 120) as n`,
    [ACME, partner.id],
  );
  await openAsStaff(page, "manager@acme.test", `/admin/partners/${partner.id}/referrals`);
  await page.getByRole("button", { name: "Record commission" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Amount/).fill("250");
  const referral = dialog.getByLabel("Referral");
  await referral.click();
  await referral.fill("Winner 120");
  await page.getByRole("option", { name: /Winner 120/ }).click();
  await dialog.getByRole("button", { name: "Record commission" }).click();
  await expect(page.getByText("Commission recorded")).toBeVisible();
  const [row] = await sql<{ client_name: string }>(
    `select r.client_name from public.partner_commissions c join public.partner_referrals r on r.id = c.referral_id
     where c.partner_id = $1`,
    [partner.id],
  );
  expect(row?.client_name).toBe("Winner 120");
});
