import { formatDifference, privilegeDifferencesAt, type Difference } from "../db/privileges/index";
import { objectKind } from "../db/privileges/model";
import { fail, pass, skip, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

/** `on table public.t`, `on function private.f(uuid)`: GRANT names every relation a table. */
function sqlTarget(object: string): string {
  const kind = objectKind(object);
  const name = object.slice(kind.length + 1);
  const word = kind === "schema" || kind === "sequence" || kind === "function" ? kind : "table";
  return `on ${word} ${name}`;
}

/** The statement a new migration needs so the database matches the table again. */
export function fixFor(difference: Difference): string {
  if (difference.actual === "no such object") return "apply the migrations (npx supabase db push --remote)";
  const role = difference.role === "PUBLIC" ? "public" : difference.role;
  const target = sqlTarget(difference.object);
  // Revoking a table privilege also revokes it on each column, so one revoke clears either kind.
  const revoke = `revoke ${difference.privilege.toLowerCase()} ${target} from ${role};`;
  const granted = difference.expected.replace(/^[A-Z]+/, (word) => word.toLowerCase());
  const grant = `grant ${granted} ${target} to ${role};`;
  const sql = difference.expected === "none" ? revoke : difference.actual === "none" ? grant : `${revoke} ${grant}`;
  return `in a new migration: ${sql}`;
}

/** The privilege report (scripts/db/privileges) on the target database. */
export async function checkPrivileges(options: DoctorOptions): Promise<CheckLine[]> {
  if (!options.dbUrl) return [skip("privileges: not checked: pass --db-url")];
  let differences: Difference[];
  try {
    differences = await privilegeDifferencesAt(options.dbUrl);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node-postgres verifies the server's certificate, which psql's sslmode=require does not.
    const fix = /certificate/i.test(message)
      ? "add sslrootcert=<the project's CA file> (Settings → Database → SSL) to --db-url, or sslmode=no-verify"
      : "pass a connection string that works with psql as --db-url";
    return [fail(`privileges: cannot read the database (${message})`, fix)];
  }
  if (differences.length === 0) return [pass("privileges match scripts/db/privileges/expected-grants.txt")];
  return differences.map((difference) => fail(`privilege: ${formatDifference(difference)}`, fixFor(difference)));
}
