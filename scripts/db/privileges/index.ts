import pg from "pg";
import { comparePrivileges } from "./compare";
import { loadExpectedGrants } from "./expected-grants";
import type { Difference } from "./model";
import { readPrivileges, type Queryable } from "./read-privileges";

export { comparePrivileges, formatDifference } from "./compare";
export { formatGrants, loadExpectedGrants, parseExpectedGrants } from "./expected-grants";
export type { Difference, Grant, PrivilegeReport } from "./model";
export { readPrivileges } from "./read-privileges";

/** The whole check: the database's grants against the expected table. No differences is a pass. */
export async function privilegeDifferences(client: Queryable): Promise<Difference[]> {
  return comparePrivileges(loadExpectedGrants(), await readPrivileges(client));
}

/** The same, on a connection string. Any role can read what others may do: no superuser needed. */
export async function privilegeDifferencesAt(connectionString: string): Promise<Difference[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await privilegeDifferences(client);
  } finally {
    await client.end();
  }
}
