import "server-only";
import { sendMail } from "@/lib/email/send-mail";
import { composeEmail, type ClaimedEmail } from "@/lib/notifications/email/compose-email";
import type { createAdminClient } from "@/lib/supabase/admin";

type Admin = ReturnType<typeof createAdminClient>;

export type EmailRun = { claimed: number; sent: number; failed: number; skipped: number };

/**
 * Leases a batch of due emails, writes and sends each, and records the outcome. At least
 * once: a runner stopped between sending and recording leaves the lease to run out, and
 * the next one sends the same message (same Message-ID) again.
 */
export async function sendDueEmails(supabase: Admin, origin: string, limit = 50, concurrency = 4): Promise<EmailRun> {
  const run: EmailRun = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
  const { data, error } = await supabase.rpc("jobs_claim_emails", { p_limit: limit, p_lease_seconds: 120 });
  if (error) throw new Error(`jobs_claim_emails failed: ${error.message}`);
  const claimed = (data ?? []) as unknown as ClaimedEmail[];
  run.claimed = claimed.length;
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const email = claimed[next++]!;
      const mail = await composeEmail(email, origin);
      let outcome: "sent" | "failed" | "skipped" = "skipped";
      let reason: string | null = null;
      if (mail) {
        const result = await sendMail(mail);
        outcome = result.ok ? "sent" : "failed";
        // codes only: the message may name the recipient
        reason = result.ok ? null : [result.code, result.responseCode].filter(Boolean).join(" ") || "send failed";
      }
      run[outcome] += 1;
      const recorded = await supabase.rpc("jobs_record_email", {
        p_id: email.id,
        p_outcome: outcome,
        p_error: reason ?? undefined,
      });
      if (recorded.error) throw new Error(`jobs_record_email failed: ${recorded.error.message}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  return run;
}
