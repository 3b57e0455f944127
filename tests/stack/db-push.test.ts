import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dbUrl } from "../../local-supabase/config";
import { bootstrap, runSupabaseCli, withClient } from "../../local-supabase/database";
import { testStackConfig } from "../support/test-stack";

/**
 * What a developer does against a new hosted project: `supabase db push` onto a database
 * that has Supabase's roles and auth schema but none of our migrations.
 */
const config = testStackConfig();
const database = `push_check_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
const url = dbUrl(config).replace(/\/postgres$/, `/${database}`);
const migrations = fs
  .readdirSync(path.resolve(import.meta.dirname, "../../supabase/migrations"))
  .filter((file) => file.endsWith(".sql"))
  .map((file) => file.split("_")[0]!)
  .sort();

afterAll(async () => {
  await withClient(config, "postgres", (client) => client.query(`drop database if exists ${database} with (force)`));
});

describe("supabase db push", () => {
  it("applies every migration to an empty database and records them", { timeout: 120_000 }, async () => {
    await withClient(config, "postgres", (client) => client.query(`create database ${database}`));
    await bootstrap(config, database);

    const output = await runSupabaseCli(config, ["db", "push", `--remote=${url}`, "--yes", "--include-all"]);
    expect(output).not.toMatch(/ERROR/);

    const applied = await withClient(config, database, async (client) =>
      (
        await client.query<{ version: string }>(
          "select version from supabase_migrations.schema_migrations order by version",
        )
      ).rows.map((row) => row.version),
    );
    expect(applied).toEqual(migrations);
    const tables = await withClient(config, database, async (client) =>
      Number(
        (await client.query<{ count: string }>("select count(*) from pg_tables where schemaname = 'public'")).rows[0]!
          .count,
      ),
    );
    expect(tables).toBeGreaterThanOrEqual(17);
  });
});
