import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import Papa from "papaparse";
import pg from "pg";
import { latestMailTo, signInAsPartner } from "./support/auth";
import { openAsStaff } from "./support/session";
import { pickOption } from "./support/pickers";

// Each test makes its own partner and partner users in Acme (seed), so nothing seeded changes.
const ACME = "00000000-0000-4000-8000-00000000ac01";

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

async function createPartner(label: string): Promise<{ id: string; name: string }> {
  const name = unique(label);
  const id = await withDb(
    async (db) =>
      (
        await db.query("insert into public.partners (org_id, name, status) values ($1, $2, 'active') returning id", [
          ACME,
          name,
        ])
      ).rows[0].id as string,
  );
  return { id, name };
}

/** A confirmed auth user and its partner_users row (no password: partner users sign in by email link). */
async function createPartnerUser(label: string): Promise<{ id: string; email: string; name: string }> {
  const email = `${unique(label.toLowerCase())}@partner.test`;
  const name = `${label} ${email.slice(label.length + 1, label.length + 7)}`;
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { data, error } = await admin.auth.admin.createUser({
    email,
    email_confirm: true,
    user_metadata: { display_name: name },
  });
  if (error || !data.user) throw error ?? new Error("createUser returned no user");
  await withDb((db) =>
    db.query("insert into public.partner_users (id, org_id, email, name) values ($1, $2, $3, $4)", [
      data.user.id,
      ACME,
      email,
      name,
    ]),
  );
  return { id: data.user.id, email, name };
}

async function grant(partnerUserId: string, partnerId: string): Promise<string> {
  return withDb(
    async (db) =>
      (
        await db.query(
          "insert into public.partner_access (org_id, partner_id, partner_user_id, scope) values ($1, $2, $3, '{referrals}') returning id",
          [ACME, partnerId, partnerUserId],
        )
      ).rows[0].id as string,
  );
}

async function staffPage(browser: Browser, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openAsStaff(page, "admin@acme.test", next);
  return page;
}

test("a deactivated partner user can no longer sign in, and can again once reactivated", async ({ browser }) => {
  const partner = await createPartner("Deactivation Co");
  const user = await createPartnerUser("Dana");
  await grant(user.id, partner.id);

  const portal = await (await browser.newContext()).newPage();
  await signInAsPartner(portal, user.email);
  await expect(portal.getByRole("heading", { level: 1, name: partner.name })).toBeVisible();

  const admin = await staffPage(browser, `/admin/partner-users?q=${encodeURIComponent(user.email)}`);
  const card = admin.getByTestId("partner-user").filter({ hasText: user.email });
  admin.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByText("Deactivated", { exact: true })).toBeVisible();
  expect(
    await withDb(
      async (db) =>
        (await db.query("select is_active from public.partner_users where id = $1", [user.id])).rows[0].is_active,
    ),
  ).toBe(false);

  // Their open session is over: the next page does not show the partner.
  await portal.goto("/portal");
  await expect(portal.getByRole("heading", { level: 1, name: partner.name })).toHaveCount(0);
  await expect(portal.getByRole("heading", { name: /no partner access|Partner portal/ }).first()).toBeVisible();
  // And asking for a new link gets the answer an unknown address gets, and no email.
  const fresh = await (await browser.newContext()).newPage();
  const asked = new Date(Date.now() - 1000);
  await fresh.goto("/portal/login");
  await fresh.getByLabel("Email").fill(user.email);
  await fresh.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(fresh.getByText("Check your email")).toBeVisible();
  await expect(latestMailTo(user.email, asked, 3_000)).rejects.toThrow(/no email/);

  admin.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: "Reactivate" }).click();
  await expect(card.getByText("Active", { exact: true })).toBeVisible();
  const again = await (await browser.newContext()).newPage();
  await signInAsPartner(again, user.email);
  await expect(again).toHaveURL(new RegExp(`/portal/accounts/${partner.id}`));
  await expect(again.getByRole("heading", { level: 1, name: partner.name })).toBeVisible();
});

test("the Portal access card on a partner's overview grants and revokes access", async ({ browser }) => {
  const partner = await createPartner("Card Co");
  const user = await createPartnerUser("Cody");
  const admin = await staffPage(browser, `/admin/partners/${partner.id}/overview`);
  const card = admin.locator('[aria-label="Portal access"]');
  await expect(card.getByText("Nobody has portal access to this partner yet.")).toBeVisible();

  await card.getByRole("button", { name: "Add a grant" }).click();
  const form = card.getByRole("form", { name: "Add a grant" });
  // The choice is required, checked in the browser by the action's own schema.
  await form.getByRole("button", { name: "Grant access" }).click();
  await expect(form.getByText("Choose a partner user")).toBeVisible();
  await pickOption(form.getByLabel("Partner user"), user.email);
  await form.getByLabel("Commissions").uncheck();
  await form.getByRole("button", { name: "Grant access" }).click();
  const item = card.getByTestId("grant").filter({ hasText: user.email });
  await expect(item.getByText("In force")).toBeVisible();
  await expect(item).not.toContainText("Commissions");
  const granted = await withDb(
    async (db) =>
      (
        await db.query(
          "select scope, revoked_at from public.partner_access where partner_id = $1 and partner_user_id = $2",
          [partner.id, user.id],
        )
      ).rows,
  );
  expect(granted).toHaveLength(1);
  expect(granted[0].revoked_at).toBeNull();
  expect(granted[0].scope).not.toContain("commissions");

  await item.getByRole("button", { name: "Revoke" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke access" }).click();
  await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
  const revoked = await withDb(
    async (db) =>
      (await db.query("select revoked_at from public.partner_access where partner_id = $1", [partner.id])).rows[0]
        .revoked_at,
  );
  expect(revoked).not.toBeNull();
});

test("changing a grant's window keeps what was typed when the end is before the start", async ({ browser }) => {
  const partner = await createPartner("Window Co");
  const user = await createPartnerUser("Wes");
  await grant(user.id, partner.id);
  const admin = await staffPage(browser, `/admin/partner-users?q=${encodeURIComponent(user.email)}`);
  const item = admin.getByTestId("partner-user").filter({ hasText: user.email }).getByTestId("grant");
  await item.getByRole("button", { name: "Change" }).click();
  const form = item.getByRole("form", { name: "Change grant" });
  await form.getByLabel("Starts (optional)").fill("2031-05-10");
  await form.getByLabel("Ends (optional)").fill("2031-05-01");
  await form.getByRole("button", { name: "Save grant" }).click();
  await expect(form.getByLabel("Ends (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("The end must be after the start")).toBeVisible();
  await expect(form.getByLabel("Starts (optional)")).toHaveValue("2031-05-10");

  await form.getByLabel("Ends (optional)").fill("2031-06-01");
  await form.getByRole("button", { name: "Save grant" }).click();
  await expect(item.getByText("Scheduled")).toBeVisible();
  // Days are Acme's (America/New_York): the window starts at local midnight.
  const window = await withDb(
    async (db) =>
      (
        await db.query(
          "select starts_at::text as s, ends_at::text as e from public.partner_access where partner_id = $1 and partner_user_id = $2",
          [partner.id, user.id],
        )
      ).rows[0] as { s: string; e: string },
  );
  expect(new Date(window.s).toISOString()).toBe("2031-05-10T04:00:00.000Z");
  expect(new Date(window.e).toISOString()).toBe("2031-06-01T04:00:00.000Z");
});

test("the audit CSV export holds exactly the filtered entries, with days in the org's time zone", async ({
  browser,
}) => {
  const partner = await createPartner("Audit Co");
  const other = await createPartner("Other Co");
  // Entries around 15 January 2031 in New York (UTC-5): only the middle two fall on that day there.
  const instants = ["2031-01-15T04:59:59Z", "2031-01-15T05:00:00Z", "2031-01-16T04:59:59Z", "2031-01-16T05:00:00Z"];
  await withDb(async (db) => {
    for (const [index, at] of instants.entries()) {
      for (const partnerId of [partner.id, other.id]) {
        await db.query(
          `insert into public.audit_log (org_id, actor_type, action, resource_type, resource_id, partner_id, after, created_at)
           values ($1, 'system', 'partner.updated', 'partner', $2, $3, $4, $5)`,
          [ACME, partnerId, partnerId, { marker: index }, at],
        );
      }
    }
  });

  const admin = await staffPage(browser, "/admin/audit");
  await expect(admin.getByText(/America\/New_York/).first()).toBeVisible();
  const filters = admin.getByRole("form", { name: "Filter audit entries" });
  await pickOption(filters.getByLabel("Partner", { exact: true }), partner.name);
  await filters.getByLabel("From", { exact: true }).fill("2031-01-15");
  await filters.getByLabel("To", { exact: true }).fill("2031-01-15");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/from=2031-01-15/);
  await expect(admin.getByTestId("audit-entry")).toHaveCount(2);

  const downloading = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(2);
  expect(rows.every((row) => row.partner_id === partner.id && row.action === "partner.updated")).toBe(true);
  expect(rows.map((row) => new Date(row.created_at!).toISOString()).sort()).toEqual([
    "2031-01-15T05:00:00.000Z",
    "2031-01-16T04:59:59.000Z",
  ]);
  expect(rows.map((row) => JSON.parse(row.after!).marker).sort()).toEqual([1, 2]);
  // The org's own clock beside UTC: both rows fall on January 15 in New York.
  expect(rows.every((row) => row.time_zone === "America/New_York")).toBe(true);
  expect(rows.map((row) => row.created_at_local).sort()).toEqual(["2031-01-15 00:00:00", "2031-01-15 23:59:59"]);
});
