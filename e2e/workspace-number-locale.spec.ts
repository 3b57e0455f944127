import { expect, test } from "@playwright/test";
import { expectFieldError, openWorkspace, PARTNERS } from "./workspace-helpers";

// Globex works in de-DE: a comma for decimals, a dot between thousands.
const INITECH = "33333333-3333-4333-8333-000000000006";

test("a de-DE org types the commission rate with a comma, and a wrong sign or a third decimal is a field error", async ({
  page,
}) => {
  await openWorkspace(page, "admin@globex.test", INITECH, "overview");
  const rate = page.getByLabel("Commission rate (%)");
  const save = page.getByRole("button", { name: "Save changes" });
  const before = await rate.inputValue();
  expect(before).not.toContain(".");

  await rate.fill("12.5");
  await save.click();
  await expectFieldError(rate, 'Use "," for decimals, like 12,5');
  await page.screenshot({ path: "test-results/number-locale-de-1440.png", fullPage: true });

  await rate.fill("99,999");
  await save.click();
  await expectFieldError(rate, "Use at most 2 decimals");

  await rate.fill("0x10");
  await save.click();
  await expectFieldError(rate, "Enter a percentage as a number, like 12,5");

  await rate.fill("12,5");
  await save.click();
  await expect(page.getByText("Partner saved")).toBeVisible();
  await page.reload();
  await expect(rate).toHaveValue("12,5");

  await rate.fill(before);
  await save.click();
  await expect(page.getByText("Partner saved").first()).toBeVisible();
});

test("an en-US org types a dot, and is told so when it types a comma (375 px)", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openWorkspace(page, "manager@acme.test", PARTNERS.northwind, "overview");
  const rate = page.getByLabel("Commission rate (%)");
  await rate.fill("12,5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectFieldError(rate, 'Use "." for decimals, like 12.5');
  await rate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/number-locale-en-375.png" });
});
