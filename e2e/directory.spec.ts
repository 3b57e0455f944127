import { randomUUID } from "node:crypto";
import fs from "node:fs";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { DEMO_PASSWORD } from "./support/auth";
import { openAsStaff } from "./support/session";

/**
 * The partner directory against the seeded Acme data (~200 partners). Every test that
 * writes picks partners no other test touches (or creates its own), so they run in
 * any order.
 */

const ACME = "00000000-0000-4000-8000-00000000ac01";

const grid = (page: Page) => page.getByRole("grid", { name: "Partners" });
const dataRows = (page: Page) => grid(page).locator('[role="row"][aria-rowindex]');
const cell = (page: Page, name: string, column: string) =>
  grid(page)
    .locator('[role="row"]', { has: page.getByText(name, { exact: true }) })
    .locator(`[data-column="${column}"]`);

async function partnerByName(name: string) {
  const [row] = await sql<{ id: string; status: string; tier: string; name: string }>(
    "select id, status, tier, name from public.partners where org_id = $1 and name = $2",
    [ACME, name],
  );
  if (!row) throw new Error(`no seeded partner ${name}`);
  return row;
}

async function countPartners(where: string, params: unknown[] = []) {
  const [row] = await sql<{ n: string }>(
    `select count(*) as n from public.partners where org_id = $1 and archived_at is null and ${where}`,
    [ACME, ...params],
  );
  return Number(row!.n);
}

/** A staff member of Acme who exists only for this test (so changing their role touches nobody else). */
async function createStaff(role: string) {
  const id = randomUUID();
  const email = `dir-${id.slice(0, 8)}@acme.test`;
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       confirmation_token, recovery_token, email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf')), now(), '', '', '', '',
       '{"provider": "email", "providers": ["email"]}', '{"display_name": "Directory Tester"}', now(), now())`,
    [id, email, DEMO_PASSWORD],
  );
  await sql(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::uuid, $3, $1::uuid, jsonb_build_object('sub', $3::text, 'email', $2::text, 'email_verified', true), 'email', now(), now())`,
    [id, email, id],
  );
  await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, $3)", [ACME, id, role]);
  return { id, email };
}

test("filters by status and tier: the URL, the rows and the count follow, and back undoes", async ({ page }) => {
  await openAsStaff(page, "manager@acme.test");
  // Tests running beside this one add partners to the org: compare at a moment none did.
  await expect(async () => {
    await page.reload();
    await expect(grid(page)).toHaveAttribute("aria-rowcount", String(await countPartners("true")), { timeout: 2000 });
  }).toPass();

  await page.getByRole("button", { name: /^Status:/ }).click();
  await page.getByRole("checkbox", { name: "Paused" }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/[?&]status=paused/);
  const paused = await countPartners("status = 'paused'");
  await expect(grid(page)).toHaveAttribute("aria-rowcount", String(paused));
  await expect(page.getByTestId("matching-count")).toContainText(`${paused} matching`);
  for (const text of await grid(page).locator('[data-column="status"]').allInnerTexts()) expect(text).toBe("Paused");

  await page.getByRole("button", { name: /^Tier:/ }).click();
  await page.getByRole("checkbox", { name: "Silver" }).check();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/status=paused.*tier=silver|tier=silver.*status=paused/);
  const pausedSilver = await countPartners("status = 'paused' and tier = 'silver'");
  await expect(grid(page)).toHaveAttribute("aria-rowcount", String(pausedSilver));
  for (const text of await grid(page).locator('[data-column="tier"]').allInnerTexts()) expect(text).toBe("Silver");

  await page.goBack();
  await expect(page).not.toHaveURL(/tier=/);
  await expect(grid(page)).toHaveAttribute("aria-rowcount", String(paused));
});

test("sorts by a column and pages through the matching partners", async ({ page }) => {
  // Other tests leave this person's directory sorted otherwise; start from the name order.
  await openAsStaff(page, "member@acme.test", "/admin/partners?sort=name");
  const [last] = await sql<{ name: string }>(
    "select name from public.partners where org_id = $1 and archived_at is null order by name desc, id limit 1",
    [ACME],
  );
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(grid(page).getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(dataRows(page).first().locator('[data-column="name"]')).toHaveText(last!.name);

  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(dataRows(page).first()).toHaveAttribute("aria-rowindex", "101");
  await expect(page.getByText(/^101–\d+ of \d+$/)).toBeVisible();
  await page.getByRole("button", { name: "Previous", exact: true }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(dataRows(page).first()).toHaveAttribute("aria-rowindex", "1");
});

test("an inline edit shows at once, survives a reload and appears in the partner's activity", async ({ page }) => {
  const partner = await partnerByName("Cobalt Networks");
  const next = partner.status === "paused" ? "active" : "paused";
  await openAsStaff(page, "member@acme.test", "/admin/partners?q=Cobalt%20Networks");
  await expect(dataRows(page)).toHaveCount(1);

  await cell(page, "Cobalt Networks", "status").dblclick();
  await page.getByRole("combobox", { name: "Status of Cobalt Networks" }).selectOption(next);
  await expect(cell(page, "Cobalt Networks", "status")).toHaveText(next === "paused" ? "Paused" : "Active");
  await expect.poll(async () => (await partnerByName("Cobalt Networks")).status).toBe(next);

  await page.reload();
  await expect(cell(page, "Cobalt Networks", "status")).toHaveText(next === "paused" ? "Paused" : "Active");
  await page.getByRole("button", { name: "Preview Cobalt Networks" }).click();
  const panel = page.getByRole("complementary", { name: "Preview of Cobalt Networks" });
  await expect(panel.getByRole("region", { name: "Latest activity" })).toContainText(
    /Status changed from \w+ to (Paused|Active)/,
  );
});

test("a viewer sees no edit controls, and an edit the server refuses is rolled back with a message", async ({
  page,
}) => {
  await openAsStaff(page, "viewer@acme.test", "/admin/partners?q=Harbor%20Analytics");
  await expect(dataRows(page)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await expect(grid(page).getByRole("checkbox")).toHaveCount(0);
  // The name itself is a link into the workspace; a double click beside it edits.
  await cell(page, "Harbor Analytics", "name").dblclick({ position: { x: 4, y: 4 } });
  await expect(page.getByRole("textbox", { name: "Name of Harbor Analytics" })).toHaveCount(0);

  // A member loads the grid, then is made a viewer: the screen still offers the edit,
  // the server refuses it, and the grid goes back to the stored value.
  const staff = await createStaff("member");
  await page.context().clearCookies();
  await openAsStaff(page, staff.email, "/admin/partners?q=Harbor%20Analytics");
  await expect(dataRows(page)).toHaveCount(1);
  await sql("update public.org_members set role = 'viewer' where org_id = $1 and user_id = $2", [ACME, staff.id]);

  // The name itself is a link into the workspace; a double click beside it edits.
  await cell(page, "Harbor Analytics", "name").dblclick({ position: { x: 4, y: 4 } });
  const editor = page.getByRole("textbox", { name: "Name of Harbor Analytics" });
  await editor.fill("Harbor Analytics Renamed");
  await editor.press("Enter");
  await expect(page.getByText("Viewers can look but not change anything", { exact: false })).toBeVisible();
  await expect(grid(page).locator('[data-column="name"]')).toHaveText("Harbor Analytics");
  expect((await partnerByName("Harbor Analytics")).name).toBe("Harbor Analytics");
});

test("a bulk status change of three partners says how many, asks first, and changes them in one go", async ({
  page,
}) => {
  await openAsStaff(page, "manager@acme.test", "/admin/partners?q=Lumen&sort=name");
  const rows = dataRows(page);
  await expect(rows.first()).toBeVisible();
  const names = (await rows.locator('[data-column="name"]').allInnerTexts()).slice(0, 3);

  await page.getByRole("checkbox", { name: `Select ${names[0]}` }).click();
  await page.getByRole("checkbox", { name: `Select ${names[2]}` }).click({ modifiers: ["Shift"] });
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("3 partners selected");

  await page.getByRole("combobox", { name: "Set status of selected" }).selectOption("churned");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Set the status of 3 partners to Churned?");
  const before = await sql<{ status: string }>(
    "select status from public.partners where org_id = $1 and name = any($2)",
    [ACME, names],
  );
  expect(before.some((row) => row.status !== "churned")).toBe(true);
  await dialog.getByRole("button", { name: "Change 3 partners" }).click();
  await expect(page.getByText(/^\d partners? changed$/)).toBeVisible();

  const after = await sql<{ status: string }>(
    "select status from public.partners where org_id = $1 and name = any($2)",
    [ACME, names],
  );
  expect(after.map((row) => row.status)).toEqual(["churned", "churned", "churned"]);
  for (const name of names) await expect(cell(page, name, "status")).toHaveText("Churned");
});

test("the preview panel shows key facts, roll-ups, latest activity and a link to the workspace", async ({ page }) => {
  await openAsStaff(page, "viewer@acme.test", "/admin/partners?q=Northwind");
  await page.getByRole("button", { name: "Preview Northwind Traders", exact: true }).click();
  await expect(page).toHaveURL(/preview=33333333-3333-4333-8333-000000000001/);
  const panel = page.getByRole("complementary", { name: "Preview of Northwind Traders" });
  await expect(panel).toContainText("Morgan Manager");
  await expect(panel).toContainText("North America");
  await expect(panel.getByRole("region", { name: "Roll-ups" })).toContainText("Open referrals");
  await expect(panel.getByRole("region", { name: "Latest activity" }).getByRole("listitem").first()).toBeVisible();
  await expect(panel.getByRole("link", { name: "Open workspace" })).toHaveAttribute(
    "href",
    "/admin/partners/33333333-3333-4333-8333-000000000001/overview",
  );
  await panel.getByRole("button", { name: "Close preview" }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/preview=/);
});

test("the CSV export holds exactly the partners matching the filter", async ({ page }) => {
  await openAsStaff(page, "viewer@acme.test", "/admin/partners?status=active&tier=gold,platinum&size=50");
  const expected = await countPartners("status = 'active' and tier in ('gold', 'platinum')");
  await expect(grid(page)).toHaveAttribute("aria-rowcount", String(expected));
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  // The whole filter, not just the 50 rows on screen.
  expect(parsed.data).toHaveLength(expected);
  for (const row of parsed.data) {
    expect(row.status).toBe("active");
    expect(["gold", "platinum"]).toContain(row.tier);
  }
  expect(parsed.meta.fields).toEqual(expect.arrayContaining(["external_id", "name", "status", "tier", "owner_email"]));
});

test("a CSV import previews new, invalid and unchanged rows, applies only after confirming, and a re-import changes nothing", async ({
  page,
}) => {
  const run = randomUUID().slice(0, 8);
  const csv = [
    "external_id,name,status,tier,owner_email,region,tags",
    `E2E-${run}-1,Import One ${run},active,gold,manager@acme.test,EMEA,reseller;cloud`,
    `E2E-${run}-2,Import Two ${run},sideways,silver,,APAC,`,
    `E2E-${run}-3,Import Three ${run},prospect,registered,member@acme.test,LATAM,`,
  ].join("\n");
  const file = { name: `import-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) };
  const imported = () =>
    sql<{ external_id: string }>(
      "select external_id from public.partners where org_id = $1 and external_id like $2 order by 1",
      [ACME, `E2E-${run}-%`],
    );

  await openAsStaff(page, "member@acme.test");
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import partners from CSV" });
  await dialog.getByLabel("CSV file").setInputFiles(file);
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  const summary = dialog.getByRole("list", { name: "Import summary" });
  await expect(summary).toContainText("2 new");
  await expect(summary).toContainText("1 invalid");
  await expect(dialog.locator('tr[data-kind="invalid"]')).toContainText(`E2E-${run}-2`);
  await expect(dialog.locator('tr[data-kind="invalid"]')).toContainText('status: "sideways" is not one of');
  expect(await imported()).toHaveLength(0);

  await dialog.getByRole("button", { name: "Import 2 partners" }).click();
  await expect(dialog).toContainText("2 created, 0 updated, 0 unchanged, 1 invalid skipped");
  expect((await imported()).map((row) => row.external_id)).toEqual([`E2E-${run}-1`, `E2E-${run}-3`]);
  const events = await sql<{ n: string }>(
    "select count(*) as n from public.partner_activity_log l join public.partners p on p.id = l.partner_id where p.external_id like $1 and l.event_type = 'partner.imported'",
    [`E2E-${run}-%`],
  );
  expect(Number(events[0]!.n)).toBe(2);

  await dialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Import CSV" }).click();
  await dialog.getByLabel("CSV file").setInputFiles(file);
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(summary).toContainText("0 new");
  await expect(summary).toContainText("2 unchanged");
  await expect(dialog.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
});

test("the grid works from the keyboard alone: move, edit, commit, cancel", async ({ page }) => {
  const partner = await partnerByName("Keystone Digital");
  await openAsStaff(page, "member@acme.test", "/admin/partners?q=Keystone%20Digital");
  await expect(dataRows(page)).toHaveCount(1);
  // The grid is one tab stop: focus lands on its active cell.
  await page.getByRole("checkbox", { name: "Include archived" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  const active = grid(page).locator('[role="gridcell"][tabindex="0"]');
  await active.focus();
  await expect(active).toHaveAttribute("data-column", "name");

  // Typing starts an edit with what was typed; Enter commits.
  await page.keyboard.type("Keystone Digital Group");
  await expect(page.getByRole("textbox", { name: "Name of Keystone Digital" })).toHaveValue("Keystone Digital Group");
  await page.keyboard.press("Enter");
  await expect(grid(page).locator('[data-column="name"]')).toHaveText("Keystone Digital Group");
  await expect
    .poll(
      async () =>
        (await sql<{ name: string }>("select name from public.partners where id = $1", [partner.id]))[0]!.name,
    )
    .toBe("Keystone Digital Group");

  // Arrow to the tier, Enter opens the editor, Esc cancels without saving.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toHaveAttribute("data-column", "tier");
  await page.keyboard.press("Enter");
  const tier = page.getByRole("combobox", { name: "Tier of Keystone Digital Group" });
  await expect(tier).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(tier).toHaveCount(0);
  await expect(page.locator(":focus")).toHaveAttribute("data-column", "tier");

  // Enter, change with the keyboard, Tab commits and moves on.
  const nextTier = partner.tier === "platinum" ? "gold" : "platinum";
  await page.keyboard.press("Enter");
  await tier.focus();
  await page.keyboard.press(nextTier === "platinum" ? "End" : "Home");
  if (nextTier === "gold") {
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("data-column", "owner");
  await expect
    .poll(
      async () =>
        (await sql<{ tier: string }>("select tier from public.partners where id = $1", [partner.id]))[0]!.tier,
    )
    .toBe(nextTier);
});
