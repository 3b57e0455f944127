import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { configTomlEnv, dbUrl, SUPERUSER, type StackConfig } from "./config";

const BOOTSTRAP_SQL = path.join(import.meta.dirname, "bootstrap.sql");

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A connection as `postgres` (the project's role, not a superuser), or as `user`. */
export async function withClient<T>(
  config: StackConfig,
  database: string,
  work: (client: pg.Client) => Promise<T>,
  user = "postgres",
): Promise<T> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: config.dbPort,
    user,
    password: config.dbPassword,
    database,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Roles, the auth schema and its functions, laid out as on a hosted project: what Supabase
 * has set up before the first migration. Only a superuser can do this, as only Supabase can there.
 */
export async function bootstrap(
  config: StackConfig,
  database = "postgres",
  options: { exposeNewObjects: boolean } = { exposeNewObjects: config.exposeNewObjects },
): Promise<void> {
  const sql = fs
    .readFileSync(BOOTSTRAP_SQL, "utf8")
    .replaceAll(":db_password", quoteLiteral(config.dbPassword))
    .replaceAll(":expose_new_objects", options.exposeNewObjects ? "true" : "false");
  await withClient(config, database, (client) => client.query(sql), SUPERUSER);
}

/** A new, empty database owned by `postgres`, bootstrapped as a new hosted project would be. */
export async function createProjectDatabase(
  config: StackConfig,
  database: string,
  options: { exposeNewObjects: boolean },
): Promise<void> {
  await withClient(
    config,
    "postgres",
    (client) => client.query(`create database ${database} owner postgres`),
    SUPERUSER,
  );
  await bootstrap(config, database, options);
}

export async function dropDatabase(config: StackConfig, database: string): Promise<void> {
  await withClient(
    config,
    "postgres",
    (client) => client.query(`drop database if exists ${database} with (force)`),
    SUPERUSER,
  );
}

/**
 * Applies pending migrations with the Supabase CLI itself, so they are recorded in
 * supabase_migrations.schema_migrations exactly as on a hosted project.
 */
export async function migrate(config: StackConfig): Promise<void> {
  await runSupabaseCli(config, ["migration", "up", "--include-all", "--yes", `--remote=${dbUrl(config)}`]);
}

/** As `postgres`, the role `supabase db reset` and `db push --include-seed` seed with. */
export async function seed(config: StackConfig): Promise<void> {
  const seedFile = path.join(config.projectDir, "supabase", "seed.sql");
  if (!fs.existsSync(seedFile)) return;
  const sql = fs.readFileSync(seedFile, "utf8");
  await withClient(config, "postgres", (client) => client.query(sql));
}

/** True when the database has no applied migrations yet (a fresh cluster, where `postgres` does not exist yet). */
export async function isFreshDatabase(config: StackConfig): Promise<boolean> {
  return withClient(
    config,
    "postgres",
    async (client) => {
      const result = await client.query<{ exists: boolean }>(
        "select to_regclass('supabase_migrations.schema_migrations') is not null as exists",
      );
      return !result.rows[0]!.exists;
    },
    SUPERUSER,
  );
}

/**
 * Drops and recreates the `postgres` database; roles live on in the cluster. As supabase_admin:
 * only a superuser may end the auth server's and PostgREST's connections to it.
 */
export async function recreateDatabase(config: StackConfig): Promise<void> {
  await withClient(
    config,
    "template1",
    async (client) => {
      await client.query("drop database if exists postgres with (force)");
      // The bootstrap that follows hands it to postgres (and creates that role on a new cluster).
      await client.query("create database postgres");
    },
    SUPERUSER,
  );
}

export function runSupabaseCli(config: StackConfig, args: string[]): Promise<string> {
  const bin = path.join(config.projectDir, "node_modules", ".bin", "supabase");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: config.projectDir,
      // config.toml reads the site URL and redirect list through env(), which the CLI refuses unset.
      env: { ...process.env, ...configTomlEnv(config), SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`supabase ${args.slice(0, 2).join(" ")} failed:\n${output.trim()}`));
    });
  });
}
