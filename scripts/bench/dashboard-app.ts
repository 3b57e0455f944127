/**
 * The program dashboard at scale, end to end: starts the bench stack (whose database
 * `scripts/bench/index.ts` filled with 100,000 partners and ~1,000,000 referrals), builds the
 * app against it into .next-bench-dashboard, serves it with `next start`, signs in as the
 * demo admin and prints side by side:
 *   - the dashboard's data request for its default period (last 12 months): five functions in
 *     parallel through PostgREST with the admin's session, as the page asks (wall time);
 *   - the page's first response: GET /admin signed in (server render with that data).
 * Only 127.0.0.1/localhost is contacted.
 *
 *   npx tsx scripts/bench/dashboard-app.ts [--runs 20] [--no-build] [--port 3214]
 */
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@supabase/supabase-js";
import { chromium } from "playwright-core";
import { apiUrl, appEnv } from "../../local-supabase/config";
import { benchConfig } from "./bench-stack";
import { startStack } from "../../local-supabase/stack";
import { measure, ms, table, type Timing } from "./stats";
import { exitOnHelp, startProductionApp, type ProductionApp } from "./production-app";
import { dashboardParamsSchema, resolveDashboardFilter } from "../../lib/dashboard/filter";

exitOnHelp("npx tsx scripts/bench/dashboard-app.ts [--runs 20] [--no-build] [--port 3214]");

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const RUNS = Number(option("runs")) || 20;
const BUILD = !args.includes("--no-build");
const PORT = Number(option("port")) || 3214;
const DIST = ".next-bench-dashboard";
const EMAIL = "admin@acme.test";
const PASSWORD = "partnerdesk-demo";
const TARGET_MS = 300;
const config = benchConfig();
const log = (line: string) => console.log(`[bench:dashboard] ${line}`);

/** The five calls the dashboard page makes for its default period, all at once. */
async function dataRequest(env: Record<string, string>): Promise<() => Promise<void>> {
  const supabase = createClient(apiUrl(config), env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const signIn = await supabase.auth.signInWithPassword({ email: EMAIL, password: PASSWORD });
  if (signIn.error) throw new Error(`sign-in: ${signIn.error.message}`);
  const { data: orgs, error } = await supabase.from("org_members").select("org_id").eq("user_id", signIn.data.user.id);
  if (error || !orgs?.[0]) throw new Error(`no organization for ${EMAIL}`);
  const orgId = orgs[0].org_id as string;
  const { data: org } = await supabase.from("organizations").select("time_zone").eq("id", orgId).single();
  // the page's default period ("Last 12 months": this month and the eleven before, to today)
  const period = resolveDashboardFilter(dashboardParamsSchema.parse({}), org?.time_zone ?? "UTC");
  const base = { p_org_id: orgId, p_from: period.fromDay, p_to: period.toDay };
  return async () => {
    const results = await Promise.all([
      supabase.rpc("dashboard_tiles", base),
      supabase.rpc("dashboard_series", { ...base, p_bucket: "month" }),
      supabase.rpc("dashboard_funnel", base),
      supabase.rpc("dashboard_service_levels", base),
      supabase.rpc("dashboard_leaders", { ...base, p_limit: 5 }),
    ]);
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`dashboard data: ${failed.error!.message}`);
  };
}

/** GET /admin with the admin's cookies, body read to the end. */
async function firstResponse(appUrl: string): Promise<{ get: () => Promise<void>; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${appUrl}/login?next=%2Fadmin`);
  await page.getByLabel("Work email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  return {
    get: async () => {
      const response = await context.request.get(`${appUrl}/admin`);
      if (!response.ok()) throw new Error(`GET /admin: ${response.status()}`);
      await response.body();
    },
    close: () => browser.close(),
  };
}

const row = (label: string, timing: Timing, note = "") => [
  label,
  String(timing.runs),
  ms(timing.median),
  ms(timing.p95),
  note,
];

async function main() {
  if (!fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) {
    throw new Error("no bench database yet: run `npm run bench:db` first (it seeds 100,000 partners once)");
  }
  const stack = await startStack(config, { durable: false, log });
  const env = appEnv(config);
  let app: ProductionApp | undefined;
  let exitCode = 0;
  try {
    app = await startProductionApp({ env, distDir: DIST, port: PORT, build: BUILD, log });
    const appUrl = app.url;
    log(`measuring (${RUNS} runs each)`);
    const data = await measure(RUNS, await dataRequest(env), 3);
    const page = await firstResponse(appUrl);
    let first: Timing;
    try {
      first = await measure(RUNS, page.get, 3);
    } finally {
      await page.close();
    }
    const met = data.median < TARGET_MS;
    console.log(`\nPartnerdesk program dashboard, default period (ms)\n`);
    console.log(
      table(
        ["measurement", "runs", "median", "p95", "note"],
        [
          row(
            "data request (five functions in parallel), wall time",
            data,
            `target < ${TARGET_MS} ms: ${met ? "met" : "MISSED"}`,
          ),
          row("first response: GET /admin signed in", first, "production build"),
        ],
      ),
    );
    if (!met) exitCode = 1;
  } finally {
    app?.stop();
    await stack.stop();
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
