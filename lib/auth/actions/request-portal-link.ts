"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { emailOnlySchema } from "@/lib/auth/schemas";

/**
 * Sends a partner user their magic link and code. Only invited partner users get one
 * (shouldCreateUser: false), and the answer is the same whether or not the email is
 * known, so the page never reveals who is a partner user.
 */
export const requestPortalLink = publicAction(emailOnlySchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.signInWithOtp({ email: input.email, options: { shouldCreateUser: false } });
  if (error && (error.code === "over_email_send_rate_limit" || error.code === "over_request_rate_limit")) {
    return fail("Too many requests. Wait a minute and try again.");
  }
  // otp_disabled / user_not_found for unknown emails: answer as for a known one.
  if (
    error &&
    error.code !== "otp_disabled" &&
    error.code !== "user_not_found" &&
    error.status !== 422 &&
    error.status !== 400
  )
    throw error;
  return ok({ email: input.email });
});
