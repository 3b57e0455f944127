import "server-only";
import type { Factor } from "@supabase/supabase-js";
import type { ServerClient } from "@/lib/actions/safe-action";
import { ServiceUnreachableError, isUnreachable } from "@/lib/supabase/unreachable";

export type VerifiedFactor = { id: string; name: string; createdAt: string };

/** The signed-in person's verified authenticator apps, read fresh from the auth server. */
export async function verifiedFactors(supabase: ServerClient): Promise<VerifiedFactor[]> {
  const { data, error } = await supabase.auth.mfa.listFactors();
  if (isUnreachable(error)) throw new ServiceUnreachableError(error);
  if (error) throw error;
  return data.totp.map((factor: Factor) => ({
    id: factor.id,
    name: factor.friendly_name || "Authenticator app",
    createdAt: factor.created_at,
  }));
}

export type CodeOutcome = "verified" | "wrong" | "expired";

/**
 * A challenge and its verification for one factor, from the app server (both requests
 * leave from one address, as the auth server requires). A right code raises this session
 * to aal2 and the client writes the new session into the cookies.
 */
export async function verifyCode(supabase: ServerClient, factorId: string, code: string): Promise<CodeOutcome> {
  const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
  if (!error) return "verified";
  if (isUnreachable(error)) throw new ServiceUnreachableError(error);
  if (error.code === "mfa_verification_failed") return "wrong";
  if (error.code === "mfa_factor_not_found" || error.code === "mfa_challenge_expired") return "expired";
  throw error;
}

/** Tries the code against each verified factor: people need not know which device they hold. */
export async function verifyAnyFactor(supabase: ServerClient, code: string): Promise<CodeOutcome> {
  const factors = await verifiedFactors(supabase);
  let outcome: CodeOutcome = "wrong";
  for (const factor of factors) {
    outcome = await verifyCode(supabase, factor.id, code);
    if (outcome === "verified") return outcome;
  }
  return outcome;
}
