/**
 * The local Supabase stack's commands (see README):
 *   start   run the stack until Ctrl-C            (npm run stack)
 *   dev     run the stack, then `next dev` on it   (npm run dev)
 *   status  print its URLs and keys as NAME="value" (npm run stack:status)
 *   reset   recreate the database from migrations and seed (npm run stack:reset)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appEnv, loadConfig, statusEnv } from "./config";
import { bootstrap, migrate, recreateDatabase, seed } from "./database";
import { startJobsTicker } from "./jobs-ticker";
import { startHostedShapedPostgres } from "./postgres";
import { writePidFile } from "./processes";
import { pidFile, runningStackPid, startStack, type RunningStack } from "./stack";

const command = process.argv[2];
const config = loadConfig();

function fail(message: string): never {
  console.error(`local-supabase: ${message}`);
  process.exit(1);
}

/** Stops the stack on Ctrl-C, SIGTERM or SIGHUP, and exits once every part is down. */
function stopOnSignals(stack: RunningStack): void {
  let signalled = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      console.log(`\n[${config.name}] ${signal}: stopping the stack…`);
      void stack.stop().then(() => process.exit(0));
    });
  }
  process.on("uncaughtException", (error) => {
    console.error(`[${config.name}] ${error.stack ?? error.message}`);
    void stack.stop().then(() => process.exit(1));
  });
  void stack.crashed.then(() => process.exit(1));
}

/**
 * Starts the stack. A Ctrl-C while it starts would otherwise kill this process at once and
 * orphan the parts already running, so it is held until the start settles, then honoured.
 */
async function start(): Promise<RunningStack> {
  let interrupted = false;
  const hold = () => {
    if (!interrupted) console.log(`\n[${config.name}] stopping once the parts that are starting are up…`);
    interrupted = true;
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, hold);
  try {
    const stack = await startStack(config, { durable: true });
    if (interrupted) {
      await stack.stop();
      process.exit(0);
    }
    return stack;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    for (const signal of signals) process.off(signal, hold);
  }
}

async function runStack(): Promise<void> {
  const stack = await start();
  stopOnSignals(stack);
  console.log("Press Ctrl-C to stop. `npm run stack:status` prints the keys.");
}

/** The same env files Next reads, so a hosted project set in .env.local is seen here too. */
function loadEnvFiles(): void {
  for (const file of [".env.development.local", ".env.local", ".env.development", ".env"]) {
    const full = path.join(config.projectDir, file);
    if (fs.existsSync(full)) process.loadEnvFile(full); // never overrides what is already set
  }
}

/** Points the app at a hosted project (or `supabase start`) when its URL is set: nothing local starts. */
function usesExternalSupabase(): boolean {
  const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
  return Boolean(url) && url !== statusEnv(config).API_URL;
}

/** `next dev` in a process group of its own, so stopping it takes its workers along. */
function startNextDev(env: NodeJS.ProcessEnv) {
  const nextBin = path.join(config.projectDir, "node_modules", ".bin", "next");
  const next = spawn(nextBin, ["dev"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-next.pid!, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (next.exitCode !== null || next.signalCode !== null) return;
    const done = new Promise((resolve) => next.once("exit", resolve));
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await done;
    clearTimeout(timer);
  };
  return { name: "next dev", process: next, stop };
}

async function dev(): Promise<void> {
  loadEnvFiles();
  if (usesExternalSupabase()) {
    console.log(`Using the Supabase at ${process.env.NEXT_PUBLIC_SUPABASE_URL}; the local stack stays off.`);
    const next = startNextDev(process.env);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => void next.stop().then(() => process.exit(0)));
    }
    next.process.once("exit", (code) => process.exit(code ?? 0));
    return;
  }
  const stack = await start();
  stopOnSignals(stack);
  const env = { ...process.env, ...appEnv(config) };
  const next = startNextDev(env);
  writePidFile(pidFile(config, "app"), next.process.pid!);
  stack.adopt(next);
  // Background work (notifications) runs when the runner is called, as a cron does in production.
  const ticker = startJobsTicker(`http://127.0.0.1:${process.env.PORT ?? 3000}`, env.JOBS_SECRET!);
  stack.adopt({ name: "jobs ticker", stop: ticker.stop });
}

function status(): void {
  for (const [name, value] of Object.entries(statusEnv(config))) console.log(`${name}="${value}"`);
  if (!runningStackPid(config))
    console.error("# the local stack is not running: start it with `npm run stack` or `npm run dev`");
}

/** Recreates the database from migrations and seed, on the running stack or on its own. */
async function reset(): Promise<void> {
  const live = runningStackPid(config) !== undefined;
  let stopPostgres = async () => {};
  if (!live) {
    const postgres = await startHostedShapedPostgres(config, { durable: true, log: console.log });
    stopPostgres = postgres.stop;
  }
  try {
    console.log("recreating database `postgres`…");
    await recreateDatabase(config);
    await bootstrap(config);
    console.log("applying migrations…");
    await migrate(config);
    console.log("seeding…");
    await seed(config);
    console.log("done.");
  } finally {
    await stopPostgres();
  }
}

async function main(): Promise<void> {
  switch (command) {
    case "start":
      return runStack();
    case "dev":
      return dev();
    case "status":
      return status();
    case "reset":
      return reset();
    default:
      fail(`unknown command "${command ?? ""}"; use start, dev, status or reset`);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
