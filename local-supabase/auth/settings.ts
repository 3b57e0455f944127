import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { apiUrl, type StackConfig } from "../config";
import { parseGoDuration } from "./duration";

/**
 * What the auth server needs to know: the stack's config (secret, URLs, ports), the
 * [auth] sections of supabase/config.toml (the same file a hosted project is configured
 * from), and GOTRUE_* environment overrides for tests.
 *
 * Environment (all optional):
 *   GOTRUE_RATE_LIMIT_TOKEN          requests to POST /token per IP per window (150)
 *   GOTRUE_RATE_LIMIT_OTP            POST /otp per IP per window (30)
 *   GOTRUE_RATE_LIMIT_VERIFY         GET and POST /verify per IP per window (30)
 *   GOTRUE_RATE_LIMIT_RECOVER        POST /recover per IP per window (30)
 *   GOTRUE_RATE_LIMIT_USER_UPDATE    PUT /user per IP per window (30)
 *   GOTRUE_RATE_LIMIT_WINDOW_SECONDS the window (300)
 *   GOTRUE_MAILER_MAX_FREQUENCY      least time between two emails of a kind to one user, a Go duration ([auth.email] max_frequency, "1s")
 *   GOTRUE_MAILER_OTP_EXP            email token lifetime in seconds ([auth.email] otp_expiry, 3600)
 *   GOTRUE_JWT_EXP                   access token lifetime in seconds ([auth] jwt_expiry, 3600)
 *   GOTRUE_FLOW_STATE_EXPIRY_SECONDS PKCE flow state lifetime (300)
 *   GOTRUE_SMTP_ADMIN_EMAIL, GOTRUE_SMTP_SENDER_NAME  the From of auth emails
 */

export type TemplateKind = "invite" | "confirmation" | "recovery" | "magic_link";

export type EmailTemplate = { subject: string; contentPath: string };

export type RateLimits = {
  token: number;
  otp: number;
  verify: number;
  recover: number;
  userUpdate: number;
  windowMs: number;
};

export type AuthSettings = {
  siteUrl: string;
  /** `<api url>/auth/v1`: the JWT issuer and the base of links to /verify. */
  externalUrl: string;
  redirectAllowList: RegExp[];
  jwtSecret: Uint8Array;
  jwtExpSeconds: number;
  otpExpSeconds: number;
  otpLength: number;
  minPasswordLength: number;
  emailMaxFrequencyMs: number;
  flowStateExpirySeconds: number;
  refreshTokenReuseSeconds: number;
  autoconfirm: boolean;
  enableSignup: boolean;
  rateLimits: RateLimits;
  smtp: { host: string; port: number; adminEmail: string; senderName: string };
  templates: Record<TemplateKind, EmailTemplate>;
};

// GoTrue's own subjects, used when config.toml names no template.
const DEFAULT_SUBJECTS: Record<TemplateKind, string> = {
  invite: "You have been invited",
  confirmation: "Confirm Your Signup",
  recovery: "Reset Your Password",
  magic_link: "Your Magic Link",
};

type Toml = Record<string, unknown>;

function section(root: Toml, ...keys: string[]): Toml {
  let node: unknown = root;
  for (const key of keys) node = node && typeof node === "object" ? (node as Toml)[key] : undefined;
  return node && typeof node === "object" ? (node as Toml) : {};
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** GoTrue's URI allow-list globs: `*` stays within one host label or path segment, `**` matches anything. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (char === "*") source += "[^./]*";
    else if (char === "?") source += "[^./]";
    else source += char.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export function loadAuthSettings(config: StackConfig): AuthSettings {
  const tomlPath = path.join(config.projectDir, "supabase", "config.toml");
  const toml: Toml = fs.existsSync(tomlPath) ? (parse(fs.readFileSync(tomlPath, "utf8")) as Toml) : {};
  const auth = section(toml, "auth");
  const email = section(toml, "auth", "email");

  const templates = {} as Record<TemplateKind, EmailTemplate>;
  for (const kind of Object.keys(DEFAULT_SUBJECTS) as TemplateKind[]) {
    const entry = section(toml, "auth", "email", "template", kind);
    const contentPath =
      typeof entry.content_path === "string" ? entry.content_path : `./supabase/templates/${kind}.html`;
    templates[kind] = {
      subject: typeof entry.subject === "string" ? entry.subject : DEFAULT_SUBJECTS[kind],
      contentPath: path.resolve(config.projectDir, contentPath),
    };
  }

  const maxFrequency =
    process.env.GOTRUE_MAILER_MAX_FREQUENCY ?? (typeof email.max_frequency === "string" ? email.max_frequency : "1s");
  const windowSeconds = envNumber("GOTRUE_RATE_LIMIT_WINDOW_SECONDS", 300);

  return {
    siteUrl: config.siteUrl,
    externalUrl: `${apiUrl(config)}/auth/v1`,
    redirectAllowList: config.redirectAllowList.map(globToRegExp),
    jwtSecret: new TextEncoder().encode(config.jwtSecret),
    jwtExpSeconds: envNumber("GOTRUE_JWT_EXP", typeof auth.jwt_expiry === "number" ? auth.jwt_expiry : 3600),
    otpExpSeconds: envNumber("GOTRUE_MAILER_OTP_EXP", typeof email.otp_expiry === "number" ? email.otp_expiry : 3600),
    otpLength: typeof email.otp_length === "number" ? email.otp_length : 6,
    minPasswordLength: typeof auth.minimum_password_length === "number" ? auth.minimum_password_length : 6,
    emailMaxFrequencyMs: parseGoDuration(maxFrequency),
    flowStateExpirySeconds: envNumber("GOTRUE_FLOW_STATE_EXPIRY_SECONDS", 300),
    refreshTokenReuseSeconds:
      typeof auth.refresh_token_reuse_interval === "number" ? auth.refresh_token_reuse_interval : 10,
    // enable_confirmations = false is GoTrue's MAILER_AUTOCONFIRM = true.
    autoconfirm: email.enable_confirmations !== true,
    enableSignup: auth.enable_signup !== false,
    rateLimits: {
      token: envNumber("GOTRUE_RATE_LIMIT_TOKEN", 150),
      otp: envNumber("GOTRUE_RATE_LIMIT_OTP", 30),
      verify: envNumber("GOTRUE_RATE_LIMIT_VERIFY", 30),
      recover: envNumber("GOTRUE_RATE_LIMIT_RECOVER", 30),
      userUpdate: envNumber("GOTRUE_RATE_LIMIT_USER_UPDATE", 30),
      windowMs: windowSeconds * 1000,
    },
    smtp: {
      host: "127.0.0.1",
      port: config.smtpPort,
      adminEmail: process.env.GOTRUE_SMTP_ADMIN_EMAIL ?? "no-reply@partnerdesk.local",
      senderName: process.env.GOTRUE_SMTP_SENDER_NAME ?? "Partnerdesk",
    },
    templates,
  };
}
