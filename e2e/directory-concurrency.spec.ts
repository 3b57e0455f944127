import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { openAsStaff } from "./support/session";

/**
 * The directory when the data moves under the user: someone else edits a row the grid
 * has loaded, and a bulk change that targets every partner matching the filter (more
 * than a page). Each test creates its own partners, named with a token nobody else uses.
 */

const ACME = "00000000-0000-4000-8000-00000000ac01";

const grid = (page: Page) => page.getByRole("grid", { name: "Partners" });
const dataRows = (page: Page) => grid(page).locator('[role="row"][aria-rowindex]');
const cell = (page: Page, name: string, column: string) =>
  grid(page)
    .locator('[role="row"]', { has: page.getByText(name, { exact: true }) })
    .locator(`[data-column="${column}"]`);

const token = () => randomUUID().slice(0, 8);

/** Partners of Acme named "<prefix> 01", "<prefix> 02", ... (the page sorts by name). */
async function createPartners(prefix: string, count: number, values: { status: string; region: string }) {
  return sql<{ id: string; name: string }>(
    `insert into public.partners (org_id, name, status, region)
     select $1, $2 || ' ' || lpad(n::text, 2, '0'), $3, $4 from generate_series(1, $5) as n
     returning id, name`,
    [ACME, prefix, values.status, values.region, count],
  );
}

test("an edit of a row someone else changed first is not saved: the user is told and sees the current value", async ({
  page,
}) => {
  const prefix = `Tidewater ${token()}`;
  const [partner] = await createPartners(prefix, 1, { status: "active", region: "Nordics" });
  const name = partner!.name;
  await openAsStaff(page, "member@acme.test", `/admin/partners?q=${encodeURIComponent(prefix)}`);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(cell(page, name, "region")).toHaveText("Nordics");

  // someone else, elsewhere, after this grid loaded the row
  await sql("update public.partners set region = 'Benelux' where id = $1", [partner!.id]);

  await cell(page, name, "region").dblclick();
  // the region editor is a text input with suggestions (a combobox)
  const editor = page.getByRole("combobox", { name: `Region of ${name}` });
  await editor.fill("Iberia");
  await editor.press("Enter");

  await expect(page.getByText(`Someone else changed ${name} since you loaded it`)).toBeVisible();
  await expect(page.getByText("Your edit was not saved.", { exact: false })).toBeVisible();
  await expect(cell(page, name, "region")).toHaveText("Benelux");
  const [stored] = await sql<{ region: string }>("select region from public.partners where id = $1", [partner!.id]);
  expect(stored!.region).toBe("Benelux");

  // now that the grid holds the current version, the same edit goes through
  await cell(page, name, "region").dblclick();
  await page.getByRole("combobox", { name: `Region of ${name}` }).fill("Iberia");
  await page.getByRole("combobox", { name: `Region of ${name}` }).press("Enter");
  await expect(cell(page, name, "region")).toHaveText("Iberia");
  await expect
    .poll(
      async () =>
        (await sql<{ region: string }>("select region from public.partners where id = $1", [partner!.id]))[0]!.region,
    )
    .toBe("Iberia");
});

test("select all matching changes every partner of the filter, beyond the page: the confirmation and the result state the count", async ({
  page,
}) => {
  const prefix = `Quillon ${token()}`;
  // one more than the smallest page, plus two that already have the target status
  const created = await createPartners(prefix, 51, { status: "onboarding", region: "Bulk test" });
  const already = created.slice(0, 2).map((row) => row.id);
  await sql("update public.partners set status = 'paused' where id = any($1)", [already]);
  const total = created.length;

  await openAsStaff(page, "manager@acme.test", `/admin/partners?q=${encodeURIComponent(prefix)}&size=50&sort=name`);
  await expect(grid(page)).toHaveAttribute("aria-rowcount", String(total));
  await expect(page.getByTestId("matching-count")).toContainText(`${total} matching`);

  await page.getByRole("checkbox", { name: "Select all partners on this page" }).check();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("50 partners selected");
  await bulk.getByRole("button", { name: `Select all ${total} partners matching` }).click();
  await expect(bulk).toContainText(`All ${total} partners matching selected`);

  await bulk.getByRole("combobox", { name: "Set status of selected" }).selectOption("paused");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Set the status of ${total} partners to Paused?`);
  await dialog.getByRole("button", { name: `Change ${total} partners` }).click();

  // two already were paused: the result counts only the ones that changed
  await expect(page.getByText(`${total - 2} partners changed`)).toBeVisible();
  await expect(page.getByText("2 partners already had that value.")).toBeVisible();

  const rows = await sql<{ status: string; n: string }>(
    "select status, count(*) as n from public.partners where org_id = $1 and name like $2 group by status",
    [ACME, `${prefix} %`],
  );
  expect(rows).toEqual([{ status: "paused", n: String(total) }]);
  await expect(cell(page, `${prefix} 01`, "status")).toHaveText("Paused");
  await expect(cell(page, `${prefix} 02`, "status")).toHaveText("Paused");
});
