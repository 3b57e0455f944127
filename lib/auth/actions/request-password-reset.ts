"use server";

import { publicAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { answerAnonymousEmailRequest } from "@/lib/auth/anonymous-email-request";
import { authEmailDelivery } from "@/lib/auth/auth-email-delivery";
import { authCallbackUrl } from "@/lib/auth/callback-url";
import { EMAIL_UNAVAILABLE } from "@/lib/auth/email-send-outcome";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { recordSignInAttempt, signInWait } from "@/lib/auth/sign-in-limits";
import { clientAddress } from "@/lib/http/client-address";
import { siteOrigin } from "@/lib/partner-users/site-origin";
import { createAdminClient } from "@/lib/supabase/admin";
import { createAuthClient } from "@/lib/supabase/auth-client";

/** Emails a reset link. The answer never says whether the address has an account. */
export const requestPasswordReset = publicAction(emailOnlySchema, async (input) => {
  // Over the limit, nothing is sent, and the answer is the one a sent email gets: it must
  // not tell whether the address belongs to anyone.
  const subject = { action: "recover" as const, email: input.email, address: await clientAddress() };
  if ((await signInWait(subject)) > 0) return ok({ email: input.email });
  await recordSignInAttempt(subject);
  const supabase = await createAuthClient();
  const redirectTo = authCallbackUrl(await siteOrigin(), "/login/new-password");
  const answer = await answerAnonymousEmailRequest(
    () => supabase.auth.resetPasswordForEmail(input.email, { redirectTo }),
    { acceptedMeansSent: false, record: authEmailDelivery(createAdminClient()), label: "password reset link" },
  );
  return answer === "on_its_way" ? ok({ email: input.email }) : fail(EMAIL_UNAVAILABLE);
});
