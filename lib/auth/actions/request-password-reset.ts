"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { answerAnonymousEmailRequest } from "@/lib/auth/anonymous-email-request";
import { authEmailDelivery } from "@/lib/auth/auth-email-delivery";
import { authCallbackUrl } from "@/lib/auth/callback-url";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { siteOrigin } from "@/lib/partner-users/site-origin";
import { createAdminClient } from "@/lib/supabase/admin";

/** Emails a reset link. The answer never says whether the address has an account. */
export const requestPasswordReset = publicAction(emailOnlySchema, async (input, { supabase }) => {
  const redirectTo = authCallbackUrl(await siteOrigin(), "/login/new-password");
  const answer = await answerAnonymousEmailRequest(
    () => supabase.auth.resetPasswordForEmail(input.email, { redirectTo }),
    { acceptedMeansSent: false, record: authEmailDelivery(createAdminClient()), label: "password reset link" },
  );
  return answer === "on_its_way" ? ok({ email: input.email }) : fail(EMAIL_UNAVAILABLE);
});
