import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { mintUserJwt } from "../support/jwt";
import { testStackConfig } from "../support/test-stack";
import { adminClient, anonClient, authFetch, createUser, PASSWORD, randomEmail, signedIn } from "./helpers";

describe("getUser (GET /user)", () => {
  it("returns the User object of the contract", async () => {
    const { client, id, email } = await signedIn("user-get");
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    const user = data.user!;
    expect(user).toMatchObject({
      id,
      aud: "authenticated",
      role: "authenticated",
      email,
      phone: "",
      is_anonymous: false,
      user_metadata: {},
    });
    expect(user.app_metadata).toEqual({ provider: "email", providers: ["email"] });
    for (const field of [
      "email_confirmed_at",
      "confirmed_at",
      "last_sign_in_at",
      "created_at",
      "updated_at",
    ] as const) {
      expect(user[field], field).toEqual(expect.any(String));
    }
    expect(user.identities).toEqual([
      expect.objectContaining({
        provider: "email",
        user_id: id,
        id,
        identity_data: expect.objectContaining({ sub: id, email, email_verified: true }),
      }),
    ]);
  });

  it("refuses a token that does not verify with 403 bad_jwt", async () => {
    const { accessToken } = await signedIn("user-badjwt");
    const forged = await new SignJWT({ sub: crypto.randomUUID(), role: "authenticated", aud: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-with-at-least-32-characters"));
    for (const token of [`${accessToken.slice(0, -2)}xx`, forged, "not-a-jwt"]) {
      const { error } = await anonClient().auth.getUser(token);
      expect(error).toMatchObject({ status: 403, code: "bad_jwt" });
    }
  });

  it("refuses a valid token for a user that no longer exists with user_not_found", async () => {
    const { error } = await anonClient().auth.getUser(await mintUserJwt(crypto.randomUUID()));
    expect(error).toMatchObject({ status: 403, code: "user_not_found" });
  });

  it("refuses a token whose session has ended with session_not_found", async () => {
    const user = await createUser("user-nosession");
    const response = await authFetch("/user", { token: await mintUserJwt(user.id) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "session_not_found" });
  });

  it("refuses a banned user with user_banned", async () => {
    const { id, accessToken } = await signedIn("user-banned");
    await adminClient().auth.admin.updateUserById(id, { ban_duration: "24h" });
    const { error } = await anonClient().auth.getUser(accessToken);
    expect(error).toMatchObject({ status: 403, code: "user_banned" });
  });

  it("answers 401 no_authorization without a bearer token", async () => {
    // Behind the gateway a missing Authorization becomes the anon key, so ask the server itself.
    const response = await fetch(`http://127.0.0.1:${testStackConfig().authPort}/user`, {
      headers: { "x-supabase-api-version": "2024-01-01" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "no_authorization" });
  });

  it("refuses the anon key itself (no sub claim) with bad_jwt", async () => {
    const response = await authFetch("/user");
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "bad_jwt" });
  });
});

describe("updateUser (PUT /user)", () => {
  it("changes the password and ends the user's other sessions", async () => {
    const first = await signedIn("user-pw");
    const other = anonClient();
    const second = await other.auth.signInWithPassword({ email: first.email, password: PASSWORD });
    expect(second.error).toBeNull();

    const { data, error } = await first.client.auth.updateUser({
      password: "a-brand-new-password",
      current_password: PASSWORD,
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(first.id);

    // auth-js turns the server's 403 session_not_found into AuthSessionMissingError.
    expect((await anonClient().auth.getUser(second.data.session!.access_token)).error?.name).toBe(
      "AuthSessionMissingError",
    );
    expect(
      (await anonClient().auth.refreshSession({ refresh_token: second.data.session!.refresh_token })).error,
    ).toMatchObject({
      code: "refresh_token_not_found",
    });
    expect((await first.client.auth.getUser()).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email: first.email, password: PASSWORD })).error?.code).toBe(
      "invalid_credentials",
    );
    expect(
      (await anonClient().auth.signInWithPassword({ email: first.email, password: "a-brand-new-password" })).error,
    ).toBeNull();
  });

  it("refuses the same password with same_password and a short one with weak_password", async () => {
    const { client } = await signedIn("user-pw-bad");
    expect((await client.auth.updateUser({ password: PASSWORD, current_password: PASSWORD })).error).toMatchObject({
      status: 422,
      code: "same_password",
    });
    const weak = await client.auth.updateUser({ password: "12345" });
    expect(weak.error).toMatchObject({ status: 422, code: "weak_password" });
    expect((weak.error as { reasons?: string[] }).reasons).toEqual(["length"]);
  });

  it("asks a password session for the current password: current_password_required, then current_password_invalid", async () => {
    const { client, email } = await signedIn("user-pw-current");
    const missing = await client.auth.updateUser({ password: "a-brand-new-password" });
    expect(missing.error).toMatchObject({ status: 400, code: "current_password_required" });
    const wrong = await client.auth.updateUser({ password: "a-brand-new-password", current_password: "not-it-at-all" });
    expect(wrong.error).toMatchObject({ status: 400, code: "current_password_invalid" });
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    expect((await client.auth.updateUser({ data: { note: "metadata needs no password" } })).error).toBeNull();
  });

  it("lets an invited person set a first password without a current one", async () => {
    const email = randomEmail("user-pw-invite");
    const link = await adminClient().auth.admin.generateLink({ type: "invite", email });
    expect(link.error).toBeNull();
    const client = anonClient();
    const verified = await client.auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: "invite" });
    expect(verified.error).toBeNull();
    expect((await client.auth.updateUser({ password: "a-first-password" })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: "a-first-password" })).error).toBeNull();
  });

  it("merges user_metadata", async () => {
    const { client } = await signedIn("user-meta");
    await client.auth.updateUser({ data: { name: "Pat", team: "north" } });
    const { data } = await client.auth.updateUser({ data: { team: "south" } });
    expect(data.user?.user_metadata).toEqual({ name: "Pat", team: "south" });
  });
});

describe("signOut (POST /logout)", () => {
  async function twoSessions(tag: string) {
    const first = await signedIn(tag);
    const other = await anonClient().auth.signInWithPassword({ email: first.email, password: PASSWORD });
    return { first, secondToken: other.data.session!.access_token };
  }
  const alive = async (token: string) => (await anonClient().auth.getUser(token)).error === null;

  it("scope local ends this session only", async () => {
    const { first, secondToken } = await twoSessions("logout-local");
    expect((await first.client.auth.signOut({ scope: "local" })).error).toBeNull();
    expect(await alive(first.accessToken)).toBe(false);
    expect(await alive(secondToken)).toBe(true);
  });

  it("scope local ends the session on the server: its refresh token no longer works", async () => {
    const { first, secondToken } = await twoSessions("logout-local-refresh");
    expect((await first.client.auth.signOut({ scope: "local" })).error).toBeNull();
    expect((await anonClient().auth.refreshSession({ refresh_token: first.refreshToken })).error).toMatchObject({
      code: "refresh_token_not_found",
    });
    expect(await alive(secondToken)).toBe(true);
  });

  it("scope others ends every other session", async () => {
    const { first, secondToken } = await twoSessions("logout-others");
    expect((await first.client.auth.signOut({ scope: "others" })).error).toBeNull();
    expect(await alive(first.accessToken)).toBe(true);
    expect(await alive(secondToken)).toBe(false);
  });

  it("scope global (the default) ends all of them and answers 204", async () => {
    const { first, secondToken } = await twoSessions("logout-global");
    const response = await authFetch("/logout", { method: "POST", token: first.accessToken });
    expect(response.status).toBe(204);
    expect(await alive(first.accessToken)).toBe(false);
    expect(await alive(secondToken)).toBe(false);
    const refreshed = await anonClient().auth.refreshSession({ refresh_token: first.refreshToken });
    expect(refreshed.error).toMatchObject({ code: "refresh_token_not_found" });
  });

  it("is reachable with only the publishable key style too", async () => {
    const { accessToken } = await signedIn("logout-publishable");
    const response = await fetch(`${testEnv.apiUrl}/auth/v1/logout?scope=local`, {
      method: "POST",
      headers: { apikey: testEnv.publishableKey, authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(204);
  });
});
