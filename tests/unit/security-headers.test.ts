import { afterEach, describe, expect, it, vi } from "vitest";
import { guardRoute, SERVER_ERROR_MESSAGE } from "@/lib/http/route-response";
import { applySecurityHeaders, contentSecurityPolicy, createNonce } from "@/lib/http/security-headers";
import { authCookieOptions, sessionCookieMaxAge, withSessionLife } from "@/lib/supabase/cookie-options";

describe("contentSecurityPolicy", () => {
  it("allows the nonce, the Supabase API and nothing inline but styles", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", supabaseUrl: "https://ref.supabase.co/" });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' https://ref.supabase.co; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
  });

  it("adds eval and the reloader's websocket in development only", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
    expect(csp).toContain("connect-src 'self' ws:;");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends HSTS only over https", () => {
    const plain = new Headers();
    applySecurityHeaders(plain, { csp: "x", https: false });
    expect(plain.get("strict-transport-security")).toBeNull();
    expect(plain.get("x-frame-options")).toBe("DENY");
    const https = new Headers();
    applySecurityHeaders(https, { csp: "x", https: true });
    expect(https.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("guardRoute", () => {
  it("answers a thrown error with a plain 500, no stack or message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await guardRoute("test", async () => {
      throw new Error('relation "secret_table" does not exist');
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: SERVER_ERROR_MESSAGE });
    expect(body).not.toContain("secret_table");
    log.mockRestore();
  });

  it("lets Next's redirect and notFound through", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
    await expect(guardRoute("test", async () => Promise.reject(redirect))).rejects.toBe(redirect);
  });
});

describe("auth cookie options", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are Lax, readable by the browser client, and Secure only over https", () => {
    expect(authCookieOptions(false)).toEqual({ path: "/", sameSite: "lax", secure: false, httpOnly: false });
    expect(authCookieOptions(true).secure).toBe(true);
  });

  it("live as long as the session's timebox, 720 hours unless configured", () => {
    expect(sessionCookieMaxAge()).toBe(720 * 3600);
    expect(withSessionLife({ maxAge: 400 * 24 * 3600, path: "/" })).toEqual({ maxAge: 720 * 3600, path: "/" });
    vi.stubEnv("AUTH_SESSION_TIMEBOX_HOURS", "24");
    expect(withSessionLife({ maxAge: 400 * 24 * 3600 }).maxAge).toBe(24 * 3600);
  });

  it("leave a removal a removal, and 0 hours keeps the library's default", () => {
    expect(withSessionLife({ maxAge: 0 }).maxAge).toBe(0);
    vi.stubEnv("AUTH_SESSION_TIMEBOX_HOURS", "0");
    expect(withSessionLife({ maxAge: 400 * 24 * 3600 }).maxAge).toBe(400 * 24 * 3600);
  });
});
