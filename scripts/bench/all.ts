/**
 * `npm run bench`: every benchmark, one after another (each prints its own table):
 *   1. the database at 100,000 partners through PostgREST      (scripts/bench/index.ts)
 *   2. the directory in the browser on a production build      (scripts/bench/directory-app.ts)
 *   3. each workspace tab for a partner with 1,000 referrals   (scripts/bench/workspace.ts)
 *   4. 10,000 events through the outbox to webhooks and email  (scripts/bench/outbox.ts)
 *   5. the program dashboard: data request and first response  (scripts/bench/dashboard-app.ts)
 * Traffic goes to 127.0.0.1/localhost only; each stage bounds its own runs.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const projectDir = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(projectDir, "node_modules", ".bin", "tsx");
const stages = [
  "scripts/bench/index.ts",
  "scripts/bench/directory-app.ts",
  "scripts/bench/workspace.ts",
  "scripts/bench/outbox.ts",
  "scripts/bench/dashboard-app.ts",
];
// The outbox stage runs the app's server-only runner modules outside Next.
const tsxArgs: Record<string, string[]> = {
  "scripts/bench/outbox.ts": ["--import", "./scripts/bench/allow-server-only.mjs"],
};

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [...(tsxArgs[script] ?? []), script, ...process.argv.slice(2)], {
      cwd: projectDir,
      stdio: "inherit",
    });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

let failed = 0;
for (const stage of stages) {
  const code = await run(stage);
  if (code !== 0) {
    console.error(`${stage} exited with ${code} (a target missed, or an error above)`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
