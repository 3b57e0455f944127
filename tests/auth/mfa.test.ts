import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStackConfig } from "../support/test-stack";
import { testEnv } from "../support/env";
import { adminClient, anonClient, authFetch, claims, PASSWORD, randomIp, signedIn, sql } from "./helpers";
import { enrolTotp, totpCode, verifiedTotp, wrongCode } from "./mfa-helpers";
import { startOwnAuth } from "./own-server";

type Caller = Awaited<ReturnType<typeof signedIn>>;

async function accessToken(caller: Caller): Promise<string> {
  const { data } = await caller.client.auth.getSession();
  return data.session!.access_token;
}

/** Straight to the auth server (not through the gateway), which then counts X-Forwarded-For as the address. */
function direct(path: string, init: { method?: string; body?: unknown; token: string; ip: string }) {
  return fetch(`http://127.0.0.1:${testStackConfig().authPort}${path}`, {
    method: init.method ?? "POST",
    headers: {
      apikey: testEnv.anonKey,
      authorization: `Bearer ${init.token}`,
      "content-type": "application/json",
      "x-supabase-api-version": "2024-01-01",
      "x-forwarded-for": init.ip,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe("mfa.enroll (POST /factors)", () => {
  it("creates an unverified TOTP factor with an SVG QR code, the secret and an otpauth URI", async () => {
    const caller = await signedIn("mfa-enrol");
    const { data, error } = await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Work phone" });
    expect(error).toBeNull();
    expect(data).toMatchObject({ type: "totp", friendly_name: "Work phone" });
    expect(data!.totp.qr_code).toMatch(/^data:image\/svg\+xml;utf-8,<svg/);
    // auth-js puts the SVG in a data: URL unescaped, where a `#` would cut the image short.
    expect(data!.totp.qr_code).not.toContain("#");
    expect(data!.totp.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(data!.totp.uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(data!.totp.secret);
    expect(uri.searchParams.get("issuer")).toBe(new URL(testStackConfig().siteUrl).host);
    expect(decodeURIComponent(uri.pathname)).toContain(caller.email);
    const [row] = await sql<{ status: string; factor_type: string; user_id: string; secret: string }>(
      "select status, factor_type, user_id, secret from auth.mfa_factors where id = $1",
      [data!.id],
    );
    expect(row).toMatchObject({ status: "unverified", factor_type: "totp", user_id: caller.id });
    expect(row!.secret).toBe(data!.totp.secret);
  });

  it("takes the issuer the client names", async () => {
    const caller = await signedIn("mfa-issuer");
    const { data } = await caller.client.auth.mfa.enroll({ factorType: "totp", issuer: "Partnerdesk" });
    expect(new URL(data!.totp.uri).searchParams.get("issuer")).toBe("Partnerdesk");
  });

  it("refuses a friendly name the user already has, unverified too, and an empty name twice", async () => {
    const caller = await signedIn("mfa-name");
    await enrolTotp(caller.client, "Phone");
    const again = await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Phone" });
    expect(again.error).toMatchObject({ status: 422, code: "mfa_factor_name_conflict" });
    expect((await caller.client.auth.mfa.enroll({ factorType: "totp" })).error).toBeNull();
    const second = await caller.client.auth.mfa.enroll({ factorType: "totp" });
    expect(second.error).toMatchObject({ status: 422, code: "mfa_factor_name_conflict" });
    // Control: another name is fine.
    expect((await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Tablet" })).error).toBeNull();
  });

  it("deletes the user's unverified factors older than 300 s before counting", async () => {
    const caller = await signedIn("mfa-expired");
    const old = await enrolTotp(caller.client, "Old");
    await sql("update auth.mfa_factors set created_at = now() - interval '301 seconds' where id = $1", [old.id]);
    expect((await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Old" })).error).toBeNull();
    expect(await sql("select 1 from auth.mfa_factors where id = $1", [old.id])).toEqual([]);
  });

  it("refuses an eleventh factor with too_many_enrolled_mfa_factors", async () => {
    const caller = await signedIn("mfa-many");
    for (let n = 0; n < 10; n++) await enrolTotp(caller.client, `Factor ${n}`);
    const over = await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Factor 10" });
    expect(over.error).toMatchObject({ status: 422, code: "too_many_enrolled_mfa_factors" });
  });

  it("needs aal2 to add a factor once one is verified (403 insufficient_aal), and allows it at aal2", async () => {
    const caller = await signedIn("mfa-aal-enrol");
    await verifiedTotp(caller.client, "First");
    const fresh = anonClient();
    await fresh.auth.signInWithPassword({ email: caller.email, password: PASSWORD });
    const refused = await fresh.auth.mfa.enroll({ factorType: "totp", friendlyName: "Second" });
    expect(refused.error).toMatchObject({ status: 403, code: "insufficient_aal" });
    expect((await caller.client.auth.mfa.enroll({ factorType: "totp", friendlyName: "Second" })).error).toBeNull();
  });

  it("refuses an unknown factor type with validation_failed", async () => {
    const caller = await signedIn("mfa-type");
    const response = await authFetch("/factors", {
      method: "POST",
      token: caller.accessToken,
      body: { factor_type: "sms-ish", friendly_name: "x" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "validation_failed" });
  });
});

describe("mfa.challenge (POST /factors/:id/challenge)", () => {
  it("returns a challenge that expires in 300 s and stamps the factor", async () => {
    const caller = await signedIn("mfa-challenge");
    const factor = await enrolTotp(caller.client);
    const { data, error } = await caller.client.auth.mfa.challenge({ factorId: factor.id });
    expect(error).toBeNull();
    expect(data).toMatchObject({ type: "totp" });
    const now = Math.floor(Date.now() / 1000);
    expect(data!.expires_at).toBeGreaterThanOrEqual(now + 295);
    expect(data!.expires_at).toBeLessThanOrEqual(now + 301);
    const [row] = await sql<{ factor_id: string }>("select factor_id from auth.mfa_challenges where id = $1", [
      data!.id,
    ]);
    expect(row!.factor_id).toBe(factor.id);
  });

  it("answers 404 mfa_factor_not_found for an unknown factor and another user's", async () => {
    const owner = await signedIn("mfa-owner");
    const other = await signedIn("mfa-other");
    const factor = await enrolTotp(owner.client);
    const stolen = await other.client.auth.mfa.challenge({ factorId: factor.id });
    expect(stolen.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
    const unknown = await other.client.auth.mfa.challenge({ factorId: crypto.randomUUID() });
    expect(unknown.error).toMatchObject({ status: 404, code: "mfa_factor_not_found" });
  });

  it("answers 404 validation_failed for an id that is not a uuid", async () => {
    const caller = await signedIn("mfa-not-uuid");
    const { error } = await caller.client.auth.mfa.challenge({ factorId: "not-a-uuid" });
    expect(error).toMatchObject({ status: 404, code: "validation_failed" });
  });
});

describe("mfa.verify (POST /factors/:id/verify)", () => {
  it("verifies the factor and raises the session to aal2 with a totp amr entry and a new refresh token", async () => {
    const caller = await signedIn("mfa-verify");
    const factor = await enrolTotp(caller.client);
    const challenge = await caller.client.auth.mfa.challenge({ factorId: factor.id });
    const { data, error } = await caller.client.auth.mfa.verify({
      factorId: factor.id,
      challengeId: challenge.data!.id,
      code: totpCode(factor.secret),
    });
    expect(error).toBeNull();
    const token = claims(data!.access_token);
    expect(token.aal).toBe("aal2");
    expect((token.amr as { method: string }[]).map((entry) => entry.method).sort()).toEqual(["password", "totp"]);
    expect(token.session_id).toBe(claims(caller.accessToken).session_id);
    expect(data!.refresh_token).not.toBe(caller.refreshToken);
    expect(data!.user.factors).toEqual([expect.objectContaining({ id: factor.id, status: "verified" })]);
    const [session] = await sql<{ aal: string; factor_id: string }>(
      "select aal, factor_id from auth.sessions where id = $1",
      [token.session_id],
    );
    expect(session).toEqual({ aal: "aal2", factor_id: factor.id });
    const level = await caller.client.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal2", nextLevel: "aal2" });
  });

  it("accepts the code of the step before and after (one step of skew), not two steps away", async () => {
    const caller = await signedIn("mfa-skew");
    const factor = await enrolTotp(caller.client);
    const far = await caller.client.auth.mfa.challengeAndVerify({
      factorId: factor.id,
      code: totpCode(factor.secret, -3),
    });
    expect(far.error).toMatchObject({ status: 422, code: "mfa_verification_failed" });
    const near = await caller.client.auth.mfa.challengeAndVerify({
      factorId: factor.id,
      code: totpCode(factor.secret, -1),
    });
    expect(near.error).toBeNull();
  });

  it("refuses a wrong code with mfa_verification_failed and leaves the session at aal1", async () => {
    const caller = await signedIn("mfa-wrong");
    const factor = await enrolTotp(caller.client);
    const { error } = await caller.client.auth.mfa.challengeAndVerify({
      factorId: factor.id,
      code: wrongCode(factor.secret),
    });
    expect(error).toMatchObject({ status: 422, code: "mfa_verification_failed" });
    const [row] = await sql<{ status: string }>("select status from auth.mfa_factors where id = $1", [factor.id]);
    expect(row!.status).toBe("unverified");
    expect(claims(await accessToken(caller)).aal).toBe("aal1");
  });

  it("refuses an empty code with 400 validation_failed", async () => {
    const caller = await signedIn("mfa-empty");
    const factor = await enrolTotp(caller.client);
    const challenge = await caller.client.auth.mfa.challenge({ factorId: factor.id });
    const { error } = await caller.client.auth.mfa.verify({
      factorId: factor.id,
      challengeId: challenge.data!.id,
      code: "",
    });
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("refuses an unknown challenge with 422 mfa_factor_not_found", async () => {
    const caller = await signedIn("mfa-no-challenge");
    const factor = await enrolTotp(caller.client);
    const { error } = await caller.client.auth.mfa.verify({
      factorId: factor.id,
      challengeId: crypto.randomUUID(),
      code: totpCode(factor.secret),
    });
    expect(error).toMatchObject({ status: 422, code: "mfa_factor_not_found" });
  });

  it("refuses a challenge older than 300 s with mfa_challenge_expired and deletes it", async () => {
    const caller = await signedIn("mfa-expired-challenge");
    const factor = await enrolTotp(caller.client);
    const challenge = await caller.client.auth.mfa.challenge({ factorId: factor.id });
    await sql("update auth.mfa_challenges set created_at = now() - interval '301 seconds' where id = $1", [
      challenge.data!.id,
    ]);
    const { error } = await caller.client.auth.mfa.verify({
      factorId: factor.id,
      challengeId: challenge.data!.id,
      code: totpCode(factor.secret),
    });
    expect(error).toMatchObject({ status: 422, code: "mfa_challenge_expired" });
    expect(await sql("select 1 from auth.mfa_challenges where id = $1", [challenge.data!.id])).toEqual([]);
  });

  it("refuses a challenge already verified with mfa_ip_address_mismatch (a challenge is single-use)", async () => {
    const caller = await signedIn("mfa-reuse");
    const factor = await enrolTotp(caller.client);
    const challenge = await caller.client.auth.mfa.challenge({ factorId: factor.id });
    const params = { factorId: factor.id, challengeId: challenge.data!.id, code: totpCode(factor.secret) };
    expect((await caller.client.auth.mfa.verify(params)).error).toBeNull();
    expect((await caller.client.auth.mfa.verify(params)).error).toMatchObject({
      status: 422,
      code: "mfa_ip_address_mismatch",
    });
  });

  it("refuses a verify from another address than the challenge's with mfa_ip_address_mismatch", async () => {
    const caller = await signedIn("mfa-ip");
    const factor = await enrolTotp(caller.client);
    const token = await accessToken(caller);
    const challenge = await direct(`/factors/${factor.id}/challenge`, { token, ip: randomIp(), body: {} });
    const { id } = (await challenge.json()) as { id: string };
    const elsewhere = await direct(`/factors/${factor.id}/verify`, {
      token,
      ip: randomIp(),
      body: { challenge_id: id, code: totpCode(factor.secret) },
    });
    expect(elsewhere.status).toBe(422);
    expect(await elsewhere.json()).toMatchObject({ code: "mfa_ip_address_mismatch" });
  });

  it("keeps no record of used codes: the same code verifies a second challenge", async () => {
    const caller = await signedIn("mfa-same-code");
    const factor = await verifiedTotp(caller.client);
    const again = await caller.client.auth.mfa.challengeAndVerify({
      factorId: factor.id,
      code: totpCode(factor.secret),
    });
    expect(again.error).toBeNull();
  });

  it("ends the user's other sessions below aal2 and removes their other unverified TOTP factors", async () => {
    const caller = await signedIn("mfa-others");
    const other = anonClient();
    const otherSignIn = await other.auth.signInWithPassword({ email: caller.email, password: PASSWORD });
    const spare = await enrolTotp(caller.client, "Spare");
    const factor = await enrolTotp(caller.client, "Main");
    await caller.client.auth.mfa.challengeAndVerify({ factorId: factor.id, code: totpCode(factor.secret) });

    const otherSession = claims(otherSignIn.data.session!.access_token).session_id;
    expect(await sql("select 1 from auth.sessions where id = $1", [otherSession])).toEqual([]);
    expect(await sql("select 1 from auth.mfa_factors where id = $1", [spare.id])).toEqual([]);
    const refreshed = await anonClient().auth.refreshSession({
      refresh_token: otherSignIn.data.session!.refresh_token,
    });
    expect(refreshed.error).toMatchObject({ status: 400 });
    // Control: the verifying session lives on.
    expect((await caller.client.auth.getUser()).error).toBeNull();
  });
});

describe("mfa.unenroll (DELETE /factors/:id)", () => {
  it("needs aal2 for a verified factor (422 insufficient_aal)", async () => {
    const caller = await signedIn("mfa-unenrol-aal");
    const factor = await verifiedTotp(caller.client);
    const fresh = anonClient();
    await fresh.auth.signInWithPassword({ email: caller.email, password: PASSWORD });
    const { error } = await fresh.auth.mfa.unenroll({ factorId: factor.id });
    expect(error).toMatchObject({ status: 422, code: "insufficient_aal" });
    expect(await sql("select 1 from auth.mfa_factors where id = $1", [factor.id])).toHaveLength(1);
  });

  it("removes a verified factor at aal2, and the session's next token is aal1 without the totp claim", async () => {
    const caller = await signedIn("mfa-unenrol");
    const factor = await verifiedTotp(caller.client);
    const { data, error } = await caller.client.auth.mfa.unenroll({ factorId: factor.id });
    expect(error).toBeNull();
    expect(data).toEqual({ id: factor.id });
    const refreshed = await caller.client.auth.refreshSession();
    const token = claims(refreshed.data.session!.access_token);
    expect(token.aal).toBe("aal1");
    expect((token.amr as { method: string }[]).map((entry) => entry.method)).toEqual(["password"]);
    expect(refreshed.data.user!.factors).toBeUndefined();
  });

  it("removes an unverified factor at aal1", async () => {
    const caller = await signedIn("mfa-unenrol-unverified");
    const factor = await enrolTotp(caller.client);
    expect((await caller.client.auth.mfa.unenroll({ factorId: factor.id })).error).toBeNull();
  });
});

describe("factors on the user and aal across refresh", () => {
  it("GET /user lists factors with their fields, and leaves the key out when there are none", async () => {
    const caller = await signedIn("mfa-user");
    const none = await authFetch("/user", { token: caller.accessToken });
    expect(Object.keys((await none.json()) as object)).not.toContain("factors");
    const factor = await enrolTotp(caller.client, "Phone");
    const { data } = await caller.client.auth.getUser();
    expect(data.user!.factors).toHaveLength(1);
    expect(Object.keys(data.user!.factors![0]!).sort()).toEqual(
      [
        "created_at",
        "factor_type",
        "friendly_name",
        "id",
        "last_challenged_at",
        "phone",
        "status",
        "updated_at",
      ].sort(),
    );
    expect(data.user!.factors![0]).toMatchObject({ id: factor.id, factor_type: "totp", status: "unverified" });
    const listed = await caller.client.auth.mfa.listFactors();
    expect(listed.data!.all).toHaveLength(1);
    expect(listed.data!.totp).toEqual([]);
  });

  it("keeps aal2 and the amr across refresh; getAuthenticatorAssuranceLevel says aal1 → aal2 before the code", async () => {
    const caller = await signedIn("mfa-refresh");
    await verifiedTotp(caller.client);
    const refreshed = await caller.client.auth.refreshSession();
    expect(claims(refreshed.data.session!.access_token).aal).toBe("aal2");

    const fresh = anonClient();
    await fresh.auth.signInWithPassword({ email: caller.email, password: PASSWORD });
    const level = await fresh.auth.mfa.getAuthenticatorAssuranceLevel();
    expect(level.data).toMatchObject({ currentLevel: "aal1", nextLevel: "aal2" });
  });
});

describe("admin.mfa (GET / DELETE /admin/users/:id/factors[/:factor_id])", () => {
  it("lists a user's factors and deletes one, downgrading the sessions it raised", async () => {
    const caller = await signedIn("mfa-admin");
    const factor = await verifiedTotp(caller.client);
    const admin = adminClient();
    const listed = await admin.auth.admin.mfa.listFactors({ userId: caller.id });
    expect(listed.error).toBeNull();
    expect(listed.data!.factors.map((entry) => entry.id)).toEqual([factor.id]);
    const deleted = await admin.auth.admin.mfa.deleteFactor({ userId: caller.id, id: factor.id });
    expect(deleted.error).toBeNull();
    expect(await sql("select 1 from auth.mfa_factors where id = $1", [factor.id])).toEqual([]);
    const refreshed = await caller.client.auth.refreshSession();
    expect(claims(refreshed.data.session!.access_token).aal).toBe("aal1");
  });

  it("answers 404 for an unknown user and an unknown factor, and refuses a user's token", async () => {
    const caller = await signedIn("mfa-admin-404");
    const admin = adminClient();
    const unknownUser = await admin.auth.admin.mfa.listFactors({ userId: crypto.randomUUID() });
    expect(unknownUser.error).toMatchObject({ status: 404 });
    const unknownFactor = await admin.auth.admin.mfa.deleteFactor({ userId: caller.id, id: crypto.randomUUID() });
    expect(unknownFactor.error).toMatchObject({ status: 404 });
    const asUser = await authFetch(`/admin/users/${caller.id}/factors`, { token: caller.accessToken });
    expect(asUser.status).toBe(403);
  });
});

describe("limits and switches", () => {
  let own: Awaited<ReturnType<typeof startOwnAuth>>;
  beforeAll(async () => {
    own = await startOwnAuth(5, {
      GOTRUE_RATE_LIMIT_MFA: "3",
      GOTRUE_MFA_TOTP_ENROLL_ENABLED: "false",
      GOTRUE_MFA_TOTP_VERIFY_ENABLED: "false",
    });
  });
  afterAll(() => own.close());

  const call = (path: string, token: string, body: unknown = { factor_type: "totp" }) =>
    fetch(`${own.apiUrl}/auth/v1${path}`, {
      method: "POST",
      headers: {
        apikey: testEnv.anonKey,
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "x-supabase-api-version": "2024-01-01",
      },
      body: JSON.stringify(body),
    });

  it("answers 422 mfa_totp_enroll_not_enabled and mfa_totp_verify_not_enabled when TOTP is off", async () => {
    const caller = await signedIn("mfa-off");
    const factor = await enrolTotp(caller.client);
    const enrol = await call("/factors", caller.accessToken);
    expect(enrol.status).toBe(422);
    expect(await enrol.json()).toMatchObject({ code: "mfa_totp_enroll_not_enabled" });
    const verify = await call(`/factors/${factor.id}/verify`, caller.accessToken, {
      challenge_id: crypto.randomUUID(),
      code: "123456",
    });
    expect(verify.status).toBe(422);
    expect(await verify.json()).toMatchObject({ code: "mfa_totp_verify_not_enabled" });
  });

  it("limits challenges per address (429 over_request_rate_limit)", async () => {
    const caller = await signedIn("mfa-limit");
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++)
      statuses.push((await call(`/factors/${crypto.randomUUID()}/challenge`, caller.accessToken)).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses[3]).toBe(429);
  });
});
