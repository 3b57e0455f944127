import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dbUrl, SUPERUSER } from "../../local-supabase/config";
import { createProjectDatabase, dropDatabase, runSupabaseCli, withClient } from "../../local-supabase/database";
import { formatDifference, privilegeDifferencesAt } from "../../scripts/db/privileges/index";
import { testStackConfig } from "../support/test-stack";

/**
 * What a developer does against a new hosted project: `supabase db push`, as `postgres` (not
 * a superuser), onto a database laid out as hosted Supabase lays it out but holding none of
 * our migrations. Once with today's default privileges (the API roles get nothing on new
 * objects) and once with "automatically expose new tables and functions" on (ALL to them).
 */
const config = testStackConfig();
const migrations = fs
  .readdirSync(path.resolve(import.meta.dirname, "../../supabase/migrations"))
  .filter((file) => file.endsWith(".sql"))
  .map((file) => file.split("_")[0]!)
  .sort();
const created: string[] = [];

afterAll(async () => {
  for (const database of created) await dropDatabase(config, database);
});

async function query<T>(database: string, text: string): Promise<T[]> {
  return withClient(config, database, async (client) => (await client.query(text)).rows as T[], SUPERUSER);
}

describe.each([
  { layout: "new objects exposed to nobody (hosted's default)", exposeNewObjects: false },
  { layout: "new objects exposed to the API roles (older and self-hosted projects)", exposeNewObjects: true },
])("supabase db push, $layout", ({ exposeNewObjects }) => {
  const database = `push_${exposeNewObjects ? "exposed" : "closed"}_${crypto.randomUUID().slice(0, 8)}`;

  it("applies every migration and the seed as postgres, and records them", { timeout: 180_000 }, async () => {
    await createProjectDatabase(config, database, { exposeNewObjects });
    created.push(database);
    const [postgres] = await query<{ rolsuper: boolean; owns: boolean }>(
      database,
      "select rolsuper, pg_get_userbyid(d.datdba) = 'postgres' as owns from pg_roles, pg_database d " +
        "where rolname = 'postgres' and d.datname = current_database()",
    );
    expect(postgres).toEqual({ rolsuper: false, owns: true });

    const output = await runSupabaseCli(config, [
      "db",
      "push",
      `--remote=${dbUrl(config, "postgres", config.dbPassword, database)}`,
      "--yes",
      "--include-all",
      "--include-seed",
    ]);
    expect(output).not.toMatch(/ERROR/);
    expect(output).toMatch(/seed\.sql/);

    const applied = await query<{ version: string }>(
      database,
      "select version from supabase_migrations.schema_migrations order by version",
    );
    expect(applied.map((row) => row.version)).toEqual(migrations);
    const [seeded] = await query<{ organizations: number }>(
      database,
      "select count(*)::int as organizations from public.organizations",
    );
    expect(seeded!.organizations).toBeGreaterThan(0);
  });

  it("grants each API role exactly what the expected-grants table says, whatever the default", async () => {
    const differences = await privilegeDifferencesAt(dbUrl(config, "postgres", config.dbPassword, database));
    expect(differences.map(formatDifference)).toEqual([]);
  });

  it("leaves the append-only tables append-only for every API role, service_role included", async () => {
    const widened = await query<{ grantee: string; table_name: string; privilege: string }>(
      database,
      `select r.role as grantee, t.table_name, p.privilege
         from (values ('anon'), ('authenticated'), ('service_role')) as r(role)
        cross join (values ('partner_activity_log'), ('audit_log')) as t(table_name)
        cross join (values ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('TRIGGER'), ('REFERENCES')) as p(privilege)
        where has_table_privilege(r.role, 'public.' || t.table_name, p.privilege)`,
    );
    expect(widened).toEqual([]);
  });

  it("lets anon run no function of ours, and authenticated only those opened one by one", async () => {
    const runnable = await query<{ role: string; fn: string }>(
      database,
      `select r.role, p.oid::regprocedure::text as fn
         from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
        cross join (values ('anon'), ('authenticated')) as r(role)
        where n.nspname in ('public', 'private')
          and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
          and has_function_privilege(r.role, p.oid, 'EXECUTE')`,
    );
    expect(runnable.filter((row) => row.role === "anon")).toEqual([]);
    // Every function authenticated may run was granted to it by name, never by a default.
    const granted = await query<{ fn: string }>(
      database,
      `select p.oid::regprocedure::text as fn
         from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
        cross join lateral aclexplode(p.proacl) as a
        where n.nspname in ('public', 'private') and a.grantee = 'authenticated'::regrole and a.privilege_type = 'EXECUTE'`,
    );
    const names = (rows: { fn: string }[]) => rows.map((row) => row.fn).sort();
    expect(names(runnable.filter((row) => row.role === "authenticated"))).toEqual(names(granted));
  });
});
