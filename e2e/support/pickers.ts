import { expect, type Locator } from "@playwright/test";

/** Chooses in a server-searched picker: types `text`, waits for the answer, clicks the option that shows it. */
export async function pickOption(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  const option = input.page().getByRole("option").filter({ hasText: text }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(input).toHaveValue(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}
