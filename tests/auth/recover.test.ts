import { describe, expect, it } from "vitest";
import { anonClient, authFetch, createUser, mailsTo, parseMail, PASSWORD, randomEmail, waitForMail } from "./helpers";
import { testStackConfig } from "../support/test-stack";

const SITE_URL = testStackConfig().siteUrl;

describe("resetPasswordForEmail (POST /recover)", () => {
  it("answers 200 {} alike for a known and an unknown email, mailing only the known one", async () => {
    const { email } = await createUser("recover-known");
    const unknown = randomEmail("recover-unknown");
    const known = await authFetch("/recover", { method: "POST", body: { email } });
    const missing = await authFetch("/recover", { method: "POST", body: { email: unknown } });
    expect(known.status).toBe(200);
    expect(missing.status).toBe(200);
    expect(await known.json()).toEqual({});
    expect(await missing.json()).toEqual({});
    await waitForMail(email);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("mails a recovery link that signs in, after which the password can be changed", async () => {
    const { email } = await createUser("recover-flow");
    const client = anonClient();
    expect((await client.auth.resetPasswordForEmail(email, { redirectTo: `${SITE_URL}/reset` })).error).toBeNull();
    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Reset your Partnerdesk password");
    const { link } = parseMail(mail);
    expect(link.pathname).toBe("/auth/confirm");
    expect(link.searchParams.get("type")).toBe("recovery");
    expect(link.searchParams.get("redirect_to")).toBe(`${SITE_URL}/reset`);

    const verified = await client.auth.verifyOtp({
      token_hash: link.searchParams.get("token_hash")!,
      type: "recovery",
    });
    expect(verified.error).toBeNull();
    // A recovery session needs no current password (the person came because they forgot it).
    expect((await client.auth.updateUser({ password: "my-new-password" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe(
      "invalid_credentials",
    );
    expect((await anonClient().auth.signInWithPassword({ email, password: "my-new-password" })).error).toBeNull();
  });

  it("answers 429 for a second reset within the email frequency window", async () => {
    const { email } = await createUser("recover-429");
    const client = anonClient();
    expect((await client.auth.resetPasswordForEmail(email)).error).toBeNull();
    expect((await client.auth.resetPasswordForEmail(email)).error).toMatchObject({
      status: 429,
      code: "over_email_send_rate_limit",
    });
  });
});
