/**
 * npm run doctor -- --url <project url> --secret-key <key> [--db-url <connection string>]
 *                   [--access-token <management api token>] [--site-url <app url>] [--project-ref <ref>]
 *
 * Checks a Supabase project (hosted or local) and the app deployed on it, one line per check:
 * ✓ holds, ✗ fails (with a line saying how to fix it), – not checked (and which flag would
 * check it), ℹ a note. Exits 1 when any check fails. Flags fall back to the variables the app
 * and the CLI read: NEXT_PUBLIC_SUPABASE_URL, SUPABASE_SECRET_KEY, SUPABASE_ACCESS_TOKEN,
 * NEXT_PUBLIC_SITE_URL.
 */
import { checkApi } from "./api";
import { checkAuthConfig, fetchAuthConfig } from "./auth-config";
import { checkAuthSettings } from "./auth-settings";
import { checkIpForwarding } from "./ip-forwarding";
import { failed, formatLine, type CheckLine } from "./lines";
import { checkMigrations } from "./migrations";
import { parseOptions, projectRefOf, USAGE } from "./options";
import { checkPrivileges } from "./privileges";
import { checkSite } from "./site";

const parsed = parseOptions(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`doctor: ${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const options = parsed.options;
const ref = projectRefOf(options);
const remote = options.accessToken && ref ? await fetchAuthConfig(ref, options.accessToken) : undefined;

const groups: (() => Promise<CheckLine[]> | CheckLine[])[] = [
  () => checkApi(options),
  () => checkAuthSettings(options),
  () => checkSite(options),
  () => checkMigrations(options),
  () => checkPrivileges(options),
  () => checkAuthConfig(options, remote),
  () => checkIpForwarding(options, remote),
];

const lines: CheckLine[] = [];
for (const group of groups) {
  for (const line of await group()) {
    lines.push(line);
    console.log(formatLine(line));
  }
}
const failures = lines.filter((line) => line.status === "fail").length;
console.log(failed(lines) ? `\n${failures} check(s) failed` : "\nevery check that ran passed");
process.exitCode = failed(lines) ? 1 : 0;
