import "server-only";
import { Webhook } from "standardwebhooks";
import { batchRecorder } from "@/lib/jobs/batch-recorder";
import { forEachBounded } from "@/lib/jobs/bounded-pool";
import type { createAdminClient } from "@/lib/supabase/admin";
import { privateTargetsAllowed } from "./address-policy";
import { postWebhook, TIMEOUT_MS } from "./post-webhook";

type Admin = ReturnType<typeof createAdminClient>;

export type WebhookRun = { claimed: number; succeeded: number; failed: number };

export type DeliverOptions = {
  limit?: number;
  /** Posts in flight at once. */
  concurrency?: number;
  /** Attempts recorded per database call. */
  recordEvery?: number;
};

type Attempt = { id: string; status_code: number; duration_ms: number; error: string | null };

/**
 * Leases due deliveries, signs each as Standard Webhooks says (webhook-id = the delivery's
 * id, stable across retries and re-sends, so a receiver can deduplicate), posts them a
 * bounded number at a time, and records the attempts in batches. At least once: a runner
 * stopped before recording leaves the lease to run out, and the same message goes again.
 */
export async function deliverDueWebhooks(supabase: Admin, options: DeliverOptions = {}): Promise<WebhookRun> {
  const run: WebhookRun = { claimed: 0, succeeded: 0, failed: 0 };
  const limit = options.limit ?? 500;
  const concurrency = options.concurrency ?? 32;
  const { data, error } = await supabase.rpc("jobs_claim_webhooks", {
    p_limit: limit,
    // Long enough for every post of the batch to time out one after another in its lane.
    p_lease_seconds: Math.ceil(limit / concurrency) * (TIMEOUT_MS / 1000) + 30,
  });
  if (error) throw new Error(`jobs_claim_webhooks failed: ${error.message}`);
  const due = data ?? [];
  run.claimed = due.length;
  const allowPrivate = privateTargetsAllowed();
  const recorder = batchRecorder<Attempt>(options.recordEvery ?? 100, async (attempts) => {
    const recorded = await supabase.rpc("jobs_record_webhooks", { p_results: attempts });
    if (recorded.error) throw new Error(`jobs_record_webhooks failed: ${recorded.error.message}`);
  });
  await forEachBounded(due, concurrency, async (delivery) => {
    const body = JSON.stringify(delivery.body);
    const timestamp = new Date();
    const signature = new Webhook(delivery.secret).sign(delivery.id, timestamp, body);
    const result = await postWebhook(
      delivery.url,
      body,
      {
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      { allowPrivate },
    );
    const ok = result.statusCode >= 200 && result.statusCode < 300;
    recorder.add({
      id: delivery.id,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      error: result.error ?? (ok ? null : `HTTP ${result.statusCode}`),
    });
    if (ok) run.succeeded += 1;
    else run.failed += 1;
  });
  await recorder.done();
  return run;
}
