/**
 * `npm run bench:outbox`: 10,000 events through the outbox to a webhook receiver and the
 * mailbox, with the runner called every 2 s as a cron would. Prints events per second and
 * the time from a change to its first delivery attempt (webhooks) and to its email.
 *
 * Runs on a stack of its own (OUTBOX_BENCH_PORT_BASE, default 49321) and a receiver on
 * 127.0.0.1 (OUTBOX_BENCH_RECEIVER_PORT, default 21990). Loopback only; every loop is
 * bounded in count and time. Start it with tsx's `--conditions=react-server` (npm run
 * bench:outbox does), so the runner's server-only modules load as they do in the app.
 */
import fs from "node:fs";
import http from "node:http";
import pg from "pg";
import { adminDbUrl, appEnv, loadConfig } from "../../local-supabase/config";
import { startStack } from "../../local-supabase/stack";
import { summarise, table } from "./stats";

const ACME = "00000000-0000-4000-8000-00000000ac01";
const EVENTS = Number(process.env.OUTBOX_BENCH_EVENTS ?? 10_000);
const PER_TRANSACTION = 10;
const WRITE_SECONDS = 20;
const TICK_MS = 2_000;
const DEADLINE_MS = 10 * 60_000;
const RECEIVER_PORT = Number(process.env.OUTBOX_BENCH_RECEIVER_PORT ?? 21990);

const log = (line: string) => console.log(`[bench:outbox] ${line}`);
const config = loadConfig({ name: "bench-outbox", portBase: Number(process.env.OUTBOX_BENCH_PORT_BASE ?? 49321) });

async function main(): Promise<number> {
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  const stack = await startStack(config, { durable: false, log });
  Object.assign(process.env, appEnv(config), { WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" });
  const { runJobs } = await import("../../lib/jobs/run-jobs");
  const db = new pg.Pool({ connectionString: adminDbUrl(config), max: 4 });

  const arrivals = new Map<string, { at: number; eventId: number }>();
  const receiver = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      if (!arrivals.has(id)) {
        const body = JSON.parse(raw) as { data?: { event_id?: number } };
        arrivals.set(id, { at: Date.now(), eventId: Number(body.data?.event_id ?? 0) });
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, "127.0.0.1", resolve));

  try {
    // The seed's history goes first, so it does not count against the measured events.
    await runJobs({ origin: "http://localhost:3000", budgetMs: 120_000 });
    const owners = (
      await db.query<{ user_id: string }>("select user_id from public.org_members where org_id = $1", [ACME])
    ).rows;
    const partners: string[] = [];
    for (const [i, owner] of owners.entries()) {
      const row = await db.query<{ id: string }>(
        "insert into public.partners (org_id, name, status, owner_id) values ($1, $2, 'active', $3) returning id",
        [ACME, `Bench partner ${i}`, owner.user_id],
      );
      partners.push(row.rows[0]!.id);
    }
    // OUTBOX_BENCH_EMAILS=false measures the webhooks alone (the bell only, no emails to write).
    const delivery = process.env.OUTBOX_BENCH_EMAILS === "false" ? "in_app" : "email";
    await db.query(
      `insert into public.notification_preferences (org_id, user_id, event_type, delivery)
       values ($1, null, 'referral.created', $2)
       on conflict on constraint notification_preferences_once do update set delivery = excluded.delivery`,
      [ACME, delivery],
    );
    await db.query(
      `with endpoint as (
         insert into public.webhook_endpoints (org_id, url, description, event_types)
         values ($1, $2, 'bench receiver', array['referral.created']) returning id)
       insert into private.webhook_secrets (endpoint_id, secret)
       select id, 'whsec_' || encode(extensions.gen_random_bytes(32), 'base64') from endpoint`,
      [ACME, `http://127.0.0.1:${RECEIVER_PORT}/hook`],
    );
    await runJobs({ origin: "http://localhost:3000", budgetMs: 30_000 });
    const firstEvent = Number(
      (await db.query<{ next: string }>("select coalesce(max(id), 0) + 1 as next from private.outbox_events")).rows[0]!
        .next,
    );

    // The runner, every 2 s; a run longer than that is joined by a second one (any number may run at once).
    let running = 0;
    let runs = 0;
    const phases: Awaited<ReturnType<typeof runJobs>>["phases"][] = [];
    const ticker = setInterval(() => {
      if (running >= 2) return;
      running += 1;
      runs += 1;
      void runJobs({ origin: "http://localhost:3000", budgetMs: 1_800, webhookBatch: 500 })
        .then((run) => void phases.push(run.phases))
        .catch((error: unknown) => log(`run failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (running -= 1));
    }, TICK_MS);

    const started = Date.now();
    const transactions = Math.ceil(EVENTS / PER_TRANSACTION);
    const pause = (WRITE_SECONDS * 1000) / transactions;
    let written = 0;
    for (let t = 0; t < transactions; t++) {
      const partner = partners[t % partners.length]!;
      const count = Math.min(PER_TRANSACTION, EVENTS - written);
      await db.query(
        `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value)
         select $1, $2, 'Bench client ' || g, 'bench' || g || '@example.test', 'submitted', 100 from generate_series(1, $3) g`,
        [ACME, partner, count],
      );
      written += count;
      const due = started + (t + 1) * pause;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    const wroteMs = Date.now() - started;

    const pendingEmails = async () =>
      Number(
        (await db.query<{ n: string }>("select count(*) as n from private.email_deliveries where status = 'pending'"))
          .rows[0]!.n,
      );
    while ((arrivals.size < EVENTS || (await pendingEmails()) > 0) && Date.now() - started < DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    clearInterval(ticker);
    while (running > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const doneMs = Math.max(...[...arrivals.values()].map((a) => a.at)) - started;

    const created = new Map(
      (
        await db.query<{ id: string; at: number }>(
          "select id, extract(epoch from created_at) * 1000 as at from private.outbox_events where id >= $1 and event_type = 'referral.created'",
          [firstEvent],
        )
      ).rows.map((row) => [Number(row.id), Number(row.at)]),
    );
    const webhookLatency = [...arrivals.values()]
      .filter((a) => created.has(a.eventId))
      .map((a) => a.at - created.get(a.eventId)!);
    const emails = await db.query<{ latency: number }>(
      `select extract(epoch from (d.sent_at - min(e.created_at))) * 1000 as latency
         from private.email_deliveries d join private.outbox_events e on e.batch_id = d.batch_id
        where d.kind = 'event' and d.status = 'sent' and e.id >= $1
        group by d.id, d.sent_at`,
      [firstEvent],
    );
    const emailLatency = emails.rows.map((row) => Number(row.latency));
    const hooks = summarise(webhookLatency);
    const mails = summarise(emailLatency.length ? emailLatency : [0]);

    console.log(
      `\nOutbox: ${EVENTS.toLocaleString("en")} referral.created events in ${transactions} transactions of ${PER_TRANSACTION} over ${(wroteMs / 1000).toFixed(1)} s, runner every ${TICK_MS / 1000} s (${runs} runs)\n`,
    );
    console.log(
      table(
        ["what", "count", "per second", "median", "p95", "max"],
        [
          [
            "webhook: change → first attempt",
            String(webhookLatency.length),
            (arrivals.size / (doneMs / 1000)).toFixed(0),
            `${(hooks.median / 1000).toFixed(2)} s`,
            `${(hooks.p95 / 1000).toFixed(2)} s`,
            `${(hooks.max / 1000).toFixed(2)} s`,
          ],
          [
            "email (one per transaction and owner): change → sent",
            String(emailLatency.length),
            (emailLatency.length / (doneMs / 1000)).toFixed(0),
            `${(mails.median / 1000).toFixed(2)} s`,
            `${(mails.p95 / 1000).toFixed(2)} s`,
            `${(mails.max / 1000).toFixed(2)} s`,
          ],
        ],
      ),
    );
    const phase = (key: keyof (typeof phases)[number]) => summarise(phases.map((p) => p[key]));
    console.log(
      `\nper run (median / p95): ${(["sweepMs", "fanOutMs", "webhooksMs", "emailsMs"] as const)
        .map((key) => `${key.replace("Ms", "")} ${phase(key).median} / ${phase(key).p95} ms`)
        .join(", ")}`,
    );
    const ok = arrivals.size >= EVENTS && hooks.p95 < 5_000;
    console.log(`\ntarget p95 < 5 s for webhooks: ${ok ? "met" : "missed"}`);
    return ok ? 0 : 1;
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await db.end();
    await stack.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
