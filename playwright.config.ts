import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2ePort } from "./tests/support/test-stack";

const port = e2ePort();
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * End-to-end tests drive a production build (`next start`) in Debian's Chromium,
 * against the test stack that `npm test` (scripts/test-all.ts) starts.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  // As for the database tests: one more try on CI, and a test that needed it is listed at the end.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "test-reports/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    // A failure keeps its trace (actions, DOM snapshots, network, console); the film strip of
    // screenshots is left out, since Chromium encoding frames all through every passing test
    // takes CPU from the app server on a 2-core machine.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /outage\.spec\.ts$/,
    },
    // Pauses the shared stack's PostgREST: alone, after every other spec.
    {
      name: "outage",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /outage\.spec\.ts$/,
      dependencies: ["chromium"],
      fullyParallel: false,
      workers: 1,
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
