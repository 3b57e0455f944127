import { expect, test } from "@playwright/test";
import { dialogField, expectFieldError, openWorkspace, PARTNERS, tab, unique } from "./workspace-helpers";

const partner = PARTNERS.contosoCloud;

test("a note is added to the timeline, and a change made in another tab appears without a reload", async ({
  page,
  context,
}) => {
  await openWorkspace(page, "manager@acme.test", partner, "activity");

  await page.getByRole("button", { name: "Add note" }).click();
  await expectFieldError(page.getByLabel("Add a note"), "Write the note first");
  const note = unique("Call with Morgan: wants the Q3 budget confirmed");
  await page.getByLabel("Add a note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("timeline-event").filter({ hasText: note })).toBeVisible();
  await expect(page.getByLabel("Add a note")).toHaveValue("");

  // someone else (here: a second tab) adds a task; the open timeline picks it up by polling
  const other = await context.newPage();
  await other.goto(tab(partner, "tasks"));
  const title = unique("Follow up on renewal");
  await other.getByRole("button", { name: "New task" }).click();
  await dialogField(other, "Title").fill(title);
  await other.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect(other.getByTestId("task-row").filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId("timeline-event").filter({ hasText: `Task created: ${title}` })).toBeVisible({
    timeout: 12_000,
  });

  // the filter keeps only that kind of event
  await page.getByRole("combobox", { name: "Filter by event type" }).selectOption("note.*");
  await expect(page).toHaveURL(/type=note/);
  await expect(page.getByTestId("timeline-event").filter({ hasText: note })).toBeVisible();
  await expect(page.locator('[data-testid="timeline-event"]:not([data-event-type="note.added"])')).toHaveCount(0);
});

test("older events load page by page", async ({ page }) => {
  await openWorkspace(page, "admin@acme.test", PARTNERS.northwind, "activity");
  const events = page.getByTestId("timeline-event");
  await expect(events.first()).toBeVisible();
  const before = await events.count();
  const more = page.getByRole("button", { name: "Load older events" });
  if (await more.isVisible()) {
    await more.click();
    await expect.poll(() => events.count()).toBeGreaterThan(before);
  } else {
    await expect(page.getByText("That's the whole history.")).toBeVisible();
  }
});

test("a viewer reads the timeline but cannot add a note", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "activity");
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  await expect(page.getByLabel("Add a note")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add note" })).toBeDisabled();
  await expect(page.getByText(/View only/).first()).toBeVisible();
});
