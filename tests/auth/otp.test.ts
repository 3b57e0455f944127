import { describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { testStackConfig } from "../support/test-stack";
import {
  adminClient,
  anonClient,
  authFetch,
  createUser,
  mailsTo,
  parseMail,
  pastEmailFrequency,
  randomEmail,
  sha224,
  sql,
  waitForMail,
} from "./helpers";

// Emails link to the stack's site URL (the app under test).
const SITE_URL = testStackConfig().siteUrl;

describe("signInWithOtp (POST /otp)", () => {
  it("mails a link to the app's /auth/confirm and the 6-digit code, storing only the hash", async () => {
    const { email, id } = await createUser("otp-mail");
    const { data, error } = await anonClient().auth.signInWithOtp({
      email,
      options: { shouldCreateUser: false, emailRedirectTo: `${SITE_URL}/portal` },
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ user: null, session: null });

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Your Partnerdesk sign-in link");
    const { link, code } = parseMail(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${SITE_URL}/auth/confirm`);
    expect(link.searchParams.get("type")).toBe("magiclink");
    expect(link.searchParams.get("redirect_to")).toBe(`${SITE_URL}/portal`);
    expect(code).toMatch(/^\d{6}$/);
    expect(link.searchParams.get("token_hash")).toBe(sha224(email.toLowerCase() + code));

    const stored = await sql<{ token_hash: string; token_type: string }>(
      "select token_hash, token_type::text from auth.one_time_tokens where user_id = $1",
      [id],
    );
    expect(stored).toEqual([{ token_hash: sha224(email + code), token_type: "recovery_token" }]);
    expect(JSON.stringify(await sql("select * from auth.users where id = $1", [id]))).not.toContain(code);
  });

  it("answers 422 otp_disabled for an unknown email when create_user is false, and sends nothing", async () => {
    const email = randomEmail("otp-unknown");
    const { error } = await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: "otp_disabled" });
    expect(await sql("select id from auth.users where email = $1", [email])).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("answers 429 over_email_send_rate_limit for a second email within the frequency window", async () => {
    const { email } = await createUser("otp-frequency");
    const client = anonClient();
    expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
    expect((await client.auth.signInWithOtp({ email })).error).toMatchObject({
      status: 429,
      code: "over_email_send_rate_limit",
    });
  });

  it("falls back to the site URL for a redirect_to outside the allow-list", async () => {
    const { email } = await createUser("otp-redirect");
    await anonClient().auth.signInWithOtp({ email, options: { emailRedirectTo: "https://evil.example.com/steal" } });
    const { link } = parseMail(await waitForMail(email));
    expect(link.searchParams.get("redirect_to")).toBe(SITE_URL);
  });
});

describe("verifyOtp (POST /verify)", () => {
  async function mailedToken(tag: string) {
    const user = await createUser(tag);
    await anonClient().auth.signInWithOtp({ email: user.email, options: { shouldCreateUser: false } });
    return { ...user, ...parseMail(await waitForMail(user.email)) };
  }

  it("signs in with the link's token_hash", async () => {
    const { id, link } = await mailedToken("verify-hash");
    const { data, error } = await anonClient().auth.verifyOtp({
      token_hash: link.searchParams.get("token_hash")!,
      type: "magiclink",
    });
    expect(error).toBeNull();
    expect(data.session?.user.id).toBe(id);
    expect(data.session?.access_token).toEqual(expect.any(String));
  });

  it("signs in with the email and the 6-digit code (type email)", async () => {
    const { id, email, code } = await mailedToken("verify-code");
    const { data, error } = await anonClient().auth.verifyOtp({ email, token: code, type: "email" });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it("spends the token: the link used twice answers 403 otp_expired, and so does the code", async () => {
    const { email, code, link, id } = await mailedToken("verify-twice");
    const client = anonClient();
    const hash = link.searchParams.get("token_hash")!;
    expect((await client.auth.verifyOtp({ token_hash: hash, type: "magiclink" })).error).toBeNull();
    expect((await client.auth.verifyOtp({ token_hash: hash, type: "magiclink" })).error).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
    expect((await client.auth.verifyOtp({ email, token: code, type: "email" })).error).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
    expect(await sql("select id from auth.one_time_tokens where user_id = $1", [id])).toEqual([]);
  });

  it("supersedes: a newer email kills the older token", async () => {
    const { email, link } = await mailedToken("verify-supersede");
    await pastEmailFrequency();
    await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const newer = parseMail(await waitForMail(email, 2));
    const client = anonClient();
    expect(
      (await client.auth.verifyOtp({ token_hash: link.searchParams.get("token_hash")!, type: "magiclink" })).error,
    ).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
    expect(
      (await client.auth.verifyOtp({ token_hash: newer.link.searchParams.get("token_hash")!, type: "magiclink" }))
        .error,
    ).toBeNull();
  });

  it("expires a token after [auth.email] otp_expiry (900 s)", async () => {
    const { id, email, code, link } = await mailedToken("verify-expiry");
    await sql("update auth.one_time_tokens set created_at = created_at - interval '901 seconds' where user_id = $1", [
      id,
    ]);
    const client = anonClient();
    expect(
      (await client.auth.verifyOtp({ token_hash: link.searchParams.get("token_hash")!, type: "magiclink" })).error,
    ).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
    expect((await client.auth.verifyOtp({ email, token: code, type: "email" })).error).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
  });

  it("refuses a wrong code and a token of another type with otp_expired", async () => {
    const { email, code, link } = await mailedToken("verify-wrong");
    const client = anonClient();
    const wrong = code === "000000" ? "111111" : "000000";
    expect((await client.auth.verifyOtp({ email, token: wrong, type: "email" })).error).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
    expect(
      (await client.auth.verifyOtp({ token_hash: link.searchParams.get("token_hash")!, type: "invite" })).error,
    ).toMatchObject({
      status: 403,
      code: "otp_expired",
    });
  });

  it("refuses a banned user with 403 user_banned", async () => {
    const { id, email, code, link } = await mailedToken("verify-banned");
    await adminClient().auth.admin.updateUserById(id, { ban_duration: "1h" });
    const client = anonClient();
    expect(
      (await client.auth.verifyOtp({ token_hash: link.searchParams.get("token_hash")!, type: "magiclink" })).error,
    ).toMatchObject({
      status: 403,
      code: "user_banned",
    });
    expect((await client.auth.verifyOtp({ email, token: code, type: "email" })).error).toMatchObject({
      status: 403,
      code: "user_banned",
    });
  });
});

describe("PKCE: the email link (GET /verify) and exchangeCodeForSession", () => {
  async function pkceSignIn(tag: string) {
    const user = await createUser(tag);
    const client = anonClient({ flowType: "pkce" });
    const { error } = await client.auth.signInWithOtp({
      email: user.email,
      options: { shouldCreateUser: false, emailRedirectTo: `${SITE_URL}/auth/callback` },
    });
    expect(error).toBeNull();
    const mail = await waitForMail(user.email);
    return { ...user, client, ...parseMail(mail) };
  }

  const verifyLink = (token: string, redirectTo = `${SITE_URL}/auth/callback`) =>
    fetch(
      `${testEnv.apiUrl}/auth/v1/verify?${new URLSearchParams({ token, type: "magiclink", redirect_to: redirectTo })}`,
      {
        redirect: "manual",
      },
    );

  it("redirects 303 to redirect_to?code=<uuid>, which exchanges for a session", async () => {
    const { id, client, link } = await pkceSignIn("pkce-ok");
    const hash = link.searchParams.get("token_hash")!;
    expect(hash.startsWith("pkce_")).toBe(true);
    const response = await verifyLink(hash);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${SITE_URL}/auth/callback`);
    const code = location.searchParams.get("code")!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);

    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.session?.user.id).toBe(id);
    expect(data.session?.expires_in).toBeGreaterThan(0);
  });

  it("redirects a used or unknown link with error_code=otp_expired", async () => {
    const { link } = await pkceSignIn("pkce-used");
    const hash = link.searchParams.get("token_hash")!;
    expect((await verifyLink(hash)).status).toBe(303);
    const again = await verifyLink(hash);
    expect(again.status).toBe(303);
    const location = new URL(again.headers.get("location")!);
    expect(location.searchParams.get("error_code")).toBe("otp_expired");
    expect(new URLSearchParams(location.hash.slice(1)).get("error_code")).toBe("otp_expired");
  });

  it("answers 404 flow_state_not_found for an unknown code", async () => {
    const { client } = await pkceSignIn("pkce-unknown");
    const { error } = await client.auth.exchangeCodeForSession(crypto.randomUUID());
    expect(error).toMatchObject({ status: 404, code: "flow_state_not_found" });
  });

  it("answers 400 bad_code_verifier for a wrong verifier", async () => {
    const { link } = await pkceSignIn("pkce-verifier");
    const location = new URL((await verifyLink(link.searchParams.get("token_hash")!)).headers.get("location")!);
    const response = await authFetch("/token?grant_type=pkce", {
      method: "POST",
      body: { auth_code: location.searchParams.get("code"), code_verifier: "x".repeat(64) },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_code_verifier" });
  });

  it("answers 422 flow_state_expired after 300 s", async () => {
    const { id, client, link } = await pkceSignIn("pkce-expired");
    const location = new URL((await verifyLink(link.searchParams.get("token_hash")!)).headers.get("location")!);
    await sql(
      "update auth.flow_state set created_at = created_at - interval '301 seconds', auth_code_issued_at = auth_code_issued_at - interval '301 seconds' where user_id = $1",
      [id],
    );
    const { error } = await client.auth.exchangeCodeForSession(location.searchParams.get("code")!);
    expect(error).toMatchObject({ status: 422, code: "flow_state_expired" });
  });

  it("lets the SSR confirm page verify the same PKCE email with verifyOtp", async () => {
    const { id, link } = await pkceSignIn("pkce-confirm");
    const { data, error } = await anonClient().auth.verifyOtp({
      token_hash: link.searchParams.get("token_hash")!,
      type: "magiclink",
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it("redirects an implicit link with the session in the fragment", async () => {
    const { email } = await createUser("implicit-link");
    const generated = await adminClient().auth.admin.generateLink({ type: "magiclink", email });
    const response = await fetch(generated.data.properties!.action_link, {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const fragment = new URLSearchParams(new URL(response.headers.get("location")!).hash.slice(1));
    expect(fragment.get("access_token")).toEqual(expect.any(String));
    expect(fragment.get("refresh_token")).toEqual(expect.any(String));
    expect(fragment.get("type")).toBe("magiclink");
  });
});
