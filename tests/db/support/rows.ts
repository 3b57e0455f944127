import { randomUUID } from "node:crypto";
import { sql } from "../../support/db";

export type Row = Record<string, unknown>;

/** A short random token for slugs, emails and names, so files never collide. */
export function token(): string {
  return randomUUID().replaceAll("-", "").slice(0, 10);
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

/** Inserts one row as superuser (RLS and grants do not apply; triggers do) and returns it. */
export async function insertRow(table: string, values: Row): Promise<Row> {
  const columns = Object.keys(values);
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  const rows = await sql(
    `insert into public.${ident(table)} (${columns.map(ident).join(", ")}) values (${placeholders.join(", ")}) returning *`,
    Object.values(values),
  );
  return rows[0]!;
}

/** Rows matching `where` (column = value, and-ed), read as superuser: what is really in the table. */
export async function readRows(table: string, where: Row): Promise<Row[]> {
  const columns = Object.keys(where);
  const conditions = columns.map((column, i) => `${ident(column)} = $${i + 1}`);
  return sql(
    `select * from public.${ident(table)} ${conditions.length ? `where ${conditions.join(" and ")}` : ""} order by 1`,
    Object.values(where),
  );
}

export async function readRow(table: string, where: Row): Promise<Row | undefined> {
  return (await readRows(table, where))[0];
}

export async function countRows(table: string, where: Row): Promise<number> {
  return (await readRows(table, where)).length;
}

/** JSON round trip, so superuser rows (Date, bigint strings) compare with each other structurally. */
export function plain(row: unknown): unknown {
  return row === undefined ? undefined : JSON.parse(JSON.stringify(row));
}
