import "server-only";
import { openMailPool } from "@/lib/email/mail-pool";
import { composeEmail, type ClaimedEmail } from "@/lib/notifications/email/compose-email";
import { compileEventEmail } from "@/lib/notifications/email/event-email-template";
import type { createAdminClient } from "@/lib/supabase/admin";
import { batchRecorder } from "./batch-recorder";
import { forEachBounded } from "./bounded-pool";

type Admin = ReturnType<typeof createAdminClient>;

export type EmailRun = { claimed: number; sent: number; failed: number; skipped: number };

export type SendOptions = {
  limit?: number;
  /** Emails written and handed to SMTP at once; the pool's connections carry them in turn. */
  concurrency?: number;
  /** SMTP connections the batch shares. */
  connections?: number;
  /** Sends recorded per database call. */
  recordEvery?: number;
};

type Outcome = { id: string; outcome: "sent" | "failed" | "skipped"; error: string | null };

/**
 * Leases a batch of due emails, writes each, sends them over a few pooled SMTP connections,
 * and records the outcomes in batches. At least once: a runner stopped between sending and
 * recording leaves the lease to run out, and the next one sends the same message (same
 * Message-ID) again.
 */
export async function sendDueEmails(supabase: Admin, origin: string, options: SendOptions = {}): Promise<EmailRun> {
  const run: EmailRun = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
  const { data, error } = await supabase.rpc("jobs_claim_emails", {
    p_limit: options.limit ?? 200,
    p_lease_seconds: 120,
  });
  if (error) throw new Error(`jobs_claim_emails failed: ${error.message}`);
  const claimed = (data ?? []) as unknown as ClaimedEmail[];
  run.claimed = claimed.length;
  if (claimed.length === 0) return run;
  const recorder = batchRecorder<Outcome>(options.recordEvery ?? 50, async (outcomes) => {
    const recorded = await supabase.rpc("jobs_record_emails", { p_results: outcomes });
    if (recorded.error) throw new Error(`jobs_record_emails failed: ${recorded.error.message}`);
  });
  const eventTemplate = claimed.some((email) => email.kind === "event") ? await compileEventEmail() : undefined;
  const pool = openMailPool({ connections: options.connections ?? 4 });
  try {
    await forEachBounded(claimed, options.concurrency ?? 16, async (email) => {
      const mail = await composeEmail(email, origin, eventTemplate);
      let outcome: Outcome["outcome"] = "skipped";
      let reason: string | null = null;
      if (mail) {
        const result = await pool.send(mail);
        outcome = result.ok ? "sent" : "failed";
        // codes only: the message may name the recipient
        reason = result.ok ? null : [result.code, result.responseCode].filter(Boolean).join(" ") || "send failed";
      }
      run[outcome] += 1;
      recorder.add({ id: email.id, outcome, error: reason });
    });
  } finally {
    pool.close();
  }
  await recorder.done();
  return run;
}
