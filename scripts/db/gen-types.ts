/**
 * npm run db:types — regenerates lib/database.types.ts from the database's public schema
 * with the Supabase CLI (`gen types typescript --remote=...`), like `supabase gen types` on
 * a hosted project. The file is checked in; tests/db/types-fresh.test.ts fails when it is stale.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "./connection";

const projectDir = path.resolve(import.meta.dirname, "../..");
export const TYPES_FILE = path.join(projectDir, "lib", "database.types.ts");

/** The generated file's text for the database at `url`. */
export function generateTypes(url: string): string {
  const bin = path.join(projectDir, "node_modules", ".bin", "supabase");
  const run = spawnSync(bin, ["gen", "types", "typescript", `--remote=${url}`, "--schema", "public"], {
    cwd: projectDir,
    encoding: "utf8",
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`supabase gen types failed:\n${run.stderr || run.stdout}`);
  }
  // The CLI may print notices (such as "Connected ... without TLS") before the code.
  const start = run.stdout.indexOf("export type Json");
  if (start < 0) throw new Error(`unexpected output of supabase gen types:\n${run.stdout.slice(0, 500)}`);
  return run.stdout.slice(start).trimEnd() + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = generateTypes(databaseUrl());
  fs.writeFileSync(TYPES_FILE, text);
  console.log(`wrote ${path.relative(projectDir, TYPES_FILE)} (${text.length} characters)`);
}
