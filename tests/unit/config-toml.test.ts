import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import { configTomlEnv, loadConfig } from "../../local-supabase/config";
import { parseGoDuration } from "../../local-supabase/auth/duration";
import { loadAuthSettings } from "../../local-supabase/auth/settings";

/**
 * supabase/config.toml is what `supabase config push` sends to the hosted project, so
 * its [auth] keys hold production values; the local stack gets its own through env().
 */
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "config-toml-"));
const config = { ...loadConfig({ name: "unit", portBase: 54321 }), signingKeyPath: path.join(keyDir, "key.json") };
afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));
const toml = parse(fs.readFileSync(path.join(config.projectDir, "supabase", "config.toml"), "utf8")) as {
  auth: Record<string, unknown> & Record<string, Record<string, unknown>>;
  remotes?: unknown;
};
const auth = toml.auth;

describe("supabase/config.toml holds production values", () => {
  it("takes the site URL and redirect list from env(), and has no [remotes] (they break config push)", () => {
    expect(auth.site_url).toBe("env(PARTNERDESK_SITE_URL)");
    expect(auth.additional_redirect_urls).toEqual(["env(PARTNERDESK_REDIRECT_URLS)"]);
    expect(toml.remotes).toBeUndefined();
  });

  it("keeps sign-ups off, TOTP on, a 60 s email gap, 15 min codes and bounded sessions", () => {
    expect(auth.enable_signup).toBe(false);
    expect((auth.mfa as Record<string, Record<string, unknown>>).totp).toEqual({
      enroll_enabled: true,
      verify_enabled: true,
    });
    expect(auth.email).toMatchObject({ max_frequency: "60s", otp_expiry: 900, secure_password_change: false });
    expect(parseGoDuration(String(auth.sessions!.timebox))).toBe(30 * 24 * 3600 * 1000);
    expect(parseGoDuration(String(auth.sessions!.inactivity_timeout))).toBe(7 * 24 * 3600 * 1000);
  });
});

describe("the local auth server's reading of it", () => {
  it("resolves env() from the stack's own values, and relaxes the email gap to 1 s", () => {
    const settings = loadAuthSettings(config, { ...configTomlEnv(config), GOTRUE_MAILER_MAX_FREQUENCY: "1s" });
    expect(settings.siteUrl).toBe(config.siteUrl);
    expect(settings.redirectAllowList.some((pattern) => pattern.test(`${config.siteUrl}/portal`))).toBe(true);
    expect(settings.emailMaxFrequencyMs).toBe(1000);
    expect(settings.enableSignup).toBe(false);
    expect(settings.otpExpSeconds).toBe(900);
    expect(settings.sessionTimeboxMs).toBe(720 * 3600 * 1000);
  });

  it("splits a comma-separated redirect list held in one variable", () => {
    const settings = loadAuthSettings(config, {
      PARTNERDESK_SITE_URL: "https://app.example.com",
      PARTNERDESK_REDIRECT_URLS: "https://app.example.com/**, https://*.preview.example.com/**",
    });
    expect(settings.siteUrl).toBe("https://app.example.com");
    expect(settings.emailMaxFrequencyMs).toBe(60_000);
    expect(settings.redirectAllowList.map((pattern) => pattern.test("https://pr-1.preview.example.com/x"))).toEqual([
      false,
      true,
    ]);
  });

  it("refuses to start with a variable config.toml needs left unset", () => {
    expect(() => loadAuthSettings(config, { PARTNERDESK_REDIRECT_URLS: "https://app.example.com/**" })).toThrow(
      'supabase/config.toml: auth.site_url = "env(PARTNERDESK_SITE_URL)", but PARTNERDESK_SITE_URL is not set',
    );
  });
});
