import { expect, test } from "@playwright/test";
import { sql } from "../tests/support/db";
import { signInAsPartner, signInAsStaff } from "./support/auth";
import { ACME, createPartner, createPartnerUser, grant } from "./support/people";

/** Lists that used to stop at a fixed number: past it, a pager with the count and the rest a click away. */

test("a partner's commissions in the workspace page past 50, the oldest on page 2", async ({ page }) => {
  const partner = await createPartner("Paged Commissions");
  await sql(
    `insert into public.partner_commissions (org_id, partner_id, amount, currency, status, earned_at)
     select $1, $2, n, 'USD', 'pending', now() - make_interval(days => n) from generate_series(1, 55) as n`,
    [ACME, partner.id],
  );
  await signInAsStaff(page, "manager@acme.test", `/admin/partners/${partner.id}/referrals`);
  const pager = page.getByRole("navigation", { name: "Commission pages" });
  await expect(pager).toContainText("55 commissions · page 1 of 2");
  await expect(page.getByTestId("commission-row")).toHaveCount(50);
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/commissions=2/);
  await expect(pager).toContainText("page 2 of 2");
  await expect(page.getByTestId("commission-row")).toHaveCount(5);
});

test("the portal's referrals across accounts page past the old 200, filters kept", async ({ page }) => {
  const first = await createPartner("Across One");
  const second = await createPartner("Across Two");
  await sql(
    `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, referred_at)
     select $1, case when n % 2 = 0 then $2::uuid else $3::uuid end, 'Across ' || lpad(n::text, 3, '0'),
            'a' || n || '@example.test', 'submitted', now() - make_interval(hours => n)
     from generate_series(1, 230) as n`,
    [ACME, first.id, second.id],
  );
  const user = await createPartnerUser("Across");
  await grant(user.id, first.id);
  await grant(user.id, second.id);
  await signInAsPartner(page, user.email);
  await page.goto("/portal/all?status=submitted");
  const pager = page.getByRole("navigation", { name: "Referral pages" });
  await expect(pager).toContainText("230 referrals · page 1 of 5");
  await page.goto("/portal/all?status=submitted&page=5");
  await expect(pager).toContainText("page 5 of 5");
  // The oldest, past where the list used to stop.
  await expect(page.getByText("Across 230", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Across 001", { exact: true })).toHaveCount(0);
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/status=submitted/);
  await expect(pager).toContainText("page 4 of 5");
});
