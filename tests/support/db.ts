import pg from "pg";
import { testEnv } from "./env";

let pool: pg.Pool | undefined;

/** A superuser pool on the test stack, for arranging data and checking it behind RLS's back. */
export function adminPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testEnv.adminDbUrl, max: 4 });
  return pool;
}

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await adminPool().query<T>(text, params);
  return result.rows;
}
