import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dbUrl, loadConfig } from "../../local-supabase/config";
import { initialiseCluster } from "../../local-supabase/postgres";
import { testPortBase } from "../support/test-stack";

/**
 * Starts and stops a whole stack of its own (ports and data folder apart from the
 * shared test stack) the way a developer does, and checks what is left behind.
 */
const projectDir = path.resolve(import.meta.dirname, "../..");
const portBase = testPortBase() + 1000;
const name = `lifecycle-${portBase}`;
const env = { ...process.env, LOCAL_SUPABASE_NAME: name, LOCAL_SUPABASE_PORT_BASE: String(portBase) };
const config = loadConfig({ name, portBase });
const ports = [config.apiPort, config.dbPort, config.mailPort, config.smtpPort, config.restPort, config.authPort];

let current: ChildProcess | undefined;

function startStackProcess(): Promise<{ child: ChildProcess; output: () => string }> {
  // One process (no tsx wrapper), so SIGKILL hits the stack itself, as `kill -9` would.
  const child = spawn(process.execPath, ["--import", "tsx", "local-supabase/cli.ts", "start"], {
    cwd: projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  current = child;
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("stack ready")) {
        clearInterval(timer);
        resolve({ child, output: () => output });
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`stack exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Processes whose command line names this stack's data folder or binaries. */
function processesOf(dataDir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      if (cmd.includes(dataDir) || (cmd.includes(`--smtp ${config.smtpPort}`) && cmd.includes("maildev")))
        found.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl(config) });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function expectNothingLeft(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const port of ports) expect(await portIsFree(port), `port ${port} free`).toBe(true);
  expect(processesOf(config.dataDir)).toEqual([]);
}

afterAll(async () => {
  if (current && current.exitCode === null) {
    current.kill("SIGINT");
    await exited(current);
  }
});

describe("the local stack's lifecycle", () => {
  it(
    "starts fresh, keeps data across a restart, and leaves nothing behind on SIGTERM",
    { timeout: 120_000 },
    async () => {
      fs.rmSync(path.join(projectDir, ".local-supabase", name), { recursive: true, force: true });
      const first = await startStackProcess();
      await query(
        "create table public.lifecycle_probe (note text); insert into public.lifecycle_probe values ('kept')",
      );
      first.child.kill("SIGTERM");
      expect(await exited(first.child)).toBe(0);
      await expectNothingLeft();

      const second = await startStackProcess();
      expect(second.output()).not.toContain("created a new database cluster");
      expect(await query<{ note: string }>("select note from public.lifecycle_probe")).toEqual([{ note: "kept" }]);
      second.child.kill("SIGINT");
      expect(await exited(second.child)).toBe(0);
      await expectNothingLeft();
    },
  );

  it(
    "recovers after kill -9 (stale postmaster.pid, leftover PostgREST and mailbox)",
    { timeout: 120_000 },
    async () => {
      const victim = await startStackProcess();
      victim.child.kill("SIGKILL");
      await exited(victim.child);
      expect(processesOf(config.dataDir).length).toBeGreaterThan(0); // the orphans we must clean up

      const revived = await startStackProcess();
      expect(revived.output()).toContain("left running by an earlier stack");
      expect(await query<{ note: string }>("select note from public.lifecycle_probe")).toEqual([{ note: "kept" }]);
      revived.child.kill("SIGINT");
      expect(await exited(revived.child)).toBe(0);
      await expectNothingLeft();
    },
  );

  it("names the cause in one line when a port is taken", { timeout: 60_000 }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(config.apiPort, "127.0.0.1", () => resolve()));
    try {
      const failure = await startStackProcess().then(
        () => "",
        (error: Error) => error.message,
      );
      expect(failure).toContain(`port ${config.apiPort} (API gateway) is already taken`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    await expectNothingLeft();
  });

  it(
    "recreates, with a line saying so, a data folder whose postgres is a superuser (the old layout)",
    { timeout: 120_000 },
    async () => {
      fs.rmSync(config.dataDir, { recursive: true, force: true });
      await initialiseCluster(config, { superuser: "postgres" });
      const started = await startStackProcess();
      expect(started.output()).toMatch(/recreating .*made with `postgres` as superuser/);
      expect(await query<{ rolsuper: boolean }>("select rolsuper from pg_roles where rolname = 'postgres'")).toEqual([
        { rolsuper: false },
      ]);
      expect(await query<{ seeded: boolean }>("select count(*) > 0 as seeded from public.organizations")).toEqual([
        { seeded: true },
      ]);
      started.child.kill("SIGINT");
      expect(await exited(started.child)).toBe(0);
      await expectNothingLeft();
    },
  );
});
