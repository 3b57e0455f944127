import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSupabaseCli } from "../../local-supabase/database";
import { testStackConfig } from "../support/test-stack";
import { sql } from "../support/db";
import { dbUrl } from "../../local-supabase/config";

const migrationsDir = path.resolve(import.meta.dirname, "../../supabase/migrations");
const localVersions = fs
  .readdirSync(migrationsDir)
  .filter((file) => file.endsWith(".sql"))
  .map((file) => file.split("_")[0]!)
  .sort();

describe("migrations", () => {
  it("are recorded in supabase_migrations.schema_migrations, every one", async () => {
    const rows = await sql<{ version: string }>(
      "select version from supabase_migrations.schema_migrations order by version",
    );
    expect(rows.map((row) => row.version)).toEqual(localVersions);
  });

  it("are all listed as applied by the Supabase CLI", async () => {
    const output = await runSupabaseCli(testStackConfig(), [
      "migration",
      "list",
      `--remote=${dbUrl(testStackConfig())}`,
    ]);
    for (const version of localVersions) {
      const line = output.split("\n").find((entry) => entry.includes(version));
      expect(line, `migration ${version} in the CLI's list`).toBeDefined();
      // "local | remote | time": both columns carry the version when it is applied.
      const [local, remote] = line!.split("|").map((cell) => cell.trim().replaceAll("`", ""));
      expect([local, remote]).toEqual([version, version]);
    }
  });
});
