"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { otpCodeSchema } from "@/lib/auth/schemas";
import { CODE_SPENT, forgiveSignIn, recordSignInAttempt, signInWait } from "@/lib/auth/sign-in-limits";
import { clientAddress } from "@/lib/http/client-address";
import { recordPortalSignIn } from "@/lib/portal/record-portal-sign-in";
import { createAuthClient } from "@/lib/supabase/auth-client";
import { createClient } from "@/lib/supabase/server";

const WRONG_CODE = "That code is wrong, used or expired";

/**
 * Signs a partner user in with the 6-digit code from their email. Wrong codes count per
 * email in Postgres: after five the code is spent, whoever guesses, until a new one is sent.
 */
export const verifyPortalCode = publicAction(otpCodeSchema, async (input) => {
  const subject = { action: "otp_verify" as const, email: input.email, address: await clientAddress() };
  if ((await signInWait(subject)) > 0) return fail(CODE_SPENT, { token: CODE_SPENT });

  const auth = await createAuthClient();
  const { data, error } = await auth.auth.verifyOtp({ email: input.email, token: input.token, type: "email" });
  if (error || !data.session) {
    if (error?.code === "user_banned") return fail("This account has been deactivated.");
    if (error && error.code !== "otp_expired" && error.status !== 403) throw error;
    if ((await recordSignInAttempt(subject)) > 0) return fail(CODE_SPENT, { token: CODE_SPENT });
    return fail(`${WRONG_CODE}. Request a new one.`, { token: WRONG_CODE });
  }
  await forgiveSignIn(subject);
  // The audit entry is data: written by the person's own client, holding the new session.
  const supabase = await createClient();
  await supabase.auth.setSession(data.session);
  await recordPortalSignIn(supabase);
  return ok({ next: "/portal" });
});
