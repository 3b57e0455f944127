import { expect, test, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "./support/auth";
import { openAsStaff } from "./support/session";

const ACME = "00000000-0000-4000-8000-00000000ac01";
const grid = (page: Page) => page.getByRole("grid", { name: "Partners" });
const dataRows = (page: Page) => grid(page).locator('[role="row"][aria-rowindex]');
const prefix = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const viewOf = (name: string) => `/admin/partners?q=${encodeURIComponent(name)}&cols=name,status,tags`;

async function insertPartner(name: string, tags: string[]) {
  const [row] = await sql<{ id: string }>(
    "insert into public.partners (org_id, name, status, tier, tags) values ($1, $2, 'active', 'registered', $3) returning id",
    [ACME, name, tags],
  );
  return row!.id;
}

/** A member of Acme for this test alone, so demoting them touches nobody else. */
async function createMember() {
  const id = randomUUID();
  const email = `tags-${id.slice(0, 8)}@acme.test`;
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       confirmation_token, recovery_token, email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf')), now(), '', '', '', '',
       '{"provider": "email", "providers": ["email"]}', '{"display_name": "Tags Tester"}', now(), now())`,
    [id, email, DEMO_PASSWORD],
  );
  await sql(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::uuid, $1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true), 'email', now(), now())`,
    [id, email],
  );
  await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member')", [ACME, id]);
  return { id, email };
}

const storedTags = async (id: string) =>
  (await sql<{ tags: string[] }>("select tags from public.partners where id = $1", [id]))[0]!.tags;

test("tags are edited in the grid: comma and Enter add, Backspace removes, the change survives a reload", async ({
  page,
}) => {
  const name = prefix("Tagged Co");
  const id = await insertPartner(name, ["emea", "legacy"]);
  await openAsStaff(page, "member@acme.test", viewOf(name));
  await expect(dataRows(page)).toHaveCount(1);
  const tagsCell = dataRows(page).first().locator('[data-column="tags"]');
  await expect(tagsCell).toHaveText("emealegacy");

  await tagsCell.dblclick();
  const editor = page.getByRole("textbox", { name: `Tags of ${name}` });
  await expect(editor).toBeFocused();
  // Backspace in the empty field takes the last chip; a comma or Enter turns the text into one.
  await page.keyboard.press("Backspace");
  await page.keyboard.type("reseller,");
  await page.keyboard.type("Gold Club");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove tag Gold Club" })).toBeVisible();
  await page.getByRole("button", { name: "Remove tag emea" }).click();
  await expect(editor).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor).toHaveCount(0);
  await expect(tagsCell).toHaveText("resellerGold Club");
  await expect.poll(() => storedTags(id)).toEqual(["reseller", "Gold Club"]);

  await page.reload();
  await expect(dataRows(page).first().locator('[data-column="tags"]')).toHaveText("resellerGold Club");

  // Typing on the cell starts a new tag; Esc leaves everything as it was.
  await dataRows(page).first().locator('[data-column="tags"]').click();
  await page.keyboard.type("x");
  await expect(editor).toHaveValue("x");
  await page.keyboard.press("Escape");
  await expect(editor).toHaveCount(0);
  expect(await storedTags(id)).toEqual(["reseller", "Gold Club"]);
});

test("a tag the schema refuses keeps the editor open with the reason, and saves nothing", async ({ page }) => {
  const name = prefix("Long Tag Co");
  const id = await insertPartner(name, []);
  await openAsStaff(page, "member@acme.test", viewOf(name));
  await expect(dataRows(page)).toHaveCount(1);
  await dataRows(page).first().locator('[data-column="tags"]').dblclick();
  const editor = page.getByRole("textbox", { name: `Tags of ${name}` });
  await editor.fill("x".repeat(55));
  await editor.press("Enter");
  await editor.press("Enter");
  await expect(grid(page).getByRole("alert")).toHaveText("Keep each tag to 50 characters");
  await expect(editor).toBeVisible();
  await page.keyboard.press("Escape");
  expect(await storedTags(id)).toEqual([]);
});

test("a viewer sees the tags but cannot edit them", async ({ page }) => {
  const name = prefix("Readonly Tags Co");
  const id = await insertPartner(name, ["partner-led"]);
  await openAsStaff(page, "viewer@acme.test", viewOf(name));
  await expect(dataRows(page)).toHaveCount(1);
  const tagsCell = dataRows(page).first().locator('[data-column="tags"]');
  await expect(tagsCell).toHaveText("partner-led");
  await expect(tagsCell).toHaveAttribute("aria-readonly", "true");
  await tagsCell.dblclick();
  await tagsCell.press("F2");
  await page.keyboard.type("new");
  await expect(page.getByRole("textbox", { name: `Tags of ${name}` })).toHaveCount(0);
  expect(await storedTags(id)).toEqual(["partner-led"]);
});

test("a tags edit the server refuses (the editor was made a viewer) is rolled back with the reason", async ({
  page,
}) => {
  const name = prefix("Demoted Tags Co");
  const id = await insertPartner(name, ["emea"]);
  const member = await createMember();
  await openAsStaff(page, member.email, viewOf(name));
  await expect(dataRows(page)).toHaveCount(1);
  await sql("update public.org_members set role = 'viewer' where org_id = $1 and user_id = $2", [ACME, member.id]);

  const tagsCell = dataRows(page).first().locator('[data-column="tags"]');
  await tagsCell.dblclick();
  await page.keyboard.type("vip");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Viewers can look but not change anything", { exact: false })).toBeVisible();
  await expect(tagsCell).toHaveText("emea");
  expect(await storedTags(id)).toEqual(["emea"]);
});
