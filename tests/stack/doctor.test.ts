import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDifference, privilegeDifferencesAt } from "../../scripts/db/privileges/index";
import { localMigrations } from "../../scripts/doctor/migrations";
import { testEnv } from "../support/env";

const projectDir = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs `npm run doctor` as a person would, with none of the variables it falls back to. */
function doctor(args: string[]): Promise<{ code: number; lines: string[]; fixes: string[] }> {
  const env = { ...process.env };
  for (const name of [
    "NEXT_PUBLIC_SUPABASE_URL",
    "SUPABASE_URL",
    "SUPABASE_SECRET_KEY",
    "SUPABASE_SERVICE_ROLE_KEY",
    "SUPABASE_ACCESS_TOKEN",
    "NEXT_PUBLIC_SITE_URL",
    "SITE_URL",
  ])
    delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "scripts/doctor/index.ts", ...args], {
      cwd: projectDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const all = output.split("\n");
      resolve({
        code: code ?? 1,
        lines: all.filter((line) => /^[✓✗–ℹ] /.test(line)),
        fixes: all.filter((line) => line.startsWith("    fix: ")),
      });
    });
  });
}

const signupOff =
  (
    parse(fs.readFileSync(path.join(projectDir, "supabase", "config.toml"), "utf8")) as {
      auth?: { enable_signup?: boolean };
    }
  ).auth?.enable_signup === false;

describe("npm run doctor on the test stack", () => {
  it(
    "prints one line per check, a fix under each ✗, and exits 1 only when one fails",
    { timeout: 90_000 },
    async () => {
      const result = await doctor([
        "--url",
        testEnv.apiUrl,
        "--secret-key",
        testEnv.secretKey,
        "--db-url",
        testEnv.dbUrl,
      ]);
      const privileges = (await privilegeDifferencesAt(testEnv.dbUrl)).map(
        (d) => `✗ privilege: ${formatDifference(d)}`,
      );

      expect(result.lines).toEqual([
        expect.stringMatching(
          new RegExp(`^✓ the API answers at ${testEnv.apiUrl} \\(auth server GoTrue v\\d+\\.\\d+\\.\\d+\\)$`),
        ),
        expect.stringMatching(/^✓ the REST API serves the schema: [1-9]\d* organization\(s\)$/),
        // The stack's auth server reads [auth] enable_signup from supabase/config.toml, as config push does.
        signupOff
          ? "✓ sign-up is off: accounts come only from invitations and org:create"
          : "✗ sign-up is on: anyone can create an account on the auth server, with no confirmed address",
        ...(signupOff
          ? ["✓ mailer_autoconfirm is on, harmless while sign-up is off (invited users confirm by their link)"]
          : []),
        "✓ the email provider is on (password, magic link and code sign-in)",
        "✓ no other sign-in method is on (anonymous, phone, OAuth)",
        "– the app's site: not checked: pass --site-url (or set NEXT_PUBLIC_SITE_URL)",
        `✓ all ${localMigrations().length} migrations are applied`,
        ...(privileges.length > 0 ? privileges : ["✓ privileges match scripts/db/privileges/expected-grants.txt"]),
        "– auth configuration: not checked: pass --access-token",
        "✓ the secret key is an sb_secret_ key, which may carry Sb-Forwarded-For",
        expect.stringMatching(
          /^ℹ IP forwarding \(not checked without --access-token\): turn it on with Authentication → Rate Limits → IP Address Forwarding/,
        ),
      ]);
      const failures = result.lines.filter((line) => line.startsWith("✗"));
      expect(result.fixes).toHaveLength(failures.length);
      expect(result.code).toBe(failures.length > 0 ? 1 : 0);
    },
  );

  describe("with the app's URL", () => {
    let server: http.Server;
    let site: string;

    beforeAll(async () => {
      // Stands in for the deployed app: the doctor only asks for its /login page.
      server = http.createServer((request, response) => {
        response.writeHead(request.url === "/login" ? 200 : 404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("checks that /login answers 200, and says which checks need --db-url", { timeout: 60_000 }, async () => {
      const up = await doctor(["--url", testEnv.apiUrl, "--secret-key", testEnv.secretKey, "--site-url", site]);
      expect(up.lines).toContain(`✓ the app serves ${site}/login`);
      expect(up.lines).toContain("– migrations: not checked: pass --db-url");
      expect(up.lines).toContain("– privileges: not checked: pass --db-url");

      const wrong = await doctor([
        "--url",
        testEnv.apiUrl,
        "--secret-key",
        testEnv.secretKey,
        "--site-url",
        `${site}/app`,
      ]);
      expect(wrong.lines).toContain(`✗ the app answers 404 at ${site}/app/login, not 200`);
      expect(wrong.code).toBe(1);
    });
  });

  it("says so when the key is refused, and exits 1", { timeout: 60_000 }, async () => {
    const result = await doctor(["--url", testEnv.apiUrl, "--secret-key", "sb_secret_not-the-key"]);
    expect(result.lines[0]).toBe("✗ the API refuses the key (401 on /auth/v1/health)");
    expect(result.fixes[0]).toBe(
      "    fix: pass the project's secret key as --secret-key (Settings → API Keys: sb_secret_…)",
    );
    expect(result.code).toBe(1);
  });

  it("stops at the usage line without a URL", { timeout: 60_000 }, async () => {
    const result = await doctor(["--secret-key", testEnv.secretKey]);
    expect(result.code).toBe(2);
  });
});
