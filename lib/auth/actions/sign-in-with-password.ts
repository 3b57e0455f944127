"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";

/** Staff sign-in. One message for an unknown email and a wrong password alike. */
export const signInWithPassword = publicAction(signInSchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.signInWithPassword({ email: input.email, password: input.password });
  if (error) {
    if (error.code === "user_banned") return fail("This account has been suspended. Ask an administrator.");
    if (error.code === "over_request_rate_limit") return fail("Too many attempts. Wait a few minutes and try again.");
    if (error.code === "invalid_credentials" || error.status === 400) return fail("Wrong email or password.");
    throw error;
  }
  return ok({ next: safeNextPath(input.next, "/admin/partners") });
});
