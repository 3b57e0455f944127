import { expect, type Locator, type Page } from "@playwright/test";
import { openAsStaff } from "./support/session";

/** Seeded Acme partners with fixed ids; each spec works on its own so parallel files don't crowd one timeline. */
export const PARTNERS = {
  northwind: "33333333-3333-4333-8333-000000000001",
  contosoCloud: "33333333-3333-4333-8333-000000000002",
  contosoSecurity: "33333333-3333-4333-8333-000000000003",
  contosoServices: "33333333-3333-4333-8333-000000000004",
  fabrikam: "33333333-3333-4333-8333-000000000005",
} as const;

export const tab = (partnerId: string, name: "overview" | "tasks" | "referrals" | "docs" | "activity") =>
  `/admin/partners/${partnerId}/${name}`;

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function openWorkspace(
  page: Page,
  email: string,
  partnerId: string,
  name: Parameters<typeof tab>[1],
): Promise<void> {
  await openAsStaff(page, email, tab(partnerId, name));
}

/** The field's control inside a dialog, by its label. */
export function dialogField(page: Page, label: string): Locator {
  return page.getByRole("dialog").getByLabel(label, { exact: true });
}

/** A field error sits at its field: the control is invalid and described by the message. */
export async function expectFieldError(control: Locator, message: string): Promise<void> {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(control).toHaveAccessibleDescription(message);
}

/** The timeline (activity tab) shows an event line containing `text`, polled in without a reload. */
export async function expectTimelineEvent(page: Page, partnerId: string, text: string | RegExp): Promise<void> {
  if (!page.url().endsWith("/activity")) await page.goto(tab(partnerId, "activity"));
  await expect(page.getByTestId("timeline-event").filter({ hasText: text }).first()).toBeVisible({ timeout: 15_000 });
}
