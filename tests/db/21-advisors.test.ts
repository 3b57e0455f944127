import { describe, expect, it } from "vitest";
import { sql } from "../support/db";

/**
 * Supabase's database advisors (security and performance lints), as tests that read
 * the catalog. Each returns the offenders, so a failure names what to fix.
 */

/** Objects that an extension owns are not ours to lint. */
const NOT_FROM_EXTENSION = (oid: string, catalog: string) =>
  `not exists (select from pg_depend d where d.objid = ${oid} and d.classid = '${catalog}'::regclass and d.deptype = 'e')`;

describe("advisors: security", () => {
  it("every table in public has row level security enabled (rls_disabled_in_public)", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
        and ${NOT_FROM_EXTENSION("c.oid", "pg_class")}
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("the schema has the tables of DESIGN.md, each with RLS", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity`);
    const names = rows.map((row) => row.name);
    for (const table of [
      "organizations",
      "org_members",
      "profiles",
      "partners",
      "partner_notes",
      "partner_referrals",
      "partner_commissions",
      "partner_tasks",
      "partner_documents",
      "partner_training",
      "partner_resources",
      "partner_activity_log",
      "audit_log",
      "partner_users",
      "partner_access",
      "partner_stats",
      "user_preferences",
    ]) {
      expect(names, table).toContain(table);
    }
  });

  it("no function in public or private has a mutable search_path (function_search_path_mutable)", async () => {
    const rows = await sql<{ name: string }>(`
      select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prokind in ('f', 'p')
        and not exists (select from unnest(coalesce(p.proconfig, '{}')) as setting where setting like 'search_path=%')
        and ${NOT_FROM_EXTENSION("p.oid", "pg_proc")}
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("no view in public runs with its owner's rights (security_definer_view)", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'v'
        and not coalesce(c.reloptions, '{}') && array['security_invoker=true', 'security_invoker=on', 'security_invoker=1']
        and ${NOT_FROM_EXTENSION("c.oid", "pg_class")}
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("no materialized view in public is readable through the API (materialized_view_in_api)", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'm'
        and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("private helpers exist, are security definer and stable, and anon cannot execute them", async () => {
    const rows = await sql<{
      name: string;
      definer: boolean;
      volatility: string;
      anon: boolean;
      public_exec: boolean;
    }>(`
      select p.proname as name, p.prosecdef as definer, p.provolatile as volatility,
        has_function_privilege('anon', p.oid, 'execute') as anon,
        exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_exec
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'private' and p.prokind = 'f' and p.prorettype <> 'trigger'::regtype
      order by 1`);
    expect(rows.length, "helpers in schema private").toBeGreaterThan(0);
    expect(
      rows.filter((row) => row.anon).map((row) => row.name),
      "executable by anon",
    ).toEqual([]);
    expect(
      rows.filter((row) => row.public_exec).map((row) => row.name),
      "executable by PUBLIC",
    ).toEqual([]);
  });

  it("the private schema is not exposed: anon has no usage on it", async () => {
    const [row] = await sql<{ usage: boolean }>(`select has_schema_privilege('anon', 'private', 'usage') as usage`);
    expect(row!.usage).toBe(false);
  });

  it("no security definer function in public is executable by anon", async () => {
    const rows = await sql<{ name: string }>(`
      select p.proname as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef and has_function_privilege('anon', p.oid, 'execute')
        and ${NOT_FROM_EXTENSION("p.oid", "pg_proc")}
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("policies call auth.* and private helpers inside a (select ...), once per statement (auth_rls_initplan)", async () => {
    const rows = await sql<{ table: string; policy: string; expression: string }>(`
      select tablename as table, policyname as policy, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expression
      from pg_policies where schemaname = 'public'`);
    const offenders: string[] = [];
    for (const row of rows) {
      // Every call to auth.uid()/jwt()/role()/email(), current_setting() or a private helper must sit in a
      // sub-select ("SELECT f()" or "FROM f()"), so it runs once per statement, not per row.
      const calls = row.expression.matchAll(/(auth\.(?:uid|jwt|role|email)|current_setting|private\.\w+)\s*\(/gi);
      for (const call of calls) {
        const before = row.expression.slice(0, call.index);
        if (!/(select|from)\s+$/i.test(before))
          offenders.push(`${row.table}."${row.policy}": ${call[1]}() per row in ${row.expression.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("no table has two permissive policies for one role and action (multiple_permissive_policies)", async () => {
    const rows = await sql<{ table: string; role: string; action: string; policies: string[] }>(`
      with policy as (
        select tablename, policyname, unnest(roles) as role,
          case when cmd = 'ALL' then array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] else array[cmd] end as actions
        from pg_policies where schemaname = 'public' and permissive = 'PERMISSIVE'
      ), expanded as (
        select tablename, policyname, r.role, unnest(actions) as action
        from policy
        cross join lateral (
          select unnest(case when policy.role = 'public' then array['anon', 'authenticated', 'service_role'] else array[policy.role::text] end) as role
        ) r
      )
      select tablename as table, role, action, array_agg(policyname order by policyname) as policies
      from expanded group by 1, 2, 3 having count(*) > 1 order by 1, 2, 3`);
    expect(rows.map((row) => `${row.table} ${row.role} ${row.action}: ${row.policies.join(", ")}`)).toEqual([]);
  });

  it("no policy name reaches 63 bytes, where Postgres silently cuts identifiers", async () => {
    const rows = await sql<{ table: string; policy: string }>(`
      select tablename as table, policyname as policy from pg_policies
      where schemaname = 'public' and octet_length(policyname) >= 63 order by 1, 2`);
    expect(rows.map((row) => `${row.table}: ${row.policy}`)).toEqual([]);
  });

  it("no policy is granted to anon, and no policy targets every role (anon reads and writes nothing)", async () => {
    const rows = await sql<{ table: string; policy: string }>(`
      select tablename as table, policyname as policy from pg_policies
      where schemaname = 'public' and permissive = 'PERMISSIVE' and roles && array['anon', 'public']::name[]
      order by 1, 2`);
    expect(rows.map((row) => `${row.table}."${row.policy}"`)).toEqual([]);
  });
});

describe("advisors: performance", () => {
  it("every foreign key has an index that starts with its columns (unindexed_foreign_keys)", async () => {
    const rows = await sql<{ name: string }>(`
      select c.conrelid::regclass::text || '.' || c.conname as name
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname in ('public', 'private')
        and not exists (
          select from pg_index i
          where i.indrelid = c.conrelid and i.indpred is null
            and (select array_agg(k order by k) from unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]) k)
              = (select array_agg(k order by k) from unnest(c.conkey) k)
        )
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("no table has two identical indexes (duplicate_index)", async () => {
    const rows = await sql<{ names: string[] }>(`
      select array_agg(i.indexrelid::regclass::text order by i.indexrelid::regclass::text) as names
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private')
      group by i.indrelid, i.indkey::text, i.indclass::text, coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
      having count(*) > 1`);
    expect(rows.map((row) => row.names.join(" = "))).toEqual([]);
  });

  it("every table in public has a primary key (no_primary_key)", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not exists (select from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });
});

describe("schema habits", () => {
  it("every table and column in public carries a comment", async () => {
    const rows = await sql<{ name: string }>(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v') and obj_description(c.oid, 'pg_class') is null
      union all
      select c.relname || '.' || a.attname from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        and col_description(c.oid, a.attnum) is null
      order by 1`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it("timestamps are timestamptz, ids are uuid (DESIGN.md, Data)", async () => {
    const rows = await sql<{ name: string; type: string }>(`
      select c.relname || '.' || a.attname as name, format_type(a.atttypid, a.atttypmod) as type
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        and (format_type(a.atttypid, a.atttypmod) like 'timestamp without%'
          or (a.attname = 'id' and a.atttypid <> 'uuid'::regtype and c.relname <> 'audit_log' and c.relname <> 'partner_activity_log'))
      order by 1`);
    expect(rows.map((row) => `${row.name} ${row.type}`)).toEqual([]);
  });
});
