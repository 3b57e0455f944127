/**
 * The partner workspace at size: each tab's first response for a partner with 1,000
 * referrals and 10,000 activity events, from a production build (`next start`).
 *
 *   npx tsx scripts/bench/workspace.ts [--runs 30] [--no-build]
 *
 * Starts a stack of its own ("bench-workspace", ports 45321..; fresh, seeded), builds the
 * app into .next-bench-workspace (skipped with --no-build when that build exists), starts
 * it on port 3212, adds a big partner to the seeded Acme org (1,000 referrals through the
 * normal triggers, topped up to 10,000 timeline events), signs in as admin@acme.test, and
 * times GET /admin/partners/<id>/<tab>: time to first byte and to the whole document.
 * Target: every tab's median whole document under 300 ms.
 */
import fs from "node:fs";
import { createServerClient } from "@supabase/ssr";
import pg from "pg";
import { adminDbUrl, appEnv, loadConfig } from "../../local-supabase/config";
import { startStack } from "../../local-supabase/stack";
import { ms, summarise, table, type Timing } from "./stats";
import { exitOnHelp, startProductionApp, type ProductionApp } from "./production-app";

exitOnHelp("npx tsx scripts/bench/workspace.ts [--runs 30] [--no-build]");

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 30;
const BUILD = !args.includes("--no-build");
const PORT = 3212;
const DIST = ".next-bench-workspace";
const TARGET_MS = 300;
const TABS = ["overview", "tasks", "referrals", "docs", "activity"] as const;
const ACME = "00000000-0000-4000-8000-00000000ac01";
const ADMIN = "11111111-1111-4111-8111-000000000001";

const log = (line: string) => console.log(`[bench:workspace] ${line}`);
const config = loadConfig({ name: "bench-workspace", portBase: 45321 });

/** A partner with 1,000 referrals (their triggers write referral.created) and 10,000 events in all. */
async function bigPartner(db: pg.Pool): Promise<string> {
  const client = await db.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ id: string }>(
      `insert into public.partners (org_id, name, status, tier, owner_id, region, commission_rate)
       values ($1, 'Bench Big Partner ' || to_char(now(), 'HH24MISS'), 'active', 'gold', $2, 'EMEA', 10) returning id`,
      [ACME, ADMIN],
    );
    const partnerId = rows[0]!.id;
    await client.query(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value, actual_value, referred_at)
       select $1, $2, 'Client ' || n, 'buyer' || n || '@client' || n || '.example',
              (array['submitted','qualified','in_progress','won','lost'])[1 + n % 5],
              (n % 90 + 5) * 1000, case when n % 5 = 3 then (n % 90 + 5) * 900 end,
              now() - (n || ' hours')::interval
         from generate_series(1, 1000) n`,
      [ACME, partnerId],
    );
    await client.query(
      `insert into public.partner_tasks (org_id, partner_id, title, priority, due_date, assignee_id)
       select $1, $2, 'Task ' || n, (array['low','medium','high','urgent'])[1 + n % 4], current_date + (n % 30 - 10), $3
         from generate_series(1, 40) n`,
      [ACME, partnerId, ADMIN],
    );
    const { rows: counted } = await client.query<{ n: string }>(
      "select count(*) as n from public.partner_activity_log where partner_id = $1",
      [partnerId],
    );
    const missing = 10_000 - Number(counted[0]!.n);
    await client.query(
      `insert into public.partner_activity_log (org_id, partner_id, event_type, occurred_at, actor_id, payload, partner_visible)
       select $1, $2, (array['partner.status_changed','referral.status_changed','commission.approved','task.completed'])[1 + n % 4],
              now() - (n || ' minutes')::interval, $3, jsonb_build_object('from', 'submitted', 'to', 'qualified', 'client_name', 'Client ' || n, 'title', 'Task ' || n, 'amount', 100, 'currency', 'USD'), n % 2 = 0
         from generate_series(1, $4::int) n`,
      [ACME, partnerId, ADMIN, missing],
    );
    await client.query("commit");
    await client.query("analyze public.partner_activity_log; analyze public.partner_referrals");
    return partnerId;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/** The session cookies @supabase/ssr would set after a password sign-in, as one Cookie header. */
async function signedInCookie(env: Record<string, string>): Promise<string> {
  const jar = new Map<string, string>();
  const supabase = createServerClient(env.NEXT_PUBLIC_SUPABASE_URL!, env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!, {
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => cookies.forEach(({ name, value }) => (value ? jar.set(name, value) : jar.delete(name))),
    },
  });
  const { error } = await supabase.auth.signInWithPassword({ email: "admin@acme.test", password: "partnerdesk-demo" });
  if (error) throw error;
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function timeTab(url: string, cookie: string): Promise<{ firstByte: number; whole: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const reader = response.body!.getReader();
  let firstByte = 0;
  for (;;) {
    const { done } = await reader.read();
    if (!firstByte) firstByte = performance.now() - started;
    if (done) break;
  }
  return { firstByte, whole: performance.now() - started, status: response.status };
}

async function main() {
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  log("starting a fresh stack");
  const stack = await startStack(config, { durable: false, log: (line) => log(line) });
  const env = appEnv(config);
  let app: ProductionApp | undefined;
  // Arranging the big partner behind RLS's back: the stack's superuser.
  const db = new pg.Pool({ connectionString: adminDbUrl(config) });
  try {
    const partnerId = await bigPartner(db);
    log(`partner ${partnerId}: 1,000 referrals, 10,000 events, 40 tasks`);
    app = await startProductionApp({ env, distDir: DIST, port: PORT, build: BUILD, log });
    const cookie = await signedInCookie(env);
    const rows: string[][] = [];
    const results: Record<string, { firstByte: Timing; whole: Timing }> = {};
    for (const tab of TABS) {
      const url = `${app.url}/admin/partners/${partnerId}/${tab}`;
      const check = await timeTab(url, cookie);
      if (check.status !== 200) throw new Error(`${tab}: HTTP ${check.status}`);
      for (let i = 0; i < 3; i++) await timeTab(url, cookie); // warm-up
      const firstBytes: number[] = [];
      const wholes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const timing = await timeTab(url, cookie);
        firstBytes.push(timing.firstByte);
        wholes.push(timing.whole);
      }
      results[tab] = { firstByte: summarise(firstBytes), whole: summarise(wholes) };
      const whole = results[tab].whole;
      rows.push([
        tab,
        ms(results[tab].firstByte.median),
        ms(whole.median),
        ms(whole.p95),
        ms(whole.max),
        whole.median < TARGET_MS ? "ok" : "MISSED",
      ]);
    }
    console.log(`\nWorkspace tabs, ${RUNS} runs each, production build, admin@acme.test (ms)\n`);
    console.log(
      table(["tab", "first byte median", "document median", "document p95", "max", `< ${TARGET_MS} ms`], rows),
    );
    const missed = rows.filter((row) => row[5] !== "ok").length;
    process.exitCode = missed ? 1 : 0;
  } finally {
    app?.stop();
    await db.end();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
