import { anonymousEmailAnswer, emailSendOutcome, type AuthErrorLike } from "./email-send-outcome";

/** Records what became of an auth email and returns whether sends count as failing now. */
export type DeliveryRecorder = (outcome: "failed" | "sent" | "unsent") => Promise<boolean>;

/**
 * Runs an anonymous request that may email someone (a portal sign-in link, a password
 * reset) and decides the answer, which must not depend on whether the address has an
 * account. `acceptedMeansSent` says whether a success proves an email left: true for a
 * sign-in link (unknown addresses are refused), false for a reset (GoTrue answers 200
 * for unknown addresses too, so a success there must not clear a failing provider).
 */
export async function answerAnonymousEmailRequest(
  send: () => Promise<{ error: AuthErrorLike }>,
  options: { acceptedMeansSent: boolean; record: DeliveryRecorder; label: string },
): Promise<"on_its_way" | "unavailable"> {
  const { error } = await send();
  const outcome = emailSendOutcome(error);
  if (outcome === "provider_failed") {
    // The reason goes to the server log, never to the person asking.
    console.error(`${options.label}: the auth server could not send the email`, {
      status: error?.status,
      code: error?.code,
      name: error?.name,
    });
  }
  const kind =
    outcome === "provider_failed" ? "failed" : outcome === "accepted" && options.acceptedMeansSent ? "sent" : "unsent";
  return anonymousEmailAnswer(outcome, await options.record(kind));
}
