import { expect, test, type Locator, type Page } from "@playwright/test";
import { sql } from "../tests/support/db";
import { signInAsStaff } from "./support/auth";
import { ACME, createAccount, unique } from "./support/people";
import { pickOption } from "./support/pickers";

/** A staff member of Acme made for one test, so the picker has to find someone no page was built with. */
async function createStaff(label: string) {
  const account = await createAccount(label);
  await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member')", [ACME, account.id]);
  return account;
}

async function createPartner(ownerId: string | null = null) {
  const name = unique("Zz Owner Co");
  const [row] = await sql<{ id: string }>(
    "insert into public.partners (org_id, name, status, owner_id) values ($1, $2, 'active', $3) returning id",
    [ACME, name, ownerId],
  );
  return { id: row!.id, name };
}

// The pictures of each picker are taken at the widths a desk and a phone have.
test.use({ viewport: { width: 1440, height: 900 } });

const ownerOf = async (partnerId: string) =>
  (await sql<{ owner_id: string | null }>("select owner_id from public.partners where id = $1", [partnerId]))[0]!
    .owner_id;

const ownerCell = (page: Page, name: string) =>
  page
    .getByRole("grid", { name: "Partners" })
    .locator('[role="row"][aria-rowindex]')
    .filter({ hasText: name })
    .locator('[data-column="owner"]');

test("the directory's owner filter searches staff on the server and keeps its choice across a reload", async ({
  page,
}) => {
  const owner = await createStaff("FilterOwner");
  const partner = await createPartner(owner.id);
  await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
  const filter = page.getByRole("search", { name: "Filter partners" }).getByLabel("Owner", { exact: true });
  await filter.fill(owner.name);
  await expect(page.getByRole("option").filter({ hasText: owner.name })).toBeVisible();
  await page.screenshot({ path: `test-results/owner-filter-picker-${page.viewportSize()!.width}.png` });
  await page.getByRole("option").filter({ hasText: owner.name }).click();
  await expect(page).toHaveURL(new RegExp(`owner=${owner.id}`));
  await expect(page.getByRole("grid", { name: "Partners" })).toContainText(partner.name);

  await page.reload();
  await expect(page.getByRole("search", { name: "Filter partners" }).getByLabel("Owner", { exact: true })).toHaveValue(
    new RegExp(owner.name),
  );
  // "Any owner" clears it.
  await filter.click();
  await page.getByRole("option", { name: "Any owner" }).click();
  await expect(page).not.toHaveURL(/owner=/);
});

test("a person no staff member matches says so instead of an empty list", async ({ page }) => {
  await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
  await page.getByRole("search", { name: "Filter partners" }).getByLabel("Owner", { exact: true }).fill("zz-nobody-x");
  await expect(page.getByRole("status").filter({ hasText: "No staff match" })).toBeVisible();
});

test("the grid's owner editor: Enter opens it, typing searches, Enter picks, Esc cancels", async ({ page }) => {
  const owner = await createStaff("GridOwner");
  const partner = await createPartner();
  await signInAsStaff(
    page,
    "member@acme.test",
    `/admin/partners?q=${encodeURIComponent(partner.name)}&cols=name,owner`,
  );
  const cell = ownerCell(page, partner.name);
  await expect(cell).toHaveText("Unassigned");
  await cell.click();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("combobox", { name: `Owner of ${partner.name}` });
  await expect(editor).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(editor).toHaveCount(0);
  await expect(page.locator(":focus")).toHaveAttribute("data-column", "owner");

  await page.keyboard.press("Enter");
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(owner.name);
  const option = page.getByRole("option").filter({ hasText: owner.name });
  await expect(option).toBeVisible();
  await page.screenshot({ path: `test-results/owner-cell-picker-${page.viewportSize()!.width}.png` });
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("data-focus", "");
  await page.keyboard.press("Enter");
  await expect(editor).toHaveCount(0);
  await expect(cell).toHaveText(owner.name);
  await expect.poll(() => ownerOf(partner.id)).toBe(owner.id);
  await expect(page.locator(":focus")).toHaveAttribute("data-column", "owner");
});

test("the bulk bar's owner picker finds staff by typing and asks before it changes anyone", async ({ page }) => {
  const owner = await createStaff("BulkOwner");
  const partner = await createPartner();
  await signInAsStaff(page, "manager@acme.test", `/admin/partners?q=${encodeURIComponent(partner.name)}`);
  await page.getByRole("checkbox", { name: `Select ${partner.name}` }).click();
  const picker = page.getByRole("region", { name: "Bulk actions" }).getByLabel("Set owner of selected");
  await pickOptionOnly(picker, owner.name, "bulk-owner-picker");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Make ${owner.name} the owner of 1 partner?`);
  await dialog.getByRole("button", { name: "Change 1 partner" }).click();
  await expect.poll(() => ownerOf(partner.id)).toBe(owner.id);
});

test("the workspace's owner field searches staff and saves the choice", async ({ page }) => {
  const owner = await createStaff("FactsOwner");
  const partner = await createPartner();
  await signInAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/overview`);
  const card = page.locator("form").filter({ has: page.getByLabel("Region", { exact: true }) });
  await showOptions(card.getByLabel("Owner", { exact: true }), owner.name, "facts-owner-picker");
  await pickOption(card.getByLabel("Owner", { exact: true }), owner.name);
  await card.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => ownerOf(partner.id)).toBe(owner.id);
});

test("the dashboard's owner filter searches staff and travels in the URL", async ({ page }) => {
  const owner = await createStaff("DashOwner");
  await signInAsStaff(page, "viewer@acme.test", "/admin");
  const form = page.getByRole("form", { name: "Dashboard filters" });
  await showOptions(form.getByLabel("Owner", { exact: true }), owner.name, "dashboard-owner-picker");
  await pickOption(form.getByLabel("Owner", { exact: true }), owner.name);
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`owner=${owner.id}`));
  await expect(form.getByLabel("Owner", { exact: true })).toHaveValue(new RegExp(owner.name));
});

test("the task assignee picker searches staff inside the dialog and saves the choice", async ({ page }) => {
  const owner = await createStaff("TaskOwner");
  const partner = await createPartner();
  await signInAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/tasks`);
  await page.getByRole("button", { name: "New task" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title", { exact: true }).fill("Call about the plan");
  const assignee = dialog.getByLabel("Assignee", { exact: true });
  await showOptions(assignee, owner.name, "task-assignee-picker");
  await pickOption(assignee, owner.name);
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(
      async () =>
        (
          await sql<{ assignee_id: string }>("select assignee_id from public.partner_tasks where partner_id = $1", [
            partner.id,
          ])
        )[0]?.assignee_id,
    )
    .toBe(owner.id);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  // A phone gets the directory as cards, without the grid's selection, so no bulk bar here.
  test("the dashboard's owner picker fits the screen", async ({ page }) => {
    const owner = await createStaff("PhoneDash");
    await signInAsStaff(page, "manager@acme.test", "/admin");
    const form = page.getByRole("form", { name: "Dashboard filters" });
    await showOptions(form.getByLabel("Owner", { exact: true }), owner.name, "dashboard-owner-picker");
  });

  test("the workspace's owner and assignee pickers fit the screen", async ({ page }) => {
    const owner = await createStaff("PhoneFacts");
    const partner = await createPartner();
    await signInAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/overview`);
    const card = page.locator("form").filter({ has: page.getByLabel("Region", { exact: true }) });
    await showOptions(card.getByLabel("Owner", { exact: true }), owner.name, "facts-owner-picker");
    await page.keyboard.press("Escape");
    await page.goto(`/admin/partners/${partner.id}/tasks`);
    await page.getByRole("button", { name: "New task" }).click();
    const assignee = page.getByRole("dialog").getByLabel("Assignee", { exact: true });
    const option = await showOptions(assignee, owner.name, "task-assignee-picker");
    const box = await option.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  });

  test("the owner filter's choices fit the screen", async ({ page }) => {
    const owner = await createStaff("PhoneOwner");
    await signInAsStaff(page, "viewer@acme.test", "/admin/partners");
    const filter = page.getByRole("search", { name: "Filter partners" }).getByLabel("Owner", { exact: true });
    await filter.fill(owner.name);
    const option = page.getByRole("option").filter({ hasText: owner.name });
    await expect(option).toBeVisible();
    const box = await option.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: "test-results/owner-filter-picker-375.png" });
  });
});

/** Types into a picker until its answer shows `text`, and keeps a picture of it at this width. */
async function showOptions(input: Locator, text: string, shot: string) {
  await input.click();
  await input.fill(text);
  const option = input.page().getByRole("option").filter({ hasText: text }).first();
  await expect(option).toBeVisible();
  await input.page().screenshot({ path: `test-results/${shot}-${input.page().viewportSize()!.width}.png` });
  return option;
}

/** Chooses in a picker that shows no value afterwards (an action, not a field). */
async function pickOptionOnly(input: Locator, text: string, shot: string) {
  await (await showOptions(input, text, shot)).click();
}
