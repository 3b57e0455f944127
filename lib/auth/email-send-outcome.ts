/**
 * What became of a request that asks the auth server to email someone, read from the
 * error auth-js returns. One reading for every caller, so the portal's sign-in page,
 * the password reset and the invitations agree on what counts as the provider failing.
 */
export type EmailSendOutcome =
  /** The auth server accepted the request (for a reset, also what an unknown email gets). */
  | "accepted"
  /** Asked again too soon (one email per address per minute on hosted) or too often from one address. */
  | "throttled"
  /** No email was due: the address has no account (otp_disabled) or was refused before any send. */
  | "not_sent"
  /** The auth server or its mail provider could not send: 5xx, unreachable, or refused by the provider. */
  | "provider_failed";

export type AuthErrorLike = { status?: number; code?: string; name?: string } | null | undefined;

// Refusals that concern the project's mail set-up, not the address asked for: on hosted,
// the built-in sender mails only the project's team (email_address_not_authorized).
const PROVIDER_CODES = new Set(["email_address_not_authorized", "email_provider_disabled", "unexpected_failure"]);
const THROTTLE_CODES = new Set(["over_email_send_rate_limit", "over_request_rate_limit"]);

export function emailSendOutcome(error: AuthErrorLike): EmailSendOutcome {
  if (!error) return "accepted";
  if (error.status === 429 || (error.code && THROTTLE_CODES.has(error.code))) return "throttled";
  if (error.code && PROVIDER_CODES.has(error.code)) return "provider_failed";
  // auth-js turns 5xx into AuthRetryableFetchError without a code, and a network failure
  // into the same with status 0.
  if (!error.status || error.status >= 500) return "provider_failed";
  return "not_sent";
}

/** What the person asking sees: the same words whether or not the address has access. */
export const EMAIL_ON_ITS_WAY = "If this address has access, an email is on its way; you can ask again in a minute.";
export const EMAIL_UNAVAILABLE = "We could not send an email right now. Try again in a few minutes.";

/**
 * The answer to an anonymous request for an email. A throttled request is answered as a
 * sent one (only a known address can be throttled per address, so saying "too many
 * requests" would tell who has an account); and while the provider is failing, every
 * request is answered as failed, also those for unknown addresses, which never reach
 * the provider.
 */
export function anonymousEmailAnswer(
  outcome: EmailSendOutcome,
  providerFailing: boolean,
): "on_its_way" | "unavailable" {
  if (outcome === "provider_failed") return "unavailable";
  return providerFailing ? "unavailable" : "on_its_way";
}
