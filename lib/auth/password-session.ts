import "server-only";
import { createClient } from "@/lib/supabase/server";

/**
 * GoTrue's recovery session: signed in by a one-time code, a magic link or a reset link.
 * Such a session may set a password without the current one (the person forgot it, or an
 * invited person has none yet); a password session must give the current one, so a stolen
 * session cannot lock its owner out.
 */
const RECOVERY_METHODS = new Set(["otp", "magiclink", "recovery"]);

export function isRecoveryAmr(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  return amr.some((entry) => RECOVERY_METHODS.has(String((entry as { method?: unknown } | null)?.method)));
}

/** Whether the password form must ask for the current password in this session. */
export async function asksCurrentPassword(): Promise<boolean> {
  const supabase = await createClient();
  const { data } = await supabase.auth.getClaims();
  return !isRecoveryAmr(data?.claims?.amr);
}
