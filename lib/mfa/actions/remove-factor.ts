"use server";

import { userAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ServiceUnreachableError, isUnreachable } from "@/lib/supabase/unreachable";
import { checkCode } from "../check-code";
import { verifiedFactors } from "../factors";
import { removeFactorSchema } from "../schemas";

/**
 * Removes an authenticator after a fresh code from any of the person's authenticators (the
 * one being removed may be the lost one). The auth server drops the sessions it raised to aal1.
 */
export const removeFactor = userAction(removeFactorSchema, async (input, { supabase }) => {
  const factors = await verifiedFactors(supabase);
  if (!factors.some((factor) => factor.id === input.factorId))
    return fail("This authenticator is no longer set up. Reload the page.");
  const user = await getCurrentUser();
  const refused = await checkCode(supabase, user?.email ?? "", input.code);
  if (refused) return refused;
  const { error } = await supabase.auth.mfa.unenroll({ factorId: input.factorId });
  if (error) {
    if (isUnreachable(error)) throw new ServiceUnreachableError(error);
    throw error;
  }
  // The next token says what the session is now (aal1 if the removed factor raised it).
  await supabase.auth.refreshSession();
  return ok(null);
});
