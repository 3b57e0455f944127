import { expect, test } from "@playwright/test";
import { clientAt } from "./security/support";
import { openAsStaff } from "./support/session";
import { createPartner, createStaffMember, withDb } from "./support/people";

const PASSWORD = "a-long-enough-password-1";

test("the audit entry for a tier change reads as a sentence, recorded at the person's own address", async ({
  browser,
  page,
}) => {
  // Two people sign in and one edit goes through a server action: on a busy machine that outlasts the default.
  test.setTimeout(120_000);
  const partner = await createPartner("Northwind Traders");
  await withDb((db) => db.query("update public.partners set tier = 'silver' where id = $1", [partner.id]));
  const maya = await createStaffMember("Maya", PASSWORD, "manager");
  const mayaName = await withDb(
    async (db) =>
      (await db.query("select display_name from public.profiles where id = $1", [maya.id])).rows[0]
        .display_name as string,
  );

  // Maya changes the tier in the app, from her own network (the test build trusts x-test-client-ip).
  const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const manager = await clientAt(browser, address);
  await openAsStaff(manager, maya.email, `/admin/partners/${partner.id}/overview`, PASSWORD);
  await manager.getByRole("combobox", { name: "Partner tier" }).selectOption("gold");
  await expect(manager.getByRole("combobox", { name: "Partner tier" })).toHaveValue("gold");
  await expect
    .poll(() =>
      withDb(
        async (db) =>
          (
            await db.query(
              "select count(*)::int as n from public.audit_log where resource_id = $1 and action = 'partner.updated' and actor_id = $2",
              [partner.id, maya.id],
            )
          ).rows[0].n as number,
      ),
    )
    .toBe(1);

  // An admin reads it as a sentence, with names and labels instead of keys and ids.
  await openAsStaff(page, "admin@acme.test", `/admin/audit?partner=${partner.id}`);
  const entry = page.getByTestId("audit-entry").filter({ hasText: mayaName });
  const sentence = `${mayaName} changed ${partner.name}'s tier from Silver to Gold`;
  await expect(entry.getByTestId("audit-sentence")).toHaveText(sentence);
  const summary = entry.locator("summary").first();
  await expect(summary).not.toContainText(partner.id);
  await expect(summary).not.toContainText("partner.updated");

  // Keyboard: the entry opens with Enter and shows before and after side by side.
  await summary.focus();
  await page.keyboard.press("Enter");
  const tier = entry.locator("tr[data-field=tier]");
  await expect(tier).toContainText("Tier");
  await expect(tier.locator("td").nth(0)).toHaveText("Silver");
  await expect(tier.locator("td").nth(1)).toHaveText("Gold");
  await expect(entry).toContainText(`from ${address}`);

  // The raw JSON stays one disclosure away, opened from the keyboard too.
  const raw = entry.getByText("Raw entry (JSON)");
  await expect(entry.locator("pre")).toBeHidden();
  await raw.focus();
  await page.keyboard.press("Enter");
  await expect(entry.locator("pre")).toContainText(`"tier": "gold"`);
  await expect(entry.locator("pre")).toContainText(partner.id);

  // The address and user agent are the person's as the app received them, not the app server's.
  const [row] = (
    await withDb((db) =>
      db.query(
        "select ip, user_agent, actor_id from public.audit_log where resource_id = $1 and action = 'partner.updated' order by created_at desc limit 1",
        [partner.id],
      ),
    )
  ).rows;
  expect(row).toEqual({
    ip: address,
    user_agent: await manager.evaluate(() => navigator.userAgent),
    actor_id: maya.id,
  });
});
