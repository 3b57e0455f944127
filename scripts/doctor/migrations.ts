import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { fail, pass, skip, type CheckLine } from "./lines";
import type { DoctorOptions } from "./options";

const projectDir = path.resolve(import.meta.dirname, "../..");

/** The versions of supabase/migrations, oldest first. */
export function localMigrations(dir = path.join(projectDir, "supabase", "migrations")): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .map((file) => file.split("_")[0]!)
    .sort();
}

// `supabase migration list --output-format json`: {"migrations":[{"local","remote","time"}], …}
const listSchema = z.object({ migrations: z.array(z.object({ local: z.string(), remote: z.string() })) });

/** What `migration list` printed, as the versions the database records. */
export function appliedVersions(json: string): string[] {
  return listSchema
    .parse(JSON.parse(json))
    .migrations.map((entry) => entry.remote)
    .filter((version) => version !== "");
}

export function judgeMigrations(local: string[], applied: string[]): CheckLine[] {
  const pending = local.filter((version) => !applied.includes(version));
  const unknown = applied.filter((version) => !local.includes(version));
  const lines: CheckLine[] = [];
  if (pending.length > 0)
    lines.push(
      fail(
        `${pending.length} of ${local.length} migrations are not applied: ${pending.join(", ")}`,
        "npx supabase db push --remote (the linked project) or --remote=<db url>",
      ),
    );
  if (unknown.length > 0)
    lines.push(
      fail(
        `the database records migrations this checkout lacks: ${unknown.join(", ")}`,
        "check out the branch that added them; for an abandoned one, npx supabase migration repair --status reverted <version>",
      ),
    );
  return lines.length > 0 ? lines : [pass(`all ${local.length} migrations are applied`)];
}

function migrationList(dbUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(projectDir, "node_modules", ".bin", "supabase");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["migration", "list", `--remote=${dbUrl}`, "--output-format", "json"], {
      cwd: projectDir,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Compares what the database records (through the Supabase CLI) with supabase/migrations. */
export async function checkMigrations(options: DoctorOptions): Promise<CheckLine[]> {
  if (!options.dbUrl) return [skip("migrations: not checked: pass --db-url")];
  const result = await migrationList(options.dbUrl);
  let applied: string[];
  try {
    if (result.code !== 0) throw new Error();
    applied = appliedVersions(result.stdout);
  } catch {
    const reason = `${result.stdout}\n${result.stderr}`
      .split("\n")
      .map((line) => line.trim())
      .find((line) => /error|failed|refused|denied/i.test(line));
    return [
      fail(
        `supabase migration list could not read the database${reason ? `: ${reason}` : ""}`,
        "pass a connection string that works with psql as --db-url (Connect → Session pooler, with the database password)",
      ),
    ];
  }
  return judgeMigrations(localMigrations(), applied);
}
