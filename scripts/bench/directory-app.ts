/**
 * The directory in the browser at scale, end to end: starts the bench stack (ports 52321..,
 * whose database `scripts/bench/index.ts` filled with 100,000 partners), builds the app
 * against it into .next-bench-directory, serves it with `next start` on port 3213, and runs
 * `benchDirectoryUi()` (scripts/bench/directory.ts). Only 127.0.0.1/localhost is contacted.
 *
 *   npx tsx scripts/bench/directory-app.ts [--runs 20] [--no-build]
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appEnv } from "../../local-supabase/config";
import { startStack } from "../../local-supabase/stack";
import { benchConfig } from "./bench-stack";
import { benchDirectoryUi } from "./directory";
import { table } from "./stats";
import { keepingTsconfig } from "./keep-tsconfig";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 20;
const BUILD = !args.includes("--no-build");
const PORT = Number(process.env.BENCH_APP_PORT) || 3213;
const DIST = ".next-bench-directory";
const projectDir = path.resolve(import.meta.dirname, "../..");
const config = benchConfig();
const log = (line: string) => console.log(`[bench:directory] ${line}`);
const next = path.join(projectDir, "node_modules", ".bin", "next");

function run(command: string, commandArgs: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: projectDir, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
  if (!fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) {
    throw new Error("no bench database yet: run `npm run bench:db` first (it seeds 100,000 partners once)");
  }
  const stack = await startStack(config, { durable: false, log });
  const env = appEnv(config);
  let server: ChildProcess | undefined;
  try {
    if (BUILD || !fs.existsSync(path.join(projectDir, DIST, "BUILD_ID"))) {
      log("production build");
      await keepingTsconfig(projectDir, () => run(next, ["build"], { ...env, NEXT_DIST_DIR: DIST }));
    }
    server = spawn(next, ["start", "-p", String(PORT)], {
      cwd: projectDir,
      env: { ...process.env, ...env, NEXT_DIST_DIR: DIST },
      stdio: "ignore",
    });
    await waitFor(`http://localhost:${PORT}/login`);
    const result = await benchDirectoryUi({ appUrl: `http://localhost:${PORT}`, runs: RUNS });
    console.log(
      `\nPartnerdesk directory in the browser — ${result.matching.toLocaleString("en")} partners matching (ms)\n`,
    );
    console.log(table(["measurement", "runs", "median", "p95", "note"], result.rows));
  } finally {
    server?.kill("SIGTERM");
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
