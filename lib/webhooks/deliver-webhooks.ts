import "server-only";
import { Webhook } from "standardwebhooks";
import type { createAdminClient } from "@/lib/supabase/admin";
import { privateTargetsAllowed } from "./address-policy";
import { postWebhook } from "./post-webhook";

type Admin = ReturnType<typeof createAdminClient>;

export type WebhookRun = { claimed: number; succeeded: number; failed: number };

/**
 * Leases due deliveries, signs each as Standard Webhooks says (webhook-id = the delivery's
 * id, stable across retries and re-sends, so a receiver can deduplicate), posts them a few
 * at a time, and records each attempt. At least once: a runner stopped before recording
 * leaves the lease to run out, and the same message goes again.
 */
export async function deliverDueWebhooks(supabase: Admin, limit = 50, concurrency = 8): Promise<WebhookRun> {
  const run: WebhookRun = { claimed: 0, succeeded: 0, failed: 0 };
  const { data, error } = await supabase.rpc("jobs_claim_webhooks", { p_limit: limit, p_lease_seconds: 60 });
  if (error) throw new Error(`jobs_claim_webhooks failed: ${error.message}`);
  const due = data ?? [];
  run.claimed = due.length;
  const allowPrivate = privateTargetsAllowed();
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const delivery = due[next++]!;
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
      const recorded = await supabase.rpc("jobs_record_webhook", {
        p_id: delivery.id,
        p_status_code: result.statusCode,
        p_duration_ms: result.durationMs,
        p_error: result.error ?? (result.statusCode >= 300 ? `HTTP ${result.statusCode}` : undefined),
      });
      if (recorded.error) throw new Error(`jobs_record_webhook failed: ${recorded.error.message}`);
      if (result.statusCode >= 200 && result.statusCode < 300) run.succeeded += 1;
      else run.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  return run;
}
