/**
 * `supabase config push` for this project, refusing to run when a variable that
 * supabase/config.toml reads with env() is unset: the CLI would push the literal text
 * "env(PARTNERDESK_SITE_URL)" as the hosted project's site URL.
 *
 *   PARTNERDESK_SITE_URL=https://partnerdesk.example.com \
 *   PARTNERDESK_REDIRECT_URLS="https://partnerdesk.example.com/**" \
 *   npm run config:push -- --remote=<project ref>
 *
 * Extra arguments go to the CLI (it asks before writing unless given --yes).
 */
import { spawn } from "node:child_process";
import path from "node:path";

const projectDir = path.resolve(import.meta.dirname, "..");

function fail(message: string): never {
  console.error(`config:push: ${message}`);
  process.exit(1);
}

function absoluteUrl(name: string, value: string): void {
  try {
    if (!/^https?:$/.test(new URL(value.replaceAll("*", "x")).protocol)) throw new Error();
  } catch {
    fail(`${name} holds "${value}", which is not an http(s) URL`);
  }
}

const site = process.env.PARTNERDESK_SITE_URL ?? "";
const redirects = (process.env.PARTNERDESK_REDIRECT_URLS ?? "")
  .split(",")
  .map((entry) => entry.trim())
  .filter(Boolean);
if (site === "") fail("set PARTNERDESK_SITE_URL to the app's public URL (the hosted project's site_url)");
if (redirects.length === 0) {
  fail("set PARTNERDESK_REDIRECT_URLS to the comma-separated redirect globs, e.g. https://partnerdesk.example.com/**");
}
absoluteUrl("PARTNERDESK_SITE_URL", site);
for (const entry of redirects) absoluteUrl("PARTNERDESK_REDIRECT_URLS", entry);

const child = spawn(
  path.join(projectDir, "node_modules", ".bin", "supabase"),
  ["config", "push", ...process.argv.slice(2)],
  {
    cwd: projectDir,
    stdio: "inherit",
  },
);
child.once("exit", (code) => process.exit(code ?? 1));
