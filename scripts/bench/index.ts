/**
 * `npm run bench`: the directory at scale (100,000 partners, about 1,000,000 referrals).
 *
 * Starts a stack of its own ("bench", ports 52321..; its database folder survives, so the
 * scale seed is made once and reused), seeds scale data when missing, then measures through
 * PostgREST on 127.0.0.1 only:
 *   - the directory's page query (50 rows, explicit org filter, a status filter, sorted by
 *     name, exact count) as a member and as service_role, and their ratio;
 *   - the hero metrics function and a partner's roll-ups, as a member;
 *   - one partner update with all its triggers vs the same update with triggers set aside;
 *   - the program dashboard's functions for its default period (last 12 months), each alone, and the
 *     dashboard's data request (all of them in parallel, as the page asks) as wall time.
 * Targets: member/service_role ratio <= 1.2, hero metrics median < 50 ms, the dashboard's
 * data request median < 300 ms. When a target is
 * missed it prints the member's plan (EXPLAIN ANALYZE with the member's JWT claims).
 *
 * Options: --partners N (default 100000), --runs N (default 200), --seed-only,
 *          --time-limit MINUTES (default 20, or 180 above 100k partners: the seed is most of it).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { SignJWT } from "jose";
import pg from "pg";
import { adminDbUrl, apiUrl, dbUrl, statusEnv, type StackConfig } from "../../local-supabase/config";
import { startStack } from "../../local-supabase/stack";
import { benchConfig } from "./bench-stack";
import { measure, measurePair, ms, table, type Timing } from "./stats";
import { dashboardParamsSchema, resolveDashboardFilter } from "../../lib/dashboard/filter";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}
const PARTNERS = option("partners", 100_000);
const RUNS = option("runs", 200);
const SEED_ONLY = args.includes("--seed-only");
const TARGET_RATIO = 1.2;
const TARGET_HERO_MS = 50;
const TARGET_DASHBOARD_MS = 300;
const DASHBOARD_RUNS = option("dashboard-runs", 30);
// A million partners take far longer to seed than the measurements take to run.
const TIME_LIMIT_MINUTES = option("time-limit", PARTNERS > 100_000 ? 180 : 20);

const projectDir = path.resolve(import.meta.dirname, "../..");
const config = benchConfig(PARTNERS);
const log = (line: string) => console.log(`[bench] ${line}`);

function run(command: string, commandArgs: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: projectDir, env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(" ")} exited with ${code}`)),
    );
  });
}

/** The org with the most partners: the one seed:scale filled. */
async function scaleOrg(db: pg.Pool): Promise<{ id: string; partners: number } | undefined> {
  const { rows } = await db.query<{ org_id: string; n: string }>(
    "select org_id, count(*) as n from public.partners group by org_id order by count(*) desc limit 1",
  );
  return rows[0] ? { id: rows[0].org_id, partners: Number(rows[0].n) } : undefined;
}

async function ensureScaleData(db: pg.Pool, stackConfig: StackConfig): Promise<{ id: string; partners: number }> {
  const existing = await scaleOrg(db);
  if (existing && existing.partners >= PARTNERS) return existing;
  log(`seeding ${PARTNERS.toLocaleString("en")} partners (npm run db:seed:scale); this runs once per bench database`);
  const started = performance.now();
  const env = {
    ...statusEnv(stackConfig),
    SUPABASE_DB_URL: dbUrl(stackConfig),
    SUPABASE_ADMIN_DB_URL: adminDbUrl(stackConfig),
    LOCAL_SUPABASE_NAME: stackConfig.name,
    LOCAL_SUPABASE_PORT_BASE: String(stackConfig.apiPort),
  };
  await run("npm", ["run", "--silent", "db:seed:scale", "--", "--partners", String(PARTNERS)], env);
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.query("vacuum analyze");
  const seeded = await scaleOrg(db);
  if (!seeded || seeded.partners < PARTNERS)
    throw new Error(`after seeding, the largest org has ${seeded?.partners ?? 0} partners`);
  return seeded;
}

/** A member of the scale org, made once (auth user + membership), as the app's staff would be. */
async function benchMember(db: pg.Pool, orgId: string): Promise<string> {
  const email = "bench-member@bench.test";
  const found = await db.query<{ id: string }>("select id from auth.users where email = $1", [email]);
  let id = found.rows[0]?.id;
  if (!id) {
    id = randomUUID();
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         confirmation_token, recovery_token, email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', now(), '', '', '', '',
         '{"provider":"email","providers":["email"]}', '{"name":"Bench Member"}', now(), now())`,
      [id, email],
    );
  }
  await db.query(
    "insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member') on conflict do nothing",
    [orgId, id],
  );
  return id;
}

function client(key: string, bearer: string): SupabaseClient {
  return createClient(apiUrl(config), key, {
    global: { headers: { Authorization: `Bearer ${bearer}` } },
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

async function memberToken(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: userId,
    role: "authenticated",
    aud: "authenticated",
    aal: "aal1",
    session_id: randomUUID(),
    is_anonymous: false,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600 * 4)
    .sign(new TextEncoder().encode(config.jwtSecret));
}

/** Runs `statement` as the member (role authenticated, the member's JWT claims), in a transaction rolled back. */
async function asMember<T extends pg.QueryResultRow>(
  db: pg.Pool,
  userId: string,
  statement: string,
  params: unknown[],
  setup = "",
): Promise<pg.QueryResult<T>> {
  const connection = await db.connect();
  try {
    await connection.query("begin");
    if (setup) await connection.query(setup);
    await connection.query(
      "select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)",
      [JSON.stringify({ sub: userId, role: "authenticated" })],
    );
    return await connection.query<T>(statement, params);
  } finally {
    await connection.query("rollback").catch(() => {});
    connection.release();
  }
}

async function explainAsMember(db: pg.Pool, userId: string, title: string, statement: string, params: unknown[]) {
  const plan = await asMember<{ "QUERY PLAN": string }>(
    db,
    userId,
    `explain (analyze, buffers, costs off) ${statement}`,
    params,
  );
  console.log(
    `\n${title} (EXPLAIN ANALYZE as the member):\n${plan.rows.map((row) => `  ${row["QUERY PLAN"]}`).join("\n")}`,
  );
}

function row(label: string, timing: Timing, note = ""): string[] {
  return [label, String(timing.runs), ms(timing.median), ms(timing.p95), note];
}

async function main() {
  log(
    `starting the bench stack on 127.0.0.1:${config.apiPort} (database kept in ${path.relative(projectDir, config.dataDir)})`,
  );
  const stack = await startStack(config, { durable: false, log: (line) => log(line) });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(130));
  // Bounded: the seed runs once (about 3 minutes here at 100k), the measurements a few minutes.
  setTimeout(() => {
    console.error(`[bench] gave up after ${TIME_LIMIT_MINUTES} minutes`);
    void stop(1);
  }, TIME_LIMIT_MINUTES * 60_000).unref();
  // Arranging and measuring behind RLS's back: the stack's superuser.
  const db = new pg.Pool({ connectionString: adminDbUrl(config), max: 4 });
  let exitCode = 0;
  try {
    const org = await ensureScaleData(db, config);
    const [{ referrals }] = (
      await db.query<{ referrals: string }>(
        "select count(*) as referrals from public.partner_referrals where org_id = $1",
        [org.id],
      )
    ).rows as [{ referrals: string }];
    log(
      `org ${org.id}: ${org.partners.toLocaleString("en")} partners, ${Number(referrals).toLocaleString("en")} referrals`,
    );
    if (SEED_ONLY) return;

    const memberId = await benchMember(db, org.id);
    const member = client(config.anonKey, await memberToken(memberId));
    const service = client(config.serviceRoleKey, config.serviceRoleKey);

    const page = (as: SupabaseClient) => async () => {
      const result = await as
        .from("partners")
        .select("id, name, status, tier, owner_id, region, updated_at", { count: "exact" })
        .eq("org_id", org.id)
        .eq("status", "active")
        .order("name", { ascending: true })
        .range(0, 49);
      if (result.error || result.data.length !== 50 || !result.count)
        throw new Error(`directory page: ${JSON.stringify(result.error ?? result.count)}`);
      return result;
    };
    // Same answer for both: RLS must not change what a member of the org sees.
    const [asMemberPage, asServicePage] = [await page(member)(), await page(service)()];
    if (asMemberPage.count !== asServicePage.count)
      throw new Error(`member sees ${asMemberPage.count} rows, service_role ${asServicePage.count}`);

    log(`measuring the directory page (${RUNS} runs each, member and service_role in turn)`);
    const [memberPage, servicePage] = await measurePair(RUNS, page(member), page(service), 20);
    const ratio = memberPage.median / servicePage.median;

    log("measuring the hero metrics and roll-ups");
    const hero = await measure(RUNS, async () => {
      const result = await member.rpc("partner_directory_metrics", { p_org_id: org.id });
      if (result.error) throw new Error(`hero metrics: ${result.error.message}`);
    });
    const partnerIds = (
      await db.query<{ id: string }>("select id from public.partners where org_id = $1 order by random() limit $2", [
        org.id,
        RUNS + 10,
      ])
    ).rows.map((r) => r.id);
    const rollups = await measure(RUNS, async (i) => {
      const result = await member.rpc("partner_rollups", { p_partner_id: partnerIds[i % partnerIds.length] });
      if (result.error || result.data.length !== 1) throw new Error(`roll-ups: ${JSON.stringify(result.error)}`);
    });

    log(`measuring the dashboard's functions (${DASHBOARD_RUNS} runs each)`);
    // the page's default period ("Last 12 months": this month and the eleven before, to today)
    const { rows: zone } = await db.query<{ time_zone: string }>(
      "select time_zone from public.organizations where id = $1",
      [org.id],
    );
    const period = resolveDashboardFilter(dashboardParamsSchema.parse({}), zone[0]!.time_zone);
    const dashboardArgs = { p_org_id: org.id, p_from: period.fromDay, p_to: period.toDay };
    const dashboardCalls: [string, () => PromiseLike<{ error: unknown }>][] = [
      ["dashboard_tiles", () => member.rpc("dashboard_tiles", dashboardArgs)],
      ["dashboard_series", () => member.rpc("dashboard_series", { ...dashboardArgs, p_bucket: "month" })],
      ["dashboard_funnel", () => member.rpc("dashboard_funnel", dashboardArgs)],
      ["dashboard_service_levels", () => member.rpc("dashboard_service_levels", dashboardArgs)],
      ["dashboard_leaders", () => member.rpc("dashboard_leaders", { ...dashboardArgs, p_limit: 5 })],
    ];
    // A call that fails (a statement timeout) ends its measurement and is reported in the table.
    const attempt = async (work: () => Promise<void>): Promise<Timing | string> => {
      try {
        return await measure(DASHBOARD_RUNS, work, 2);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    const dashboardTimings: [string, Timing | string][] = [];
    for (const [name, call] of dashboardCalls) {
      dashboardTimings.push([
        name,
        await attempt(async () => {
          const result = await call();
          if (result.error) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
        }),
      ]);
    }
    const dashboardRequest = await attempt(async () => {
      const results = await Promise.all(dashboardCalls.map(([, call]) => call()));
      const failed = results.find((result) => result.error);
      if (failed) throw new Error(`dashboard: ${JSON.stringify(failed.error)}`);
    });
    const dashboardMet = typeof dashboardRequest !== "string" && dashboardRequest.median < TARGET_DASHBOARD_MS;
    const timedRow = (label: string, timing: Timing | string, note = "") =>
      typeof timing === "string" ? [label, "", "—", "—", `failed: ${timing.slice(0, 120)}`] : row(label, timing, note);

    log("measuring a partner update with and without its triggers (as the member, rolled back)");
    const target = partnerIds[0]!;
    const update =
      "update public.partners set status = case when status = 'active' then 'paused' else 'active' end, tier = case when tier = 'gold' then 'silver' else 'gold' end, region = 'Bench' where id = $1";
    const [withTriggers, withoutTriggers] = await measurePair(
      RUNS,
      () => asMember(db, memberId, update, [target]),
      () => asMember(db, memberId, update, [target], "set local session_replication_role = replica"),
    );

    console.log(
      `\nPartnerdesk bench — ${org.partners.toLocaleString("en")} partners, ${Number(referrals).toLocaleString("en")} referrals, ${RUNS} runs each (ms)\n`,
    );
    console.log(
      table(
        ["measurement", "runs", "median", "p95", "note"],
        [
          row("directory page as member (PostgREST, RLS)", memberPage, `${asMemberPage.count} rows counted`),
          row("directory page as service_role (PostgREST)", servicePage),
          [
            "member / service_role ratio (median)",
            "",
            ratio.toFixed(2),
            (memberPage.p95 / servicePage.p95).toFixed(2),
            `target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? "met" : "MISSED"}`,
          ],
          row(
            "hero metrics rpc as member",
            hero,
            `target < ${TARGET_HERO_MS} ms: ${hero.median < TARGET_HERO_MS ? "met" : "MISSED"}`,
          ),
          row("partner roll-ups rpc as member", rollups),
          row(
            "partner update, all triggers (SQL)",
            withTriggers,
            `+${ms(withTriggers.median - withoutTriggers.median)} ms for triggers`,
          ),
          row("partner update, triggers set aside (SQL)", withoutTriggers),
          ...dashboardTimings.map(([name, timing]) => timedRow(`${name} rpc as member, 12 months`, timing)),
          timedRow(
            "dashboard data request (all five in parallel), wall time",
            dashboardRequest,
            `target < ${TARGET_DASHBOARD_MS} ms: ${dashboardMet ? "met" : "MISSED"}`,
          ),
        ],
      ),
    );

    if (!dashboardMet) exitCode = 1;

    const pageSql =
      "select id, name, status, tier, owner_id, region, updated_at from public.partners where org_id = $1 and status = 'active' order by name limit 50";
    const countSql = "select count(*) from public.partners where org_id = $1 and status = 'active'";
    if (ratio > TARGET_RATIO) {
      await explainAsMember(db, memberId, "directory page", pageSql, [org.id]);
      await explainAsMember(db, memberId, "directory count", countSql, [org.id]);
    }
    if (hero.median >= TARGET_HERO_MS) {
      // The function has its own search_path, so it is not inlined: explain its body instead.
      await explainAsMember(db, memberId, "hero metrics (the function's query)", HERO_SQL, [org.id]);
    }
  } catch (error) {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  } finally {
    await db.end();
    await stop(exitCode);
  }
}

const HERO_SQL = `select count(*) filter (where p.status = 'active') as active_partners,
         coalesce(sum(s.pipeline_value), 0) as pipeline_value, coalesce(sum(s.commission_owed), 0) as owed_commission
    from public.partners p join public.partner_stats s on s.partner_id = p.id and s.org_id = p.org_id
   where p.org_id = $1 and p.archived_at is null`;

void main();
