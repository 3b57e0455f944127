import { expect, test } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { signInAsStaff } from "./support/auth";
import { createStaffMember, unique, withDb } from "./support/people";
import { dialogField, PARTNERS, tab } from "./workspace-helpers";

/**
 * Pages read with the access token's claims (getClaims), which stay valid until the token
 * expires even after the session is revoked; so reads may go on working for a while. A
 * write asks the auth server first (getUser): once the session is revoked, from another
 * device here, an action and the CSV import are refused and write nothing.
 */
const PASSWORD = "revoked-session-1";

test("after a sign-out everywhere from another device, writes are refused and nothing is written", async ({ page }) => {
  const staff = await createStaffMember("revoked", PASSWORD);
  await signInAsStaff(page, staff.email, tab(PARTNERS.northwind, "tasks"), PASSWORD);
  const title = unique("Task after sign-out");
  await page.getByRole("button", { name: "New task" }).click();
  await dialogField(page, "Title").fill(title);

  // Another device signs in as the same person and signs out of every session.
  const elsewhere = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const signedIn = await elsewhere.auth.signInWithPassword({ email: staff.email, password: PASSWORD });
  expect(signedIn.error).toBeNull();
  expect((await elsewhere.auth.signOut({ scope: "global" })).error).toBeNull();

  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("Your session has ended. Sign in again.");
  const written = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from public.partner_tasks where title = $1", [title])).rows[0]
        .n as number,
  );
  expect(written).toBe(0);

  // The CSV import (a route handler, not an action) refuses the same way.
  const csv = `external_id,name\n${unique("ext")},${unique("Imported after sign-out")}\n`;
  const response = await page.request.post("/admin/partners/import", {
    multipart: { mode: "apply", file: { name: "partners.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Your session has ended. Sign in again." });
  const imported = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from public.partners where name like 'Imported after sign-out%'"))
        .rows[0].n as number,
  );
  expect(imported).toBe(0);

  // Signing out still clears what this browser holds.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin/partners");
  await expect(page).toHaveURL(/\/login\?next=/);
});
