import { expect, test, type Page } from "@playwright/test";
import { sql } from "../../tests/support/db";
import { DEMO_PASSWORD, signInAsStaff } from "../support/auth";
import { ACME, createStaffMember } from "../support/people";

/**
 * The rows route starts its reads with the org the active-org cookie names, before the
 * membership check has answered. The cookie is the browser's to write: naming an org the
 * person is not staff of must give them their own org's rows, never the other's and never
 * an empty answer; naming a second org they are staff of gives that org's rows.
 */
const GLOBEX = "00000000-0000-4000-8000-00000000b101";
const ROUTE = "/api/partners/directory?sort=name&size=50";

async function answerWithCookie(page: Page, orgId: string | null) {
  const context = page.context();
  await context.clearCookies({ name: "pd-active-org" });
  // As the org switcher writes it: for the whole site, routes included.
  if (orgId)
    await context.addCookies([
      { name: "pd-active-org", value: orgId, domain: new URL(page.url()).hostname, path: "/", httpOnly: true },
    ]);
  const response = await page.request.get(ROUTE);
  expect(response.status()).toBe(200);
  return (await response.json()) as { rows: { id: string; name: string }[]; summary: { total: number } };
}

async function orgCount(orgId: string): Promise<number> {
  const [row] = await sql<{ n: string }>(
    "select count(*) as n from public.partners where org_id = $1 and archived_at is null",
    [orgId],
  );
  return Number(row!.n);
}

async function orgsOf(ids: string[]): Promise<string[]> {
  const rows = await sql<{ org_id: string }>("select distinct org_id from public.partners where id = any ($1)", [ids]);
  return rows.map((row) => row.org_id);
}

test("a cookie naming an org the person is not staff of gives their own org's rows", async ({ page }) => {
  await signInAsStaff(page, "member@acme.test");
  const own = await answerWithCookie(page, null);
  expect(own.rows.length).toBeGreaterThan(0);
  expect(await orgsOf(own.rows.map((row) => row.id))).toEqual([ACME]);

  for (const cookie of [GLOBEX, "not-an-org"]) {
    const answer = await answerWithCookie(page, cookie);
    expect(answer.rows.map((row) => row.name)).toEqual(own.rows.map((row) => row.name));
    expect(answer.summary.total).toBe(own.summary.total);
  }
});

test("a cookie naming a second org the person is staff of gives that org's rows", async ({ page }) => {
  const person = await createStaffMember("TwoOrgs", DEMO_PASSWORD);
  await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [GLOBEX, person.id]);
  await signInAsStaff(page, person.email);

  const globex = await answerWithCookie(page, GLOBEX);
  expect(globex.rows.length).toBeGreaterThan(0);
  expect(await orgsOf(globex.rows.map((row) => row.id))).toEqual([GLOBEX]);
  expect(globex.summary.total).toBe(await orgCount(GLOBEX));

  // Control: the first org again by its cookie.
  const acme = await answerWithCookie(page, ACME);
  expect(await orgsOf(acme.rows.map((row) => row.id))).toEqual([ACME]);
});
