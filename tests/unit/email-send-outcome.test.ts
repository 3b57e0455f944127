import { describe, expect, it } from "vitest";
import { anonymousEmailAnswer, emailSendOutcome, type EmailSendOutcome } from "@/lib/auth/email-send-outcome";

// The errors auth-js hands back for each answer of the auth server (see lib/fetch.js in
// @supabase/auth-js: 5xx become AuthRetryableFetchError without a code; a network failure
// has status 0).
const CASES: [string, Parameters<typeof emailSendOutcome>[0], EmailSendOutcome][] = [
  ["no error", null, "accepted"],
  ["429 over_email_send_rate_limit", { status: 429, code: "over_email_send_rate_limit" }, "throttled"],
  ["429 over_request_rate_limit", { status: 429, code: "over_request_rate_limit" }, "throttled"],
  ["422 otp_disabled (unknown address)", { status: 422, code: "otp_disabled" }, "not_sent"],
  ["400 validation_failed", { status: 400, code: "validation_failed" }, "not_sent"],
  ["400 email_address_not_authorized", { status: 400, code: "email_address_not_authorized" }, "provider_failed"],
  ["422 email_provider_disabled", { status: 422, code: "email_provider_disabled" }, "provider_failed"],
  ["500 (SMTP refused)", { status: 500, name: "AuthRetryableFetchError" }, "provider_failed"],
  ["503", { status: 503, name: "AuthRetryableFetchError" }, "provider_failed"],
  ["unreachable (status 0)", { status: 0, name: "AuthRetryableFetchError" }, "provider_failed"],
];

describe("emailSendOutcome", () => {
  it.each(CASES)("%s", (_label, error, expected) => {
    expect(emailSendOutcome(error)).toBe(expected);
  });
});

describe("anonymousEmailAnswer: the same words for a known and an unknown address", () => {
  it("answers a throttled request as a sent one", () => {
    expect(anonymousEmailAnswer("throttled", false)).toBe(anonymousEmailAnswer("accepted", false));
    expect(anonymousEmailAnswer("not_sent", false)).toBe("on_its_way");
  });

  it("answers every request as failed while the provider fails, unknown addresses included", () => {
    for (const outcome of ["accepted", "throttled", "not_sent", "provider_failed"] as const)
      expect(anonymousEmailAnswer(outcome, true), outcome).toBe("unavailable");
    expect(anonymousEmailAnswer("provider_failed", false)).toBe("unavailable");
  });
});
