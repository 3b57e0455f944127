/**
 * The directory in the browser at scale, end to end: starts the bench stack (ports 52321..,
 * whose database `scripts/bench/index.ts` filled with 100,000 partners), builds the app
 * against it into .next-bench-directory, serves it with `next start` on port 3213, and runs
 * `benchDirectoryUi()` (scripts/bench/directory.ts). Only 127.0.0.1/localhost is contacted.
 *
 *   npx tsx scripts/bench/directory-app.ts [--runs 20] [--no-build]
 */
import fs from "node:fs";
import path from "node:path";
import { appEnv } from "../../local-supabase/config";
import { startStack } from "../../local-supabase/stack";
import { benchConfig } from "./bench-stack";
import { benchDirectoryUi } from "./directory";
import { table } from "./stats";
import { exitOnHelp, startProductionApp, type ProductionApp } from "./production-app";

exitOnHelp("npx tsx scripts/bench/directory-app.ts [--runs 20] [--no-build]   (port: BENCH_APP_PORT, default 3213)");

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 20;
const BUILD = !args.includes("--no-build");
const PORT = Number(process.env.BENCH_APP_PORT) || 3213;
const DIST = ".next-bench-directory";
const config = benchConfig();
const log = (line: string) => console.log(`[bench:directory] ${line}`);

async function main() {
  if (!fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) {
    throw new Error("no bench database yet: run `npm run bench:db` first (it seeds 100,000 partners once)");
  }
  const stack = await startStack(config, { durable: false, log });
  const env = appEnv(config);
  let app: ProductionApp | undefined;
  try {
    app = await startProductionApp({ env, distDir: DIST, port: PORT, build: BUILD, log });
    const result = await benchDirectoryUi({ appUrl: app.url, runs: RUNS });
    console.log(
      `\nPartnerdesk directory in the browser — ${result.matching.toLocaleString("en")} partners matching (ms)\n`,
    );
    console.log(table(["measurement", "runs", "median", "p95", "note"], result.rows));
  } finally {
    app?.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
