"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { emailOnlySchema } from "@/lib/auth/schemas";

/** Emails a reset link. The answer never says whether the address has an account. */
export const requestPasswordReset = publicAction(emailOnlySchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.resetPasswordForEmail(input.email);
  if (error?.status === 429) return fail("Too many requests. Wait a minute and try again.");
  if (error) throw error;
  return ok({ email: input.email });
});
