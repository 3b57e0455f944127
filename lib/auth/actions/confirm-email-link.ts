"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { landingPath } from "@/lib/auth/landing";
import { confirmLinkSchema } from "@/lib/auth/schemas";
import { createAuthClient } from "@/lib/supabase/auth-client";

/**
 * Completes an email link (magic link, invitation, password reset). It runs only when
 * the person presses the button on /auth/confirm, so a mail scanner that merely opens
 * the link does not spend the one-time token.
 */
export const confirmEmailLink = publicAction(confirmLinkSchema, async (input, { supabase }) => {
  // Verified against the person's own address (Sb-Forwarded-For), not the app server's.
  const auth = await createAuthClient();
  const { data, error } = await auth.auth.verifyOtp({
    token_hash: input.token_hash,
    type: input.type === "email" ? "email" : input.type,
  });
  if (error || !data.user || !data.session) {
    if (error?.code === "user_banned") return fail("This account has been deactivated.");
    return fail("This link has already been used or has expired.");
  }
  // Data is read as the person: their own client takes the new session.
  await supabase.auth.setSession(data.session);
  if (input.type === "recovery") return ok({ next: "/login/new-password" });
  return ok({ next: await landingPath(supabase, data.user.id, input.next) });
});
