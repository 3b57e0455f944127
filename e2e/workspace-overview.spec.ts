import { expect, test } from "@playwright/test";
import { expectFieldError, openWorkspace, PARTNERS, unique } from "./workspace-helpers";

const partner = PARTNERS.fabrikam;

test("an editor changes key facts and the status from the hero; the timeline records the status change", async ({
  page,
}) => {
  await openWorkspace(page, "manager@acme.test", partner, "overview");
  await expect(page.getByRole("heading", { name: "Fabrikam" })).toBeVisible();
  await expect(page).toHaveTitle("Overview · Fabrikam · Partnerdesk");
  await expect(page.getByTestId("hero-metrics")).toContainText("Win rate");

  await page.getByLabel("Contact email").fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Contact email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Contact email")).toHaveAccessibleDescription("Enter a valid email address");

  const region = unique("Midwest");
  await page.getByLabel("Contact email").fill("rae@fabrikam.test");
  await page.getByLabel("Region").fill(region);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Partner saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Region")).toHaveValue(region);

  const status = page.getByRole("combobox", { name: "Partner status" });
  const next = (await status.inputValue()) === "paused" ? "active" : "paused";
  await status.selectOption(next);
  await expect(page.getByTestId("hero-status")).toContainText(next === "paused" ? "Paused" : "Active");
  await expect(
    page
      .getByTestId("timeline-event")
      .filter({ hasText: `to ${next}` })
      .first(),
  ).toBeVisible({ timeout: 15_000 });
});

test("an editor records progress on a certification from the training card, held to the same rules as the database", async ({
  page,
}) => {
  await openWorkspace(page, "member@acme.test", partner, "overview");
  const certification = page.getByTestId("training-row").filter({ hasText: "Certified Solution Architect" });
  await certification.getByRole("button", { name: "Edit Certified Solution Architect" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Certified Solution Architect" });
  await dialog.getByLabel("Status").selectOption("completed");
  await dialog.getByLabel("Completed on").fill("");
  await dialog.getByLabel("Expires on").fill("");
  await dialog.getByRole("button", { name: "Save training" }).click();
  await expectFieldError(dialog.getByLabel("Completed on"), "Enter the day it was completed");

  await dialog.getByLabel("Completed on").fill("2026-03-10");
  await dialog.getByLabel("Expires on").fill("2026-03-01");
  await dialog.getByRole("button", { name: "Save training" }).click();
  await expectFieldError(dialog.getByLabel("Expires on"), "The expiry date cannot be before the completion date");

  await dialog.getByLabel("Expires on").fill("2028-03-10");
  await dialog.getByRole("button", { name: "Save training" }).click();
  await expect(dialog).toBeHidden();
  await expect(certification).toContainText("Completed Mar 10, 2026 · expires Mar 10, 2028");
  await expect(certification).toContainText("Completed");

  // and back to in progress without dates, which survives a reload
  await certification.getByRole("button", { name: "Edit Certified Solution Architect" }).click();
  await dialog.getByLabel("Status").selectOption("in_progress");
  await dialog.getByLabel("Completed on").fill("");
  await dialog.getByLabel("Expires on").fill("");
  await dialog.getByRole("button", { name: "Save training" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(certification).toContainText("Not completed");
  await expect(certification).toContainText("In progress");
});

test("a viewer sees the key facts disabled", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "overview");
  await expect(page.getByLabel("Region")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Partner tier" })).toBeDisabled();
  await expect(page.getByTestId("training-row").first()).toBeVisible();
  await expect(page.getByTestId("training-card").getByRole("button", { name: /^Edit / })).toHaveCount(0);
});
