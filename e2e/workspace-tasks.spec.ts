import { expect, test } from "@playwright/test";
import {
  dialogField,
  expectFieldError,
  expectTimelineEvent,
  openWorkspace,
  PARTNERS,
  tab,
  unique,
} from "./workspace-helpers";
import { pickOption } from "./support/pickers";

const partner = PARTNERS.fabrikam;

test("an editor creates, edits, completes, reopens and deletes a task, and the timeline follows", async ({ page }) => {
  await openWorkspace(page, "member@acme.test", partner, "tasks");
  const title = unique("Send the Q3 plan");

  await page.getByRole("button", { name: "New task" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expectFieldError(dialogField(page, "Title"), "Title is required");

  await dialogField(page, "Title").fill(title);
  await dialogField(page, "Priority").selectOption("urgent");
  await dialogField(page, "Due date").fill("2020-01-15");
  await pickOption(dialogField(page, "Assignee"), "Morgan Manager");
  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const row = page.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Overdue");
  await expect(row).toContainText("Morgan Manager");

  await row.getByRole("button", { name: `Edit ${title}` }).click();
  const edited = `${title} (edited)`;
  await dialogField(page, "Title").fill(edited);
  await dialogField(page, "Due date").fill("");
  await page.getByRole("dialog").getByRole("button", { name: "Save task" }).click();
  const editedRow = page.getByTestId("task-row").filter({ hasText: edited });
  await expect(editedRow).toBeVisible();
  await expect(editedRow).not.toContainText("Overdue");

  await editedRow.getByRole("checkbox", { name: `Complete ${edited}` }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: edited })).toBeHidden(); // left the "Open" list
  await page.getByRole("tab", { name: "Done" }).click();
  const doneRow = page.getByTestId("task-row").filter({ hasText: edited });
  await expect(doneRow.getByRole("checkbox")).toBeChecked();

  await expectTimelineEvent(page, partner, `Task created: ${title}`);
  await expectTimelineEvent(page, partner, `Task completed: ${edited}`);

  await page.goto(tab(partner, "tasks"));
  await page.getByRole("tab", { name: "Done" }).click();
  await page
    .getByTestId("task-row")
    .filter({ hasText: edited })
    .getByRole("checkbox", { name: `Reopen ${edited}` })
    .click();
  await page.getByRole("tab", { name: "Open" }).click();
  const reopened = page.getByTestId("task-row").filter({ hasText: edited });
  await expect(reopened.getByRole("checkbox")).not.toBeChecked();

  await reopened.getByRole("button", { name: `Delete ${edited}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete task" }).click();
  await expect(page.getByTestId("task-row").filter({ hasText: edited })).toHaveCount(0);
});

test("a viewer sees the tasks but every change is disabled, with the reason", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "tasks");
  await expect(page.getByTestId("read-only-notice")).toContainText("View only");
  const create = page.getByRole("button", { name: "New task" });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute("title", /View only/);
  await expect(page.getByRole("combobox", { name: "Partner status" })).toBeDisabled();
});

test("on a 375 px screen the tabs are a bottom navigation bar", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openWorkspace(page, "member@acme.test", partner, "tasks");
  const bar = page.getByTestId("workspace-bottom-nav");
  await expect(bar).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Partner sections", exact: true })).toBeHidden();
  await expect(bar).toBeInViewport();
  await expect(bar).toHaveCSS("position", "fixed");
  await expect(bar).toHaveCSS("bottom", "0px");
  await expect(bar.getByRole("link", { name: "Tasks" })).toHaveAttribute("aria-current", "page");
  await bar.getByRole("link", { name: "Referrals" }).click();
  await expect(page).toHaveURL(new RegExp(`${tab(partner, "referrals")}$`));
  await expect(bar.getByRole("link", { name: "Referrals" })).toHaveAttribute("aria-current", "page");
  await bar.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(new RegExp(`${tab(partner, "activity")}$`));
});
