/**
 * npm run db:privileges [-- --db-url <connection string>] [--actual]
 *
 * Prints how the database's grants differ from expected-grants.txt, one line each, and
 * exits 1 when any do. `--actual` prints the database's grants in the table's own format
 * instead (the starting point when the schema gains an object).
 * Without --db-url: SUPABASE_DB_URL, else the local stack (LOCAL_SUPABASE_* as for `npm run stack`).
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseUrl } from "../connection";
import { formatDifference, formatGrants, privilegeDifferences, readPrivileges } from "./index";

const { values } = parseArgs({ options: { "db-url": { type: "string" }, actual: { type: "boolean" } } });
const client = new pg.Client({ connectionString: values["db-url"] ?? databaseUrl() });
await client.connect();
try {
  if (values.actual) {
    process.stdout.write(formatGrants((await readPrivileges(client)).grants));
  } else {
    const differences = await privilegeDifferences(client);
    for (const difference of differences) console.log(formatDifference(difference));
    console.log(differences.length === 0 ? "no differences" : `${differences.length} differences`);
    process.exitCode = differences.length === 0 ? 0 : 1;
  }
} finally {
  await client.end();
}
