/**
 * `npm test`: typecheck, lint and format side by side, unit tests, database tests, then
 * end-to-end tests against a production build, all on a test stack of their own. Names
 * each failed test (and, on CI, each that passed only on its retry), then ends with one line
 * `N passed, N failed` summing every test that ran (typecheck, lint, format and the
 * build count as one each).
 *
 * While developing, run part of it: `npm test -- --only=e2e e2e/login.spec.ts` (steps:
 * typecheck, lint, format, unit, db, e2e; extra arguments go to Vitest or Playwright).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startStack } from "../local-supabase/stack";
import { startJobsTicker } from "../local-supabase/jobs-ticker";
import {
  e2ePort,
  relaxAbuseLimits,
  relaxAuthRateLimits,
  testStackConfig,
  testStackEnv,
} from "../tests/support/test-stack";

type Tally = { name: string; passed: number; failed: number; seconds: number };

const projectDir = path.resolve(import.meta.dirname, "..");
// Not test-results/: Playwright empties that folder when it starts.
const reports = path.join(projectDir, "test-reports");
const bin = (name: string) => path.join(projectDir, "node_modules", ".bin", name);
const tallies: Tally[] = [];
/** Each failed test's file and name, repeated after the run so the end of a long log shows them. */
const failures: string[] = [];
/** Tests that failed, then passed when tried again (CI only): counted as passed, and named. */
const flaky: string[] = [];

const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const passThrough = args.filter((arg) => !arg.startsWith("--only="));
const wanted = (name: string) => !only || only.includes(name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectDir, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function step(name: string, work: () => Promise<Omit<Tally, "name" | "seconds">>): Promise<void> {
  console.log(`\n━━ ${name}`);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  tallies.push({ name, ...result, seconds });
  console.log(`━━ ${name}: ${result.passed} passed, ${result.failed} failed (${seconds.toFixed(1)} s)`);
}

/** Runs a command with its output held back, for checks that run side by side. */
function runCaptured(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectDir, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The static checks at once: each is mostly one thread, so on two cores they take about
 * as long together as the slowest alone. Each one's output is printed whole when all end.
 */
async function checksSideBySide(checks: { name: string; command: string; args: string[] }[]): Promise<void> {
  const results = await Promise.all(
    checks.map(async (item) => {
      const started = performance.now();
      const { code, output } = await runCaptured(item.command, item.args);
      return { ...item, code, output, seconds: (performance.now() - started) / 1000 };
    }),
  );
  for (const result of results) {
    const passed = result.code === 0 ? 1 : 0;
    console.log(`\n━━ ${result.name}`);
    if (result.output.trim()) console.log(result.output.trimEnd());
    tallies.push({ name: result.name, passed, failed: 1 - passed, seconds: result.seconds });
    console.log(`━━ ${result.name}: ${passed} passed, ${1 - passed} failed (${result.seconds.toFixed(1)} s)`);
    if (!passed)
      failures.push(
        `${result.name}: \`${[result.command, ...result.args].map((part) => path.basename(part)).join(" ")}\` failed (its output is above)`,
      );
  }
}

/** A check that is one test: passes when the command exits 0. */
async function check(command: string, args: string[], env?: Record<string, string>) {
  const code = await run(command, args, env);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

async function vitest(project: string, env: Record<string, string> = {}) {
  const output = path.join(reports, `vitest-${project}.json`);
  fs.rmSync(output, { force: true });
  const code = await run(
    bin("vitest"),
    [
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
      ...(only ? passThrough : []),
    ],
    env,
  );
  if (!fs.existsSync(output)) return { passed: 0, failed: 1 };
  const report = JSON.parse(fs.readFileSync(output, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    success: boolean;
    testResults: {
      name: string;
      message?: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
    }[];
  };
  for (const file of report.testResults) {
    const where = path.relative(projectDir, file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${where} › ${test.fullName}\n${firstLines(test.failureMessages[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${where}\n${firstLines(file.message)}`);
    for (const test of file.assertionResults)
      if (test.status === "passed" && test.failureMessages.length > 0)
        flaky.push(`${where} › ${test.fullName}\n${firstLines(test.failureMessages[0])}`);
  }
  // A file that fails to load has no tests to count; count the run as one failure then.
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed };
}

async function playwright(env: Record<string, string>) {
  const output = path.join(reports, "e2e.json");
  fs.rmSync(output, { force: true });
  const code = await run(bin("playwright"), ["test", ...(only ? passThrough : [])], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT: output,
  });
  if (!fs.existsSync(output)) return { passed: 0, failed: 1 };
  const report = JSON.parse(fs.readFileSync(output, "utf8")) as PlaywrightReport;
  const stats = report.stats;
  collectPlaywrightFailures(report.suites);
  const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { passed: stats.expected + stats.flaky, failed };
}

type PlaywrightSuite = {
  file: string;
  specs: {
    title: string;
    line: number;
    tests: { status: string; results: { error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };

function collectPlaywrightFailures(suites: PlaywrightSuite[]) {
  for (const suite of suites) {
    for (const spec of suite.specs)
      for (const test of spec.tests)
        if (test.status === "unexpected")
          failures.push(
            `${suite.file}:${spec.line} › ${spec.title}\n${firstLines(test.results.at(-1)?.error?.message)}`,
          );
    collectPlaywrightFailures(suite.suites ?? []);
  }
}

/** The start of an error message, without colour codes: enough to tell one failure from another. */
function firstLines(message: string | undefined, count = 6): string {
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return plain
    .split("\n")
    .slice(0, count)
    .map((line) => `    ${line}`)
    .join("\n");
}

async function main(): Promise<number> {
  fs.mkdirSync(reports, { recursive: true });
  await checksSideBySide(
    [
      { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
      { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
      { name: "format", command: bin("prettier"), args: ["--check", "."] },
    ].filter((item) => wanted(item.name)),
  );
  if (wanted("unit")) await step("unit tests", () => vitest("unit"));
  if (!wanted("db") && !wanted("e2e")) return 0;

  const config = testStackConfig();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  relaxAuthRateLimits();
  console.log(`\n━━ starting the test stack on ${config.apiPort}…`);
  const stack = await startStack(config, { durable: false, log: (line) => console.log(`   ${line}`) });
  const env = testStackEnv(config);
  try {
    await relaxAbuseLimits(config);
    if (wanted("db")) await step("database tests", () => vitest("db", env));
    if (wanted("e2e")) {
      await step("production build", () => check(bin("next"), ["build"], env));
      if (tallies.at(-1)!.failed === 0) {
        // The background jobs run as in development: the runner is called every few seconds.
        const ticker = startJobsTicker(`http://localhost:${e2ePort()}`, env.JOBS_SECRET!, 2_000);
        try {
          await step("end-to-end tests", () => playwright(env));
        } finally {
          await ticker.stop();
        }
      }
    }
  } finally {
    await stack.stop();
  }
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    tallies.push({ name: "test runner", passed: 0, failed: 1, seconds: 0 });
  })
  .finally(() => {
    if (flaky.length > 0) {
      console.log("\nPassed only when tried again");
      for (const test of flaky) console.log(`  ${test}`);
    }
    if (failures.length > 0) {
      console.log("\nFailed");
      for (const failure of failures) console.log(`  ${failure}`);
    }
    console.log("\nSummary");
    for (const tally of tallies)
      console.log(
        `  ${tally.name.padEnd(20)} ${String(tally.passed).padStart(4)} passed ${String(tally.failed).padStart(4)} failed  ${tally.seconds.toFixed(1).padStart(6)} s`,
      );
    const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
    const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  });
