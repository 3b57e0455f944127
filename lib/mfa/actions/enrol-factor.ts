"use server";

import { userAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { ServiceUnreachableError, isUnreachable } from "@/lib/supabase/unreachable";
import { enrolSchema } from "../schemas";

/**
 * Starts setting up an authenticator app: a new, unverified factor whose QR code and secret
 * the page shows. Set-ups left unfinished are cleared first, so trying again with the same
 * name works; the factor counts only once a code from it is confirmed.
 */
export const enrolFactor = userAction(enrolSchema, async (input, { supabase }) => {
  const listed = await supabase.auth.mfa.listFactors();
  if (isUnreachable(listed.error)) throw new ServiceUnreachableError(listed.error);
  for (const factor of listed.data?.all ?? []) {
    if (factor.status === "unverified") await supabase.auth.mfa.unenroll({ factorId: factor.id });
  }
  const { data, error } = await supabase.auth.mfa.enroll({
    factorType: "totp",
    friendlyName: input.friendlyName,
    issuer: "Partnerdesk",
  });
  if (error) {
    if (isUnreachable(error)) throw new ServiceUnreachableError(error);
    if (error.code === "mfa_factor_name_conflict") {
      const message = "You already have an authenticator with this name. Choose another.";
      return fail(message, { friendlyName: message });
    }
    if (error.code === "too_many_enrolled_mfa_factors")
      return fail("You have as many authenticators as an account may have. Remove one first.");
    if (error.code === "insufficient_aal") return fail("Sign in with your code first, then add another authenticator.");
    throw error;
  }
  return ok({ factorId: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret });
});
