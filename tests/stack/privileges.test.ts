import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDifference, privilegeDifferences, privilegeDifferencesAt } from "../../scripts/db/privileges/index";
import { testEnv } from "../support/env";

/**
 * The migrations' grants, compared with scripts/db/privileges/expected-grants.txt on the
 * test stack's database. A failure lists one line per difference: fix the migration (a new
 * one) or, when the new grant is right, the table.
 */
describe("database privileges", () => {
  it("are exactly those of expected-grants.txt", async () => {
    const differences = await privilegeDifferencesAt(testEnv.dbUrl);
    expect(differences.map(formatDifference)).toEqual([]);
  });
});

describe("the privilege report, on objects made for it and rolled back", () => {
  let client: pg.Client;
  let found: string[];

  beforeAll(async () => {
    client = new pg.Client({ connectionString: testEnv.dbUrl });
    await client.connect();
    await client.query("begin");
    await client.query(`
      create function private.report_probe() returns int language sql set search_path = '' as 'select 1';
      revoke all on function private.report_probe() from public, anon, authenticated, service_role;
      grant execute on function private.report_probe() to public;
      create table public.report_probe (id uuid primary key, name text, secret text);
      -- Explicit both ways, so the probe reads the same whichever default privileges the stack has.
      revoke all on table public.report_probe from public, anon, authenticated, service_role;
      grant select, insert (id, name) on public.report_probe to authenticated;
      grant truncate on public.report_probe to authenticated;
      grant select on public.report_probe to anon;
    `);
    found = (await privilegeDifferences(client)).map(formatDifference).filter((line) => line.includes("report_probe"));
  });

  afterAll(async () => {
    await client.query("rollback");
    await client.end();
  });

  it("sees a private function granted to PUBLIC, and that anon may then run it", () => {
    expect(found).toContain(
      "function private.report_probe() | anon | EXECUTE | expected none | actual EXECUTE | no private function is executable by anon or PUBLIC",
    );
    expect(found).toContain(
      "function private.report_probe() | PUBLIC | EXECUTE | expected none | actual EXECUTE | no private function is executable by anon or PUBLIC",
    );
  });

  it("reports a column-level grant with its columns, and flags what the rules forbid", () => {
    expect(found).toEqual(
      expect.arrayContaining([
        "table public.report_probe | anon | SELECT | expected none | actual SELECT | anon holds nothing on any table, view or sequence",
        "table public.report_probe | authenticated | SELECT | expected none | actual SELECT",
        "table public.report_probe | authenticated | INSERT | expected none | actual INSERT (id, name)",
        "table public.report_probe | authenticated | TRUNCATE | expected none | actual TRUNCATE | anon and authenticated never hold TRUNCATE, TRIGGER, REFERENCES or MAINTAIN",
      ]),
    );
    expect(found.filter((line) => line.startsWith("table public.report_probe | authenticated"))).toHaveLength(3);
  });
});
