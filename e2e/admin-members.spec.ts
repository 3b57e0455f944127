import { expect, test, type Browser, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { DEMO_PASSWORD } from "./support/auth";
import { openAsStaff } from "./support/session";

// Staff members of Acme (seed): each test adds and works on its own people, so the demo
// admin and the seeded members are never changed.
const ACME = "00000000-0000-4000-8000-00000000ac01";
const LAST_ADMIN_MESSAGE = "An organization keeps at least one admin. Make another member admin first.";

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

/** A confirmed auth user with the demo password, through GoTrue's admin API. */
async function createAuthUser(email: string, name: string): Promise<string> {
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password: DEMO_PASSWORD,
    email_confirm: true,
    user_metadata: { display_name: name },
  });
  if (error || !data.user) throw error ?? new Error("createUser returned no user");
  return data.user.id;
}

async function addStaff(orgId: string, role: string, label: string): Promise<{ id: string; email: string }> {
  const email = `${unique(label)}@acme.test`;
  const id = await createAuthUser(email, label);
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, $3)", [orgId, id, role]),
  );
  return { id, email };
}

async function roleOf(orgId: string, userId: string): Promise<string | null> {
  return withDb(
    async (db) =>
      (await db.query("select role from public.org_members where org_id = $1 and user_id = $2", [orgId, userId]))
        .rows[0]?.role ?? null,
  );
}

async function membersPage(browser: Browser, email = "admin@acme.test"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openAsStaff(page, email, "/admin/settings/members");
  return page;
}

const memberRow = (page: Page, email: string) => page.getByTestId("member").filter({ hasText: email });

// Inviting (and accepting) lives in invitations.spec.ts.

test("an admin changes a member's role, and removes a member", async ({ browser }) => {
  const member = await addStaff(ACME, "member", "role-change");
  const leaver = await addStaff(ACME, "viewer", "leaver");
  const admin = await membersPage(browser);

  await memberRow(admin, member.email).getByRole("combobox").selectOption("manager");
  await expect(admin.getByText(/is now manager/)).toBeVisible();
  await expect.poll(() => roleOf(ACME, member.id)).toBe("manager");
  await admin.reload();
  await expect(memberRow(admin, member.email).getByRole("combobox")).toHaveValue("manager");

  admin.once("dialog", (dialog) => void dialog.accept());
  await memberRow(admin, leaver.email).getByRole("button", { name: "Remove" }).click();
  await expect(memberRow(admin, leaver.email)).toHaveCount(0);
  expect(await roleOf(ACME, leaver.id)).toBeNull();
  // The audit log has both, with the admin as actor.
  const entries = await withDb(
    async (db) =>
      (
        await db.query(
          `select a.action, u.email as actor from public.audit_log a join auth.users u on u.id = a.actor_id
            where a.org_id = $1 and a.resource_id = any ($2) and a.action in ('org_member.role_changed', 'org_member.removed') order by a.action`,
          [ACME, [`${ACME}:${member.id}`, `${ACME}:${leaver.id}`]],
        )
      ).rows as { action: string; actor: string }[],
  );
  expect(entries).toEqual([
    { action: "org_member.removed", actor: "admin@acme.test" },
    { action: "org_member.role_changed", actor: "admin@acme.test" },
  ]);
});

test("the last admin of an organization can be neither demoted nor removed, and the page says why", async ({
  browser,
}) => {
  // A fresh organization whose only admin is a fresh person: nothing seeded is touched.
  const slug = unique("solo").toLowerCase();
  const orgId = await withDb(
    async (db) =>
      (
        await db.query(
          "insert into public.organizations (name, slug, time_zone) values ($1, $2, 'Europe/Berlin') returning id",
          [`Solo ${slug}`, slug],
        )
      ).rows[0].id as string,
  );
  const solo = await addStaff(orgId, "admin", "solo-admin");
  const page = await membersPage(browser, solo.email);
  const row = memberRow(page, solo.email);
  await expect(row).toContainText("(you)");

  await row.getByRole("combobox").selectOption("member");
  await expect(row.getByRole("alert")).toHaveText(LAST_ADMIN_MESSAGE);
  await expect(row.getByRole("combobox")).toHaveValue("admin");
  expect(await roleOf(orgId, solo.id)).toBe("admin");

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row.getByRole("alert")).toHaveText(LAST_ADMIN_MESSAGE);
  expect(await roleOf(orgId, solo.id)).toBe("admin");
  await page.reload();
  await expect(memberRow(page, solo.email).getByRole("combobox")).toHaveValue("admin");
});
