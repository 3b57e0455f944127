import { expect, test } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { signInAsStaff } from "./support/auth";
import { createStaffMember } from "./support/people";

/**
 * Signed in with a password, changing it asks for the current one, so a stolen session
 * cannot lock its owner out; a wrong one is refused at that field and changes nothing. A
 * change signs out the person's other devices.
 */
const PASSWORD = "current-password-1";
const NEW_PASSWORD = "changed-password-2";

test("changing the password in a password session asks for the current one", async ({ page }) => {
  const staff = await createStaffMember("pw-change", PASSWORD);
  const elsewhere = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const other = await elsewhere.auth.signInWithPassword({ email: staff.email, password: PASSWORD });
  expect(other.error).toBeNull();

  await signInAsStaff(page, staff.email, "/admin/partners", PASSWORD);
  await page.goto("/login/new-password");
  const current = page.getByLabel("Current password");
  await expect(current).toBeVisible();

  await current.fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("That is not your current password", { exact: true })).toBeVisible();
  await expect(current).toHaveAttribute("aria-invalid", "true");

  await current.fill(PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your other devices were signed out.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);

  const refreshed = await elsewhere.auth.refreshSession({ refresh_token: other.data.session!.refresh_token });
  expect(refreshed.error?.code).toBe("refresh_token_not_found");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAsStaff(page, staff.email, "/admin/partners", NEW_PASSWORD);
});
