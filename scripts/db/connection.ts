import pg from "pg";
import { dbUrl, loadConfig } from "../../local-supabase/config";

/** The database the db scripts work on: SUPABASE_DB_URL when set, else the local stack's. */
export function databaseUrl(): string {
  return process.env.SUPABASE_DB_URL || dbUrl(loadConfig());
}

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
