import { expect, test } from "@playwright/test";
import { openWorkspace, PARTNERS, unique } from "./workspace-helpers";

const partner = PARTNERS.fabrikam;

test("an editor changes key facts and the status from the hero; the timeline records the status change", async ({ page }) => {
  await openWorkspace(page, "manager@acme.test", partner, "overview");
  await expect(page.getByRole("heading", { name: "Fabrikam" })).toBeVisible();
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
  await expect(page.getByTestId("timeline-event").filter({ hasText: `to ${next}` }).first()).toBeVisible({ timeout: 15_000 });
});

test("a viewer sees the key facts disabled", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "overview");
  await expect(page.getByLabel("Region")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Partner tier" })).toBeDisabled();
});
