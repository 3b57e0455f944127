import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("anon");
  for (const table of [
    "partner_referrals",
    "partner_commissions",
    "partner_tasks",
    "partner_documents",
    "partner_training",
    "partner_notes",
  ]) {
    await insertChild(table, world.partners.granted);
  }
});

/** Every table in public with its first column, from the catalog, so a new table is covered without editing this file. */
async function publicTables(): Promise<{ name: string; first: string; hasOrg: boolean }[]> {
  return sql(`
    select c.relname as name,
      (select attname from pg_attribute where attrelid = c.oid and attnum = 1) as first,
      exists (select from pg_attribute where attrelid = c.oid and attname = 'org_id' and not attisdropped) as "hasOrg"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') order by 1`);
}

/** A digest of this file's rows (its two orgs), table by table; other files' rows are theirs. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of await publicTables()) {
    const where = table.hasOrg
      ? "t.org_id = any($1)"
      : table.name === "organizations"
        ? "t.id = any($1)"
        : "cardinality($1::uuid[]) < 0";
    const [row] = await sql<{ n: string; h: string }>(
      `select count(*) as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from public."${table.name}" t where ${where}`,
      [[world.org.id, world.otherOrg.id]],
    );
    parts.push(`${table.name}:${row!.n}:${row!.h}`);
  }
  return parts.join("\n");
}

describe("anon gets nothing anywhere", () => {
  it("the catalog agrees: anon holds no privilege on any table in public", async () => {
    const rows = await sql<{ name: string; privilege: string }>(`
      select c.relname as name, p.privilege as privilege
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join unnest(array['select', 'insert', 'update', 'delete', 'truncate', 'references', 'trigger']) as p(privilege)
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and has_table_privilege('anon', c.oid, p.privilege)
      order by 1, 2`);
    expect(rows.map((row) => `${row.name}:${row.privilege}`)).toEqual([]);
  });

  it("and no function in public is executable by anon", async () => {
    const rows = await sql<{ name: string }>(`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')
        and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("through PostgREST: every table reads as nothing, every write is refused, and nothing changes", async () => {
    const anon = world.people.anon.client;
    const before = await fingerprint();
    for (const { name: table, first } of await publicTables()) {
      const read = await anon.from(table).select("*").limit(5);
      if (read.error) expect(read.error.code, `${table} select`).toBe("42501");
      else expect(read.data, `${table} select`).toEqual([]);

      const insert = await anon.from(table).insert({ [first]: crypto.randomUUID() } as never);
      expect(insert.error?.code, `${table} insert`).toBe("42501");

      const update = await anon
        .from(table)
        .update({ [first]: crypto.randomUUID() }, { count: "exact" })
        .not(first, "is", null);
      if (update.error) expect(update.error.code, `${table} update`).toBe("42501");
      else expect(update.count, `${table} update`).toBe(0);

      const remove = await anon.from(table).delete({ count: "exact" }).not(first, "is", null);
      if (remove.error) expect(remove.error.code, `${table} delete`).toBe("42501");
      else expect(remove.count, `${table} delete`).toBe(0);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it.each([
    ["add_partner_note", { p_partner_id: "granted", p_body: "hello" }],
    ["record_portal_event", { p_event: "portal.sign_in" }],
    ["partner_directory_metrics", { p_org_id: "org" }],
    ["partner_rollups", { p_partner_id: "granted" }],
  ] as const)("rpc %s is refused", async (fn, args) => {
    const params = Object.fromEntries(
      Object.entries(args).map(([k, v]) => [
        k,
        v === "granted" ? world.partners.granted : v === "org" ? world.org.id : v,
      ]),
    );
    const result = await world.people.anon.client.rpc(fn, params);
    expect(result.error?.code).toBe("42501");
  });
});
