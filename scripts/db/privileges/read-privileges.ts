import type pg from "pg";
import { API_ROLES, COLUMN_PRIVILEGES, PRIVILEGES, type Grant, type PrivilegeReport, type Role } from "./model";

/** Anything that runs a query: a pg Client, a Pool, or a pool's client. */
export type Queryable = Pick<pg.ClientBase, "query">;

/** The schemas whose every object the report covers. */
export const REPORTED_SCHEMAS = ["public", "private"];

/**
 * The platform's `auth` functions that the migrations call (in policies and functions).
 * The platform owns them: the report checks they stay executable, and ignores the rest of `auth`.
 */
export const AUTH_FUNCTIONS_CALLED = ["auth.uid()", "auth.role()"];

// Objects an extension installed are the extension's business, not the migrations'.
const notFromExtension = (oid: string, catalog: string) =>
  `not exists (select from pg_depend d where d.objid = ${oid} and d.classid = '${catalog}'::regclass and d.deptype = 'e')`;

const RELATION_KIND_NAMES = `case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
  when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end`;

type Row = { object: string; role: Role; privilege: string; whole: boolean; columns: string[] | null };

async function readRelations(client: Queryable, schemas: string[], tablePrivileges: string[]): Promise<Row[]> {
  const result = await client.query<Row>(
    `with roles(role) as (select unnest($2::text[])),
          privs(privilege, by_column) as (select p, p = any($4::text[]) from unnest($3::text[]) as p),
          rels as (
            select c.oid, ${RELATION_KIND_NAMES} || ' ' || n.nspname || '.' || c.relname as object
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
               and ${notFromExtension("c.oid", "pg_class")})
     select r.object, ro.role, p.privilege,
            has_table_privilege(ro.role, r.oid, p.privilege) as whole,
            case when p.by_column and not has_table_privilege(ro.role, r.oid, p.privilege) then
              array(select a.attname::text from pg_attribute a
                     where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
                       and has_column_privilege(ro.role, r.oid, a.attnum, p.privilege)
                     order by a.attname)
            end as columns
       from rels r cross join roles ro cross join privs p`,
    [schemas, [...API_ROLES], tablePrivileges, [...COLUMN_PRIVILEGES]],
  );
  return result.rows;
}

async function readSequences(client: Queryable, schemas: string[]): Promise<Row[]> {
  const result = await client.query<Row>(
    `select 'sequence ' || n.nspname || '.' || c.relname as object, ro.role, p.privilege,
            has_sequence_privilege(ro.role, c.oid, p.privilege) as whole, null as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join unnest($2::text[]) as ro(role) cross join unnest($3::text[]) as p(privilege)
      where n.nspname = any($1::text[]) and c.relkind = 'S' and ${notFromExtension("c.oid", "pg_class")}`,
    [schemas, [...API_ROLES], PRIVILEGES.sequence],
  );
  return result.rows;
}

async function readFunctions(client: Queryable, schemas: string[], authFunctions: string[]): Promise<Row[]> {
  const result = await client.query<Row & { sql_role: string }>(
    `with fns as (
       select p.oid, n.nspname || '.' || p.proname || '(' ||
              coalesce((select string_agg(format_type(t.type, null), ', ' order by t.ord)
                          from unnest(p.proargtypes::oid[]) with ordinality as t(type, ord)), '') || ')' as name,
              n.nspname
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where (n.nspname = any($1::text[]) or n.nspname = 'auth') and ${notFromExtension("p.oid", "pg_proc")})
     select 'function ' || f.name as object, ro.role as sql_role, 'EXECUTE' as privilege,
            has_function_privilege(ro.role, f.oid, 'EXECUTE') as whole, null as columns
       from fns f cross join unnest($2::text[]) as ro(role)
      where f.nspname <> 'auth' or f.name = any($3::text[])`,
    // has_function_privilege() names PUBLIC in lower case.
    [schemas, [...API_ROLES, "public"], authFunctions],
  );
  return result.rows.map((row) => ({ ...row, role: row.sql_role === "public" ? "PUBLIC" : (row.sql_role as Role) }));
}

async function readSchemas(client: Queryable, schemas: string[]): Promise<Row[]> {
  const result = await client.query<Row>(
    `select 'schema ' || n.nspname as object, ro.role, p.privilege,
            has_schema_privilege(ro.role, n.oid, p.privilege) as whole, null as columns
       from pg_namespace n cross join unnest($2::text[]) as ro(role) cross join unnest($3::text[]) as p(privilege)
      where n.nspname = any($1::text[])`,
    [schemas, [...API_ROLES], PRIVILEGES.schema],
  );
  return result.rows;
}

/**
 * What each API role may actually do, as Postgres decides it (has_*_privilege: grants to the
 * role, to PUBLIC, and through role membership all count). A column-level grant is reported
 * with its columns; a table-level one without.
 */
export async function readPrivileges(
  client: Queryable,
  options: { schemas?: string[]; authFunctions?: string[] } = {},
): Promise<PrivilegeReport> {
  const schemas = options.schemas ?? REPORTED_SCHEMAS;
  const version = Number(
    (await client.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v,
  );
  // MAINTAIN exists from Postgres 17 on; older servers refuse the word.
  const tablePrivileges = PRIVILEGES.table.filter((privilege) => privilege !== "MAINTAIN" || version >= 170000);
  const rows = [
    ...(await readSchemas(client, schemas)),
    ...(await readRelations(client, schemas, tablePrivileges)),
    ...(await readSequences(client, schemas)),
    ...(await readFunctions(client, schemas, options.authFunctions ?? AUTH_FUNCTIONS_CALLED)),
  ];
  const grants: Grant[] = [];
  for (const row of rows) {
    if (row.whole) grants.push({ object: row.object, role: row.role, privilege: row.privilege, columns: null });
    else if (row.columns && row.columns.length > 0)
      grants.push({ object: row.object, role: row.role, privilege: row.privilege, columns: row.columns });
  }
  return { objects: new Set(rows.map((row) => row.object)), grants };
}
