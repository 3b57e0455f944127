import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { compareAuthConfig, readProjectToml, readTemplate, type Remote } from "../../scripts/doctor/auth-config";
import { formatLine } from "../../scripts/doctor/lines";

/**
 * A stand-in for the Management API, which this machine cannot reach: the body of
 * GET /v1/projects/{ref}/config/auth with every field of its AuthConfigResponse (as the
 * Supabase CLI's generated client declares them) and invented values for one project.
 * It is a test double at the network boundary; the comparison under test is the real one.
 */
const recorded = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "fixtures", "management-api-auth-config.json"), "utf8"),
) as Remote;

const INVITE = `<p><a href="{{ .SiteURL }}/auth/confirm?token_hash={{ .TokenHash }}&type=invite">Accept the invitation</a></p>\n`;
const MAGIC_LINK = `<p><a href="{{ .SiteURL }}/auth/confirm?token_hash={{ .TokenHash }}&type=magiclink">Sign in</a></p>\n`;

const toml = parse(`
[auth]
site_url = "env(PARTNERDESK_SITE_URL)"
additional_redirect_urls = ["https://preview.partners.example.com/**", "https://partners.example.com/**"]
jwt_expiry = 3600
enable_signup = false
enable_anonymous_sign_ins = false
minimum_password_length = 8

[auth.email]
enable_confirmations = true
max_frequency = "1m0s"
otp_length = 6
otp_expiry = 3600

[auth.email.smtp]
enabled = true
host = "smtp.example.com"
port = 587
user = "apikey"
pass = "env(SMTP_PASS)"
admin_email = "no-reply@partners.example.com"
sender_name = "Partnerdesk"

[auth.email.template.invite]
subject = "You're invited to Partnerdesk"
content_path = "./templates/invite.html"

[auth.email.template.magic_link]
subject = "Your Partnerdesk sign-in link"
content_path = "./templates/magic_link.html"

[auth.sessions]
timebox = "24h"
inactivity_timeout = "8h"

[auth.mfa]
max_enrolled_factors = 10

[auth.mfa.totp]
enroll_enabled = true
verify_enabled = true
`) as Record<string, unknown>;

const templates: Record<string, string> = {
  "./templates/invite.html": INVITE,
  "./templates/magic_link.html": MAGIC_LINK,
};

function compare(remote: Remote, options: { env?: Record<string, string>; siteUrl?: string } = {}) {
  return compareAuthConfig({
    toml,
    remote,
    env: options.env ?? { PARTNERDESK_SITE_URL: "https://partners.example.com" },
    readTemplate: (file) => templates[file],
    siteUrl: options.siteUrl,
  });
}

const failures = (lines: ReturnType<typeof compare>) => lines.filter((line) => line.status === "fail");

describe("compareAuthConfig, on the recorded shape of the Management API's answer", () => {
  it("passes every value that matches, and flags the magic-link email nobody pushed", () => {
    const lines = compare(recorded);
    expect(failures(lines).map(formatLine)).toEqual([
      '✗ auth config: the magic_link email\'s subject is "Magic Link" on the project, config.toml says "Your Partnerdesk sign-in link"\n    fix: npx supabase config push (npx supabase config diff shows what it will change)',
      "✗ auth config: the project's magic_link email template differs from ./templates/magic_link.html (its links would not reach /auth/confirm)\n    fix: npx supabase config push (npx supabase config diff shows what it will change)",
    ]);
    expect(lines.map(formatLine)).toContain("✓ auth config: 22 values match supabase/config.toml");
    expect(lines.map(formatLine)).toContain("✓ custom SMTP is set (smtp.example.com)");
  });

  it("converts as config push does: negated switches, durations in seconds and hours, URL lists as sets", () => {
    const pushed = {
      ...recorded,
      mailer_subjects_magic_link: "Your Partnerdesk sign-in link",
      mailer_templates_magic_link_content: MAGIC_LINK,
    };
    expect(failures(compare(pushed))).toEqual([]);
    const drifted = compare({
      ...pushed,
      disable_signup: false,
      mailer_autoconfirm: true,
      smtp_max_frequency: 1,
      sessions_timebox: 0,
      uri_allow_list: "https://partners.example.com/**",
      mfa_totp_enroll_enabled: false,
    });
    expect(failures(drifted).map((line) => line.text)).toEqual([
      'auth config: [auth] additional_redirect_urls (uri_allow_list) is "https://partners.example.com/**" on the project, config.toml says "https://preview.partners.example.com/**,https://partners.example.com/**"',
      "auth config: [auth] enable_signup (disable_signup) is false on the project, config.toml says true",
      "auth config: [auth.email] enable_confirmations (mailer_autoconfirm) is true on the project, config.toml says false",
      "auth config: [auth.email] max_frequency (smtp_max_frequency) is 1 on the project, config.toml says 60",
      "auth config: [auth.sessions] timebox (sessions_timebox) is 0 on the project, config.toml says 24",
      "auth config: [auth.mfa.totp] enroll_enabled (mfa_totp_enroll_enabled) is false on the project, config.toml says true",
    ]);
  });

  it("reads env(NAME) values, and skips them when the variable is not set here", () => {
    const elsewhere = compare(recorded, { env: { PARTNERDESK_SITE_URL: "https://old.example.com" } });
    expect(failures(elsewhere).map((line) => line.text)).toContain(
      'auth config: [auth] site_url (site_url) is "https://partners.example.com" on the project, config.toml says "https://old.example.com"',
    );
    const unset = compare(recorded, { env: {} });
    expect(unset.map(formatLine)).toContain(
      "– auth config: [auth] site_url not compared: it reads env(PARTNERDESK_SITE_URL), not set here",
    );
  });

  it("reads a redirect list from one comma-separated variable, as the CLI does", () => {
    const lines = compareAuthConfig({
      toml: parse('[auth]\nadditional_redirect_urls = "env(PARTNERDESK_REDIRECT_URLS)"') as Record<string, unknown>,
      remote: recorded,
      env: { PARTNERDESK_REDIRECT_URLS: "https://partners.example.com/**, https://preview.partners.example.com/**" },
      readTemplate: () => undefined,
    });
    expect(lines.filter((line) => line.text.includes("uri_allow_list"))).toEqual([]);
    expect(lines.map(formatLine)).toContain("✓ auth config: 1 value matches supabase/config.toml");
  });

  it("requires custom SMTP, and compares config.toml's SMTP values", () => {
    const noSmtp = compare({ ...recorded, smtp_host: null, smtp_port: null });
    expect(failures(noSmtp).map((line) => line.text)).toEqual(
      expect.arrayContaining([
        "custom SMTP is not set: the default sender mails only the project's team, so invitations never arrive",
        'auth config: [auth.email.smtp] host (smtp_host) is unset on the project, config.toml says "smtp.example.com"',
        'auth config: [auth.email.smtp] port (smtp_port) is unset on the project, config.toml says "587"',
      ]),
    );
  });

  it("checks that email links go to the app", () => {
    expect(compare(recorded, { siteUrl: "https://partners.example.com" }).map(formatLine)).toContain(
      "✓ the auth server's site URL is the app's (https://partners.example.com)",
    );
    expect(failures(compare(recorded, { siteUrl: "https://app.example.org" })).at(-1)?.text).toBe(
      'the auth server\'s site URL is "https://partners.example.com", but the app is at https://app.example.org: email links go there',
    );
  });

  it("reads the project's own config.toml and templates without error", () => {
    const lines = compareAuthConfig({
      toml: readProjectToml(),
      remote: recorded,
      env: {},
      readTemplate,
    });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((line) => line.text.includes("is missing"))).toEqual([]);
  });
});
