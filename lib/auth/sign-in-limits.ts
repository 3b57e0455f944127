import "server-only";
import { createAdminClient } from "@/lib/supabase/admin";

/**
 * The sign-in limits kept in Postgres (public.auth_limit_*), shared by every instance of the
 * app. The auth server's own limits count per address it sees; these count per account and
 * per person's address, so one stranger can neither lock everyone out nor guess on forever.
 */
export type SignInAction = "password" | "otp_request" | "otp_verify" | "mfa_verify" | "recover";

type Subject = { action: SignInAction; email: string; address: string | null };

function args({ action, email, address }: Subject) {
  // An unknown address is passed as null: the per-address rules then skip it rather than
  // put every client in one shared bucket.
  return { p_action: action, p_email: email, p_address: address as string };
}

/** Seconds until this email may try from this address (0: now). Counts nothing. */
export async function signInWait(subject: Subject): Promise<number> {
  const { data, error } = await createAdminClient().rpc("auth_limit_check", args(subject));
  if (error) throw error;
  return data ?? 0;
}

/** Counts a failure or a request; returns the seconds to wait before the next try. */
export async function recordSignInAttempt(subject: Subject): Promise<number> {
  const { data, error } = await createAdminClient().rpc("auth_limit_record", args(subject));
  if (error) throw error;
  return data ?? 0;
}

/** Forgives the failures of this account from this address once it signs in. */
export async function forgiveSignIn(subject: Subject): Promise<void> {
  const { error } = await createAdminClient().rpc("auth_limit_succeeded", args(subject));
  if (error) throw error;
}

export function tooManyPasswordsMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed attempts for this account from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const CODE_SPENT = "This code can no longer be used. Ask for a new link.";
