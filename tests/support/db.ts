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

/**
 * Holds the job runner to this test file until the file ends. The runner's claims (outbox
 * fan-out, emails, webhooks, digests) are global, so two files driving it at once would claim
 * each other's work; files that drive it take this lock in beforeAll and give it back after.
 */
export function holdJobRunner(): { take: () => Promise<void>; release: () => Promise<void> } {
  let client: pg.Client | undefined;
  return {
    take: async () => {
      client = new pg.Client({ connectionString: testEnv.adminDbUrl });
      await client.connect();
      await client.query("select pg_advisory_lock(hashtext('tests: job runner'))");
    },
    release: async () => {
      await client?.end();
      client = undefined;
    },
  };
}
