import { describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { adminClient, anonClient, claims, createUser, PASSWORD, randomEmail, sql } from "./helpers";

describe("signInWithPassword (POST /token?grant_type=password)", () => {
  it("returns a session whose access token carries the contract's claims", async () => {
    const user = await createUser("pw-ok");
    const { data, error } = await anonClient().auth.signInWithPassword({
      email: user.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe("bearer");
    expect(session.expires_in).toBeGreaterThan(0);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(session.refresh_token).toEqual(expect.any(String));
    expect(session.user.id).toBe(user.id);
    expect(session.user.last_sign_in_at).toEqual(expect.any(String));

    const jwt = claims(session.access_token);
    expect(jwt).toMatchObject({
      iss: `${testEnv.apiUrl}/auth/v1`,
      sub: user.id,
      aud: "authenticated",
      email: user.email,
      phone: "",
      role: "authenticated",
      aal: "aal1",
      is_anonymous: false,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
    });
    expect(Number(jwt.exp) - Number(jwt.iat)).toBe(3600);
    expect(jwt.amr).toEqual([{ method: "password", timestamp: expect.any(Number) }]);
    const [row] = await sql<{ user_id: string }>("select user_id from auth.sessions where id = $1", [jwt.session_id]);
    expect(row?.user_id).toBe(user.id);
  });

  it("gives an access token PostgREST accepts (same secret)", async () => {
    const user = await createUser("pw-rest");
    const { data } = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    const ok = await fetch(`${testEnv.apiUrl}/rest/v1/`, {
      headers: { apikey: testEnv.anonKey, authorization: `Bearer ${data.session!.access_token}` },
    });
    expect(ok.status).toBe(200);
    const forged = await fetch(`${testEnv.apiUrl}/rest/v1/`, {
      headers: { apikey: testEnv.anonKey, authorization: `Bearer ${data.session!.access_token}x` },
    });
    expect(forged.status).toBe(401);
  });

  it("answers invalid_credentials alike for an unknown email and a wrong password", async () => {
    const user = await createUser("pw-bad");
    const client = anonClient();
    const wrong = await client.auth.signInWithPassword({ email: user.email, password: "not-the-password" });
    const unknown = await client.auth.signInWithPassword({ email: randomEmail("nobody"), password: PASSWORD });
    for (const result of [wrong, unknown]) {
      expect(result.data.session).toBeNull();
      expect(result.error).toMatchObject({
        status: 400,
        code: "invalid_credentials",
        message: "Invalid login credentials",
      });
    }
  });

  it("checks a ban before the password", async () => {
    const user = await createUser("pw-ban");
    await adminClient().auth.admin.updateUserById(user.id, { ban_duration: "876000h" });
    const client = anonClient();
    for (const password of [PASSWORD, "not-the-password"]) {
      const { error } = await client.auth.signInWithPassword({ email: user.email, password });
      expect(error).toMatchObject({ status: 400, code: "user_banned" });
    }
  });

  it("answers invalid_credentials, not user_banned, to a banned user who has no password", async () => {
    const email = randomEmail("pw-ban-nopass");
    const admin = adminClient();
    const { data } = await admin.auth.admin.createUser({ email, email_confirm: true });
    await admin.auth.admin.updateUserById(data.user!.id, { ban_duration: "876000h" });
    const { error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: "invalid_credentials" });
  });

  it("refuses an unconfirmed email with email_not_confirmed", async () => {
    const email = randomEmail("pw-unconfirmed");
    await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    const { error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: "email_not_confirmed" });
  });

  it("stores a bcrypt hash, never the password", async () => {
    const user = await createUser("pw-hash");
    const [row] = await sql<{ encrypted_password: string }>("select encrypted_password from auth.users where id = $1", [
      user.id,
    ]);
    expect(row!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
    expect(row!.encrypted_password).not.toContain(PASSWORD);
  });
});
