"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { forgiveSignIn, recordSignInAttempt, signInWait, tooManyPasswordsMessage } from "@/lib/auth/sign-in-limits";
import { clientAddress } from "@/lib/http/client-address";
import { createAuthClient } from "@/lib/supabase/auth-client";
import { STAFF_HOME } from "@/lib/auth/home-paths";

/**
 * Staff sign-in. One message for an unknown email and a wrong password alike. Failures count
 * per account and address in Postgres before the auth server is asked, so a flood against
 * one account stops that account from that network only, never everyone.
 */
export const signInWithPassword = publicAction(signInSchema, async (input) => {
  const subject = { action: "password" as const, email: input.email, address: await clientAddress() };
  const wait = await signInWait(subject);
  if (wait > 0) return fail(tooManyPasswordsMessage(wait));

  const auth = await createAuthClient();
  const { data, error } = await auth.auth.signInWithPassword({ email: input.email, password: input.password });
  if (error) {
    if (error.code === "user_banned") return fail("This account has been suspended. Ask an administrator.");
    if (error.code === "over_request_rate_limit") return fail("Too many attempts. Wait a few minutes and try again.");
    if (error.code === "invalid_credentials" || error.status === 400) {
      const next = await recordSignInAttempt(subject);
      return next > 0 ? fail(tooManyPasswordsMessage(next)) : fail("Wrong email or password.");
    }
    throw error;
  }
  await forgiveSignIn(subject);
  const next = safeNextPath(input.next, STAFF_HOME);
  // A person with an authenticator enters its code before anything else.
  if ((data.user?.factors ?? []).some((factor) => factor.status === "verified"))
    return ok({ next: `/login/code?next=${encodeURIComponent(next)}` });
  return ok({ next });
});
