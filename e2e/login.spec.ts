import { expect, test } from "@playwright/test";

test("the staff sign-in page loads and validates its fields", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Partnerdesk" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("the partner portal sign-in page loads", async ({ page }) => {
  await page.goto("/portal/login");
  await expect(page.getByRole("heading", { name: "Partner portal" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
});
