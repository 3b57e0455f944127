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

/**
 * Sends a partner user their magic link and code. Only invited partner users get one
 * (shouldCreateUser: false), and the answer never tells whether the email is known: an
 * unknown address, a known one and one asked for twice in a minute all hear the same.
 * The link comes back to /auth/callback, which GoTrue's default template needs (the
 * project's own template links to /auth/confirm and carries the same redirect along).
 */
/** Whether the address belongs to partner users who are all deactivated (the request is anonymous, so the service role reads). */
async function onlyDeactivated(email: string): Promise<boolean> {
  const { data, error } = await createAdminClient()
    .from("partner_users")
    .select("is_active")
    .eq("email", email.toLowerCase());
  if (error) throw error;
  return (data ?? []).length > 0 && (data ?? []).every((row) => !row.is_active);
}

export const requestPortalLink = publicAction(emailOnlySchema, async (input) => {
  // Over the limit, nothing is sent, and the answer is the one a sent email gets: it must
  // not tell whether the address belongs to anyone.
  const subject = { action: "otp_request" as const, email: input.email, address: await clientAddress() };
  if ((await signInWait(subject)) > 0) return ok({ email: input.email });
  await recordSignInAttempt(subject);
  // A deactivated partner user gets no email and the answer an unknown address gets.
  if (await onlyDeactivated(input.email)) return ok({ email: input.email });
  const supabase = await createAuthClient();
  const emailRedirectTo = authCallbackUrl(await siteOrigin());
  const answer = await answerAnonymousEmailRequest(
    () => supabase.auth.signInWithOtp({ email: input.email, options: { shouldCreateUser: false, emailRedirectTo } }),
    { acceptedMeansSent: true, record: authEmailDelivery(createAdminClient()), label: "portal sign-in link" },
  );
  return answer === "on_its_way" ? ok({ email: input.email }) : fail(EMAIL_UNAVAILABLE);
});
