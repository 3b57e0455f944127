import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { randomIp } from "./helpers";
import { startOwnAuth } from "./own-server";

/**
 * Whose address the auth server counts, through a gateway and auth server of this file's own
 * with a small verify limit (the shared stack raises it for the browser tests). Anyone can
 * send any X-Forwarded-For; only a server holding the service role may name the person it
 * calls for, in Sb-Forwarded-For.
 */
let own: Awaited<ReturnType<typeof startOwnAuth>>;

beforeAll(async () => {
  own = await startOwnAuth(10, { GOTRUE_RATE_LIMIT_VERIFY: "3" });
});

afterAll(async () => {
  await own?.close();
});

function verify(key: string, headers: Record<string, string>) {
  return fetch(`${own.apiUrl}/auth/v1/verify`, {
    method: "POST",
    headers: { apikey: key, "content-type": "application/json", "x-supabase-api-version": "2024-01-01", ...headers },
    body: JSON.stringify({ type: "magiclink", token_hash: "0".repeat(56) }),
  });
}

describe("the address behind the per-address limits", () => {
  it("ignores a rotating X-Forwarded-For and a Sb-Forwarded-For sent with the public key", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await verify(testEnv.anonKey, { "x-forwarded-for": randomIp() })).status).toBe(403);
    }
    const limited = await verify(testEnv.publishableKey, { "x-forwarded-for": randomIp() });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: "over_request_rate_limit" });
    expect((await verify(testEnv.anonKey, { "sb-forwarded-for": randomIp() })).status).toBe(429);
  });

  it("counts each person named in Sb-Forwarded-For by the service role on their own", async () => {
    const person = randomIp();
    for (const key of [testEnv.secretKey, testEnv.serviceRoleKey, testEnv.secretKey]) {
      expect((await verify(key, { "sb-forwarded-for": person })).status).toBe(403);
    }
    expect((await verify(testEnv.secretKey, { "sb-forwarded-for": person })).status).toBe(429);
    // The control: another person, from the same app server, is not held up.
    expect((await verify(testEnv.secretKey, { "sb-forwarded-for": randomIp() })).status).toBe(403);
    // Not an address: the caller's own address counts, already spent by the test above.
    expect((await verify(testEnv.secretKey, { "sb-forwarded-for": "not-an-address" })).status).toBe(429);
  });
});
