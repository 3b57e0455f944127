import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer } from "../../local-supabase/auth/server";
import { testStackConfig } from "../support/test-stack";
import { randomIp } from "./helpers";

/**
 * The shared test stack runs with raised limits (end-to-end sign-ins all come from the
 * Next server's address), so these tests start an auth server of their own on the same
 * database, with small GOTRUE_RATE_LIMIT_* values, and talk to it as the gateway does.
 */
const LIMITS = {
  GOTRUE_RATE_LIMIT_TOKEN: "6",
  GOTRUE_RATE_LIMIT_OTP: "3",
  GOTRUE_RATE_LIMIT_VERIFY: "3",
  GOTRUE_RATE_LIMIT_RECOVER: "3",
  GOTRUE_RATE_LIMIT_USER_UPDATE: "3",
};
const config = { ...testStackConfig(), authPort: testStackConfig().authPort + 9 };
let server: Awaited<ReturnType<typeof startAuthServer>>;

beforeAll(async () => {
  const saved = Object.fromEntries(Object.keys(LIMITS).map((name) => [name, process.env[name]]));
  Object.assign(process.env, LIMITS);
  try {
    server = await startAuthServer(config);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

afterAll(async () => {
  await server?.close();
});

/** As the gateway forwards it: the client's X-Forwarded-For, then the gateway's own peer. */
function call(path: string, method: string, forwardedFor: string, body: unknown = {}) {
  return fetch(`http://127.0.0.1:${config.authPort}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-supabase-api-version": "2024-01-01",
      "x-forwarded-for": `${forwardedFor}, 127.0.0.1`,
    },
    body: method === "GET" ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
}

describe("rate limits per client IP (the left-most X-Forwarded-For)", () => {
  it("throttles verifications past the limit with 429 over_request_rate_limit, for that IP only", async () => {
    const ip = randomIp();
    const verify = (from: string) => call("/verify", "POST", from, { type: "magiclink", token_hash: "0".repeat(56) });
    for (let i = 0; i < 3; i++) expect((await verify(ip)).status).toBe(403);
    const limited = await verify(ip);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: "over_request_rate_limit", message: "Request rate limit reached" });
    expect((await verify(randomIp())).status).toBe(403);
  });

  it("counts GET /verify (email links) with POST /verify", async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await call("/verify?token=x&type=magiclink", "GET", ip)).status).toBe(303);
    expect((await call("/verify", "POST", ip, { type: "magiclink", token_hash: "x" })).status).toBe(429);
  });

  it("throttles /token, /otp, /recover and PUT /user each with its own limit", async () => {
    const cases: [string, string, number, unknown][] = [
      ["/token?grant_type=refresh_token", "POST", 6, { refresh_token: "nope" }],
      ["/otp", "POST", 3, { email: "not an email" }],
      ["/recover", "POST", 3, { email: "not an email" }],
      ["/user", "PUT", 3, {}],
    ];
    for (const [path, method, limit, body] of cases) {
      const ip = randomIp();
      for (let i = 0; i < limit; i++)
        expect((await call(path, method, ip, body)).status, `${path} #${i + 1}`).not.toBe(429);
      expect((await call(path, method, ip, body)).status, path).toBe(429);
    }
  });

  it("leaves unthrottled routes alone", async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i++) expect((await call("/health", "GET", ip)).status).toBe(200);
  });
});
