import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { fail, type ActionResult } from "@/lib/actions/result";
import { verifyAnyFactor, verifyCode } from "./factors";
import { codeSubject, forgiveSignIn, recordSignInAttempt, signInWait, tooManyCodesMessage } from "./limits";
import { WRONG_CODE } from "./schemas";

/**
 * One authenticator code, checked under the sign-in limits: refused before the auth server
 * is asked once the account has had too many wrong ones; a wrong code is a message at the
 * code field. Returns null when the code was right (the session is then aal2).
 */
export async function checkCode(
  supabase: ServerClient,
  email: string,
  code: string,
  factorId?: string,
): Promise<ActionResult<never> | null> {
  const subject = await codeSubject(email);
  const wait = await signInWait(subject);
  if (wait > 0) return fail(tooManyCodesMessage(wait), { code: tooManyCodesMessage(wait) });
  const outcome = factorId ? await verifyCode(supabase, factorId, code) : await verifyAnyFactor(supabase, code);
  if (outcome === "verified") {
    await forgiveSignIn(subject);
    return null;
  }
  if (outcome === "expired") return fail("This authenticator is no longer set up. Reload the page.");
  const next = await recordSignInAttempt(subject);
  const message = next > 0 ? tooManyCodesMessage(next) : WRONG_CODE;
  return fail(message, { code: message });
}
