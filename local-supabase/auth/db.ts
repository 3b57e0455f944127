import pg from "pg";
import { type StackConfig } from "../config";

/** A pool or a client inside a transaction: both answer `query`. */
export type Db = pg.Pool | pg.PoolClient;

/** Connects as supabase_auth_admin, the role GoTrue uses, so triggers on auth.users run as they do on Supabase. */
export function createPool(config: StackConfig): pg.Pool {
  const pool = new pg.Pool({
    host: "127.0.0.1",
    port: config.dbPort,
    user: "supabase_auth_admin",
    password: config.dbPassword,
    database: "postgres",
    max: 6,
    application_name: "local-auth",
  });
  // An idle client losing its connection must not crash the stack.
  pool.on("error", () => {});
  return pool;
}

export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
