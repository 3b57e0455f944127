import "server-only";
import { refreshDashboardWindows } from "@/lib/dashboard/refresh-windows";
import { createAdminClient } from "@/lib/supabase/admin";
import { deliverDueWebhooks, type WebhookRun } from "@/lib/webhooks/deliver-webhooks";
import { sendDueEmails, type EmailRun } from "./send-emails";

export type JobsRun = {
  /** Time-based events the sweep wrote. */
  swept: number;
  /** Outbox events fanned out, and the notifications written or merged for them. */
  events: number;
  notifications: number;
  /** Batches claimed; the run stops at an empty batch or when its time is up. */
  batches: number;
  emails: EmailRun;
  webhooks: WebhookRun;
  ms: number;
  /** Where the time went: the sweep, the fan-out, and the deliveries (webhooks and emails overlap). */
  phases: { sweepMs: number; fanOutMs: number; webhooksMs: number; emailsMs: number };
};

export type RunOptions = {
  /** The app's public origin, for links in emails. */
  origin: string;
  batchSize?: number;
  webhookBatch?: number;
  emailBatch?: number;
  budgetMs?: number;
};

type FanOut = { events: number; notifications: number };

/**
 * One pass of the background work: the sweep of time-based events and digests, outbox
 * batches until the outbox is empty, then the webhooks and emails that are due, side by
 * side, within a time budget. Each batch is one database transaction (claim with skip
 * locked, write, mark processed), so runners may overlap and a runner stopped at any point
 * leaves nothing half done.
 */
export async function runJobs(options: RunOptions): Promise<JobsRun> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const budgetMs = options.budgetMs ?? 20_000;
  const supabase = createAdminClient();

  const sweep = await supabase.rpc("jobs_sweep");
  if (sweep.error) throw new Error(`jobs_sweep failed: ${sweep.error.message}`);
  await refreshDashboardWindows(supabase);

  const run: JobsRun = {
    swept: sweep.data ?? 0,
    events: 0,
    notifications: 0,
    batches: 0,
    emails: { claimed: 0, sent: 0, failed: 0, skipped: 0 },
    webhooks: { claimed: 0, succeeded: 0, failed: 0 },
    ms: 0,
    phases: { sweepMs: 0, fanOutMs: 0, webhooksMs: 0, emailsMs: 0 },
  };
  const since = (mark: number) => Math.round(performance.now() - mark);
  run.phases.sweepMs = since(started);
  const fanOutStarted = performance.now();
  while (performance.now() - started < budgetMs) {
    const batch = await supabase.rpc("jobs_fan_out", { p_limit: batchSize });
    if (batch.error) throw new Error(`jobs_fan_out failed: ${batch.error.message}`);
    const result = batch.data as FanOut;
    run.batches += 1;
    run.events += result.events;
    run.notifications += result.notifications;
    if (result.events < batchSize) break;
  }
  run.phases.fanOutMs = since(fanOutStarted);
  const deliveriesStarted = performance.now();
  // Webhooks and emails wait on different servers: drained side by side, neither starves the other.
  const deliverHooks = async () => {
    while (performance.now() - started < budgetMs) {
      const hooks = await deliverDueWebhooks(supabase, { limit: options.webhookBatch ?? 500 });
      for (const key of ["claimed", "succeeded", "failed"] as const) run.webhooks[key] += hooks[key];
      if (hooks.claimed === 0) break;
    }
    run.phases.webhooksMs = since(deliveriesStarted);
  };
  const sendEmails = async () => {
    while (performance.now() - started < budgetMs) {
      const emails = await sendDueEmails(supabase, options.origin, { limit: options.emailBatch ?? 200 });
      for (const key of ["claimed", "sent", "failed", "skipped"] as const) run.emails[key] += emails[key];
      if (emails.claimed === 0) break;
    }
    run.phases.emailsMs = since(deliveriesStarted);
  };
  await Promise.all([deliverHooks(), sendEmails()]);
  run.ms = Math.round(performance.now() - started);
  return run;
}
