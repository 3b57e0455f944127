"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { otpCodeSchema } from "@/lib/auth/schemas";
import { recordPortalSignIn } from "@/lib/portal/record-portal-sign-in";

/** Signs a partner user in with the 6-digit code from their email. */
export const verifyPortalCode = publicAction(otpCodeSchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.verifyOtp({ email: input.email, token: input.token, type: "email" });
  if (error) {
    if (error.code === "otp_expired" || error.status === 403) {
      return fail("That code is wrong, used or expired. Request a new one.", {
        token: "That code is wrong, used or expired",
      });
    }
    if (error.code === "user_banned") return fail("This account has been deactivated.");
    throw error;
  }
  await recordPortalSignIn(supabase);
  return ok({ next: "/portal" });
});
