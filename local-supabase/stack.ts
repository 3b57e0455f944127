import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { apiUrl, type StackConfig } from "./config";
import { bootstrap, isFreshDatabase, migrate, seed } from "./database";
import { startGateway } from "./gateway";
import { startMailbox } from "./mailbox";
import { startHostedShapedPostgres } from "./postgres";
import { startPostgrest } from "./postgrest";
import { assertPortFree, isAlive, stopLeftover, writePidFile } from "./processes";
import { startAuthServer, type AuthServerHandle } from "./auth/server";
import { ensureSigningKey } from "./auth/signing-key";

export type Part = { name: string; process?: ChildProcess; stop: () => Promise<void> };

export type RunningStack = {
  config: StackConfig;
  /** Stops every part, last started first. Safe to call more than once. */
  stop: () => Promise<void>;
  /** Resolves with a reason when a part dies on its own (the stack has then stopped). */
  crashed: Promise<string>;
  /** Adds a process (next dev, say) that lives and dies with the stack. */
  adopt: (part: Part) => void;
};

export type StartOptions = {
  /** fsync and friends on (dev) or off (throwaway test clusters). */
  durable: boolean;
  log?: (line: string) => void;
};

const PID_FILES = { postgrest: "postgrest.pid", mailbox: "mailbox.pid", stack: "stack.pid", app: "app.pid" } as const;

export function pidFile(config: StackConfig, name: keyof typeof PID_FILES): string {
  return path.join(config.runDir, PID_FILES[name]);
}

/** The pid of a stack running from this folder, if any. */
export function runningStackPid(config: StackConfig): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(config, "stack"), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export async function startStack(config: StackConfig, options: StartOptions): Promise<RunningStack> {
  const log = options.log ?? ((line: string) => console.log(`[${config.name}] ${line}`));
  const started = performance.now();
  const parts: Part[] = [];
  let stopping: Promise<void> | undefined;
  let reportCrash: (reason: string) => void = () => {};
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));

  const stop = () =>
    (stopping ??= (async () => {
      for (const part of [...parts].reverse()) {
        await part.stop().catch((error: unknown) => log(`stopping ${part.name}: ${String(error)}`));
      }
      fs.rmSync(pidFile(config, "stack"), { force: true });
    })());

  const adopt = (part: Part) => {
    parts.push(part);
    part.process?.once("exit", (code, signal) => {
      if (stopping) return;
      const reason = `${part.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the stack`;
      log(reason);
      void stop().then(() => reportCrash(reason));
    });
  };

  try {
    const running = runningStackPid(config);
    if (running)
      throw new Error(`a ${config.name} stack is already running from this folder (pid ${running}); stop it first`);
    for (const [name, hint] of [
      ["postgrest", "postgrest"],
      ["mailbox", "maildev"],
      ["app", "next"],
    ] as const) {
      if (await stopLeftover(pidFile(config, name), hint)) log(`stopped a ${name} left running by an earlier stack`);
    }
    const ports: [number, string][] = [
      [config.apiPort, "API gateway"],
      [config.dbPort, "Postgres"],
      [config.mailPort, "mailbox web"],
      [config.smtpPort, "mailbox SMTP"],
      [config.restPort, "PostgREST"],
      [config.authPort, "auth server"],
    ];
    // A Postgres orphaned by `kill -9` still holds its port; startPostgres stops it first.
    const postmasterAlive = fs.existsSync(path.join(config.dataDir, "postmaster.pid"));
    for (const [port, what] of ports) {
      if (what === "Postgres" && postmasterAlive) continue;
      await assertPortFree(port, what);
    }
    writePidFile(pidFile(config, "stack"), process.pid);

    let step = performance.now();
    const postgres = await startHostedShapedPostgres(config, { durable: options.durable, log });
    adopt({ name: "Postgres", ...postgres });
    if (postgres.created)
      log(`created a new database cluster in ${path.relative(process.cwd(), config.dataDir)} (${elapsed(step)})`);
    // A new cluster has no sessions to keep: it gets a new signing key, the auth server and PostgREST read it.
    ensureSigningKey(config.signingKeyPath, { replace: postgres.created });
    log(`Postgres ready on 127.0.0.1:${config.dbPort} (${elapsed(step)})`);

    step = performance.now();
    const fresh = await isFreshDatabase(config);
    await bootstrap(config);
    await migrate(config);
    if (fresh) await seed(config);
    log(`database ${fresh ? "bootstrapped, migrated and seeded" : "migrations up to date"} (${elapsed(step)})`);

    step = performance.now();
    // Each part is adopted as soon as it runs, and all are waited for before a failure is
    // raised, so a part that started beside a failing one is stopped with the rest.
    const launches = await Promise.allSettled([
      startPostgrest(config).then((postgrest) => {
        writePidFile(pidFile(config, "postgrest"), postgrest.process.pid!);
        adopt({ name: "PostgREST", ...postgrest });
      }),
      startMailbox(config).then((mailbox) => {
        writePidFile(pidFile(config, "mailbox"), mailbox.process.pid!);
        adopt({ name: "mailbox", ...mailbox });
      }),
      startAuthServer(config).then((server) => {
        adopt({ name: "auth server", stop: server.close });
        return server;
      }),
    ]);
    const failure = launches.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
    const auth = (launches[2] as PromiseFulfilledResult<AuthServerHandle>).value;
    const gateway: http.Server = await startGateway(config, { authEnabled: auth.enabled });
    adopt({ name: "API gateway", stop: () => new Promise<void>((resolve) => gateway.close(() => resolve())) });
    log(`PostgREST, auth, mailbox and gateway ready (${elapsed(step)})`);
    log(`stack ready in ${elapsed(started)}: API ${apiUrl(config)}, mailbox http://127.0.0.1:${config.mailPort}`);
    return { config, stop, crashed, adopt };
  } catch (error) {
    await stop();
    throw error;
  }
}
