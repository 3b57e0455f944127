import { expect, test } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { signInAsStaff } from "./support/auth";
import { createPartner, createStaffMember, unique, withDb } from "./support/people";
import { dialogField, tab } from "./workspace-helpers";

/**
 * Pages read with the access token's claims (getClaims), which stay valid until the token
 * expires even after the session is revoked; so reads may go on working for a while. A
 * write asks the auth server first (getUser): once the session is revoked, from another
 * device here, an action and the CSV import are refused and write nothing.
 *
 * What the page does next depends on how the project signs tokens. With an asymmetric key
 * (ES256) the proxy verifies the token locally and the dialog shows the refusal; with the
 * legacy shared secret (HS256) getClaims asks the auth server, which says the session is
 * gone, so the proxy drops the cookies and the page that the action re-renders sends the
 * person to /login. The action's own answer is the refusal either way.
 */
const PASSWORD = "revoked-session-1";

test("after a sign-out everywhere from another device, writes are refused and nothing is written", async ({ page }) => {
  const staff = await createStaffMember("revoked", PASSWORD);
  // A partner of its own: a change to a seeded partner's timeline by a test running beside
  // this one would refresh the page, and with the legacy HS256 tokens that read already
  // finds the session gone and goes to /login before the write is tried.
  const partner = await createPartner("Revoked Session Co");
  await signInAsStaff(page, staff.email, tab(partner.id, "tasks"), PASSWORD);
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

  // The action's answer is read as it passes: the page may navigate to /login right after,
  // and a response navigated away from has no body left to read.
  let actionAnswer = "";
  await page.route(
    () => true,
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
      const response = await route.fetch();
      actionAnswer = await response.text();
      await route.fulfill({ response, body: actionAnswer });
    },
  );
  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect.poll(() => actionAnswer).toContain("Your session has ended. Sign in again.");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await expect(
    page
      .getByRole("dialog")
      .getByRole("alert")
      .filter({ hasText: "Your session has ended. Sign in again." })
      .or(page.getByRole("heading", { name: "Sign in to Partnerdesk" })),
  ).toBeVisible();
  const written = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from public.partner_tasks where title = $1", [title])).rows[0]
        .n as number,
  );
  expect(written).toBe(0);

  // The CSV import (a route handler, not an action) refuses the same way.
  const csv = `external_id,name\n${unique("ext")},${unique("Imported after sign-out")}\n`;
  // Sent as the app's own page would (the route refuses any other origin before anything else).
  const response = await page.request.post("/admin/partners/import", {
    headers: { origin: new URL(page.url()).origin },
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
});
