import "server-only";
import type { SupabaseClient } from "@supabase/supabase-js";
import { ServiceUnreachableError, isUnreachable } from "@/lib/supabase/unreachable";

export const SESSION_ENDED = "Your session has ended. Sign in again.";

/**
 * The signed-in user's id as the auth server sees it now (getUser: a round trip), or null.
 * Reads trust the JWT (getClaims), which stays valid until it expires even after the
 * session is revoked; every write asks this first, so a signed-out, banned or deleted
 * session cannot write with a token it still holds. An auth server that cannot be reached is
 * an outage (thrown), not a sign-out.
 */
export async function liveUserId(supabase: Pick<SupabaseClient, "auth">): Promise<string | null> {
  const { data, error } = await supabase.auth.getUser();
  if (isUnreachable(error)) throw new ServiceUnreachableError(error);
  if (error || !data.user) return null;
  return data.user.id;
}

export type LiveUser = { id: string; hasVerifiedFactor: boolean };

/** liveUserId with the user's factors as the auth server holds them now (same round trip). */
export async function liveUser(supabase: Pick<SupabaseClient, "auth">): Promise<LiveUser | null> {
  const { data, error } = await supabase.auth.getUser();
  if (isUnreachable(error)) throw new ServiceUnreachableError(error);
  if (error || !data.user) return null;
  return {
    id: data.user.id,
    hasVerifiedFactor: (data.user.factors ?? []).some((factor) => factor.status === "verified"),
  };
}
