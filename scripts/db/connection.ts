import pg from "pg";
import { adminDbUrl, dbUrl, loadConfig } from "../../local-supabase/config";

/** The database the db scripts work on, as `postgres`: SUPABASE_DB_URL when set, else the local stack's. */
export function databaseUrl(): string {
  return process.env.SUPABASE_DB_URL || dbUrl(loadConfig());
}

/**
 * The same database as its superuser, for the bulk loader only (it sets per-row triggers
 * aside, which only a superuser may): SUPABASE_ADMIN_DB_URL when set, else the local
 * stack's supabase_admin. A hosted project gives nobody this role, so the loader is for
 * local and benchmark stacks.
 */
export function adminDatabaseUrl(): string {
  return process.env.SUPABASE_ADMIN_DB_URL || adminDbUrl(loadConfig());
}

export async function withDatabase<T>(
  work: (client: pg.Client) => Promise<T>,
  connectionString = databaseUrl(),
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
