import path from "node:path";
import { apiUrl, authServerEnv, type StackConfig } from "../config";
import { readAuthTable, section, tomlString, tomlStringList, type Env, type Toml } from "./config-toml";
import { DEFAULT_SUBJECTS } from "./default-templates";
import { parseGoDuration } from "./duration";
import { ensureSigningKey, type SigningKey } from "./signing-key";

/**
 * What the auth server needs to know: the stack's config (secret, URLs, ports), the
 * [auth] sections of supabase/config.toml (the same file a hosted project is configured
 * from, env() resolved from the stack's environment, see configTomlEnv in ../config), and
 * GOTRUE_* environment overrides where the local stack departs from production.
 *
 * Environment (all optional):
 *   GOTRUE_JWT_ALGORITHM             "ES256" (default: the stack's EC key, served at /.well-known/jwks.json)
 *                                    or "HS256" (the stack's JWT secret, as projects made before 2025)
 *   GOTRUE_MAILER_TEMPLATES          "default" ignores config.toml's templates and sends GoTrue's default
 *                                    emails, whose one link is {{ .ConfirmationURL }} (GET /verify), as a
 *                                    hosted project whose templates were never customised does
 *   GOTRUE_DISABLE_SIGNUP            "true" / "false" over [auth] enable_signup (tests of sign-up use "false")
 *   GOTRUE_RATE_LIMIT_TOKEN          requests to POST /token per IP per window ([auth.rate_limit] token_refresh, 150)
 *   GOTRUE_RATE_LIMIT_OTP            POST /otp and POST /signup per IP per window ([auth.rate_limit] sign_in_sign_ups, 30)
 *   GOTRUE_RATE_LIMIT_VERIFY         GET and POST /verify per IP per window ([auth.rate_limit] token_verifications, 30)
 *   GOTRUE_RATE_LIMIT_RECOVER        POST /recover per IP per window (30)
 *   GOTRUE_RATE_LIMIT_USER_UPDATE    PUT /user per IP per window (30)
 *   GOTRUE_RATE_LIMIT_WINDOW_SECONDS the window (300)
 *   GOTRUE_MAILER_MAX_FREQUENCY      least time between two emails of a kind to one user, a Go duration
 *                                    ([auth.email] max_frequency; the local stack sets "1s")
 *   GOTRUE_MAILER_OTP_EXP            email token lifetime in seconds ([auth.email] otp_expiry, 3600)
 *   GOTRUE_JWT_EXP                   access token lifetime in seconds ([auth] jwt_expiry, 3600)
 *   GOTRUE_SESSIONS_TIMEBOX          a session's longest life, a Go duration ([auth.sessions] timebox, none)
 *   GOTRUE_SESSIONS_INACTIVITY_TIMEOUT  longest gap between two refreshes ([auth.sessions] inactivity_timeout, none)
 *   GOTRUE_FLOW_STATE_EXPIRY_SECONDS PKCE flow state lifetime (300)
 *   GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD  "true" / "false" over [auth.email]
 *                                    require_current_password: PUT /user needs current_password
 *   GOTRUE_MFA_TOTP_ENROLL_ENABLED, GOTRUE_MFA_TOTP_VERIFY_ENABLED  "true" / "false" over [auth.mfa.totp]
 *                                    enroll_enabled and verify_enabled (GoTrue's default: both on)
 *   GOTRUE_RATE_LIMIT_MFA            POST /factors/:id/challenge and /verify per IP, each, per two minutes (30)
 *   GOTRUE_SMTP_ADMIN_EMAIL, GOTRUE_SMTP_SENDER_NAME  the From of auth emails
 */

export type TemplateKind = "invite" | "confirmation" | "recovery" | "magic_link";

export type EmailTemplate = { subject: string; contentPath: string };

export type RateLimits = {
  token: number;
  otp: number;
  signup: number;
  verify: number;
  recover: number;
  userUpdate: number;
  windowMs: number;
  /** GoTrue lets 15 challenges and 15 verifies a minute through per address, bursting to 30. */
  mfaChallenge: number;
  mfaVerify: number;
  mfaWindowMs: number;
};

export type MfaSettings = {
  totpEnrollEnabled: boolean;
  totpVerifyEnabled: boolean;
  maxEnrolledFactors: number;
  maxVerifiedFactors: number;
  challengeExpirySeconds: number;
  factorExpirySeconds: number;
};

export type AuthSettings = {
  siteUrl: string;
  /** `<api url>/auth/v1`: the JWT issuer and the base of links to /verify. */
  externalUrl: string;
  redirectAllowList: RegExp[];
  jwtSecret: Uint8Array;
  /** Which key signs access tokens; both kinds are accepted whatever the choice. */
  jwtAlgorithm: "ES256" | "HS256";
  signingKey: SigningKey;
  jwtExpSeconds: number;
  otpExpSeconds: number;
  otpLength: number;
  minPasswordLength: number;
  emailMaxFrequencyMs: number;
  flowStateExpirySeconds: number;
  refreshTokenReuseSeconds: number;
  autoconfirm: boolean;
  enableSignup: boolean;
  /** [auth.sessions]: 0 means no limit, as in GoTrue. */
  sessionTimeboxMs: number;
  sessionInactivityTimeoutMs: number;
  /** "custom": config.toml's templates; "default": GoTrue's built-in emails. */
  mailerTemplates: "custom" | "default";
  /** PUT /user must carry the current password, outside a recovery session and a first password. */
  requireCurrentPassword: boolean;
  rateLimits: RateLimits;
  mfa: MfaSettings;
  smtp: { host: string; port: number; adminEmail: string; senderName: string };
  templates: Record<TemplateKind, EmailTemplate>;
};

function envNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
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

/** An environment "true"/"false" over a config.toml boolean; on when neither says. */
function flag(env: Env, name: string, toml: unknown): boolean {
  const raw = env[name];
  if (raw === "true" || raw === "false") return raw === "true";
  return typeof toml === "boolean" ? toml : true;
}

function tomlNumber(table: Toml, key: string, fallback: number): number {
  const value = table[key];
  return typeof value === "number" ? value : fallback;
}

/** A Go duration from the environment, else from config.toml, else none (0). */
function duration(env: Env, name: string, table: Toml, key: string, where: string): number {
  const raw = env[name] || tomlString(table, key, env, where);
  if (!raw) return 0;
  const ms = parseGoDuration(raw);
  if (ms < 0) throw new Error(`${name} / ${where}.${key} must not be negative, got "${raw}"`);
  return ms;
}

function choice<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`${name} must be one of ${allowed.join(", ")}, got "${raw}"`);
  }
  return raw as T;
}

export function loadAuthSettings(config: StackConfig, env: Env = authServerEnv(config)): AuthSettings {
  const auth = readAuthTable(config.projectDir);
  const email = section(auth, "email");
  const sessions = section(auth, "sessions");
  const limits = section(auth, "rate_limit");

  const templates = {} as Record<TemplateKind, EmailTemplate>;
  for (const kind of Object.keys(DEFAULT_SUBJECTS) as TemplateKind[]) {
    const entry = section(auth, "email", "template", kind);
    const where = `auth.email.template.${kind}`;
    const contentPath = tomlString(entry, "content_path", env, where) ?? `./supabase/templates/${kind}.html`;
    templates[kind] = {
      subject: tomlString(entry, "subject", env, where) ?? DEFAULT_SUBJECTS[kind],
      contentPath: path.resolve(config.projectDir, contentPath),
    };
  }

  const siteUrl = tomlString(auth, "site_url", env, "auth") ?? config.siteUrl;
  const redirectAllowList = tomlStringList(auth, "additional_redirect_urls", env, "auth") ?? config.redirectAllowList;
  const maxFrequency = env.GOTRUE_MAILER_MAX_FREQUENCY || tomlString(email, "max_frequency", env, "auth.email") || "1s";
  const mfa = section(auth, "mfa");
  const totp = section(auth, "mfa", "totp");
  const mfaLimit = envNumber(env, "GOTRUE_RATE_LIMIT_MFA", 30);
  const otpLimit = envNumber(env, "GOTRUE_RATE_LIMIT_OTP", tomlNumber(limits, "sign_in_sign_ups", 30));

  return {
    siteUrl,
    externalUrl: `${apiUrl(config)}/auth/v1`,
    redirectAllowList: redirectAllowList.map(globToRegExp),
    jwtSecret: new TextEncoder().encode(config.jwtSecret),
    jwtAlgorithm: choice(env, "GOTRUE_JWT_ALGORITHM", ["ES256", "HS256"] as const, "ES256"),
    signingKey: ensureSigningKey(config.signingKeyPath),
    jwtExpSeconds: envNumber(env, "GOTRUE_JWT_EXP", tomlNumber(auth, "jwt_expiry", 3600)),
    otpExpSeconds: envNumber(env, "GOTRUE_MAILER_OTP_EXP", tomlNumber(email, "otp_expiry", 3600)),
    otpLength: tomlNumber(email, "otp_length", 6),
    minPasswordLength: tomlNumber(auth, "minimum_password_length", 6),
    emailMaxFrequencyMs: parseGoDuration(maxFrequency),
    flowStateExpirySeconds: envNumber(env, "GOTRUE_FLOW_STATE_EXPIRY_SECONDS", 300),
    refreshTokenReuseSeconds: tomlNumber(auth, "refresh_token_reuse_interval", 10),
    // enable_confirmations = false is GoTrue's MAILER_AUTOCONFIRM = true.
    autoconfirm: email.enable_confirmations !== true,
    enableSignup: env.GOTRUE_DISABLE_SIGNUP ? env.GOTRUE_DISABLE_SIGNUP !== "true" : auth.enable_signup !== false,
    sessionTimeboxMs: duration(env, "GOTRUE_SESSIONS_TIMEBOX", sessions, "timebox", "auth.sessions"),
    sessionInactivityTimeoutMs: duration(
      env,
      "GOTRUE_SESSIONS_INACTIVITY_TIMEOUT",
      sessions,
      "inactivity_timeout",
      "auth.sessions",
    ),
    mailerTemplates: choice(env, "GOTRUE_MAILER_TEMPLATES", ["custom", "default"] as const, "custom"),
    requireCurrentPassword: env.GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD
      ? env.GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD === "true"
      : email.require_current_password === true,
    rateLimits: {
      token: envNumber(env, "GOTRUE_RATE_LIMIT_TOKEN", tomlNumber(limits, "token_refresh", 150)),
      otp: otpLimit,
      signup: otpLimit,
      verify: envNumber(env, "GOTRUE_RATE_LIMIT_VERIFY", tomlNumber(limits, "token_verifications", 30)),
      recover: envNumber(env, "GOTRUE_RATE_LIMIT_RECOVER", 30),
      userUpdate: envNumber(env, "GOTRUE_RATE_LIMIT_USER_UPDATE", 30),
      windowMs: envNumber(env, "GOTRUE_RATE_LIMIT_WINDOW_SECONDS", 300) * 1000,
      mfaChallenge: mfaLimit,
      mfaVerify: mfaLimit,
      mfaWindowMs: 120_000,
    },
    mfa: {
      totpEnrollEnabled: flag(env, "GOTRUE_MFA_TOTP_ENROLL_ENABLED", totp.enroll_enabled),
      totpVerifyEnabled: flag(env, "GOTRUE_MFA_TOTP_VERIFY_ENABLED", totp.verify_enabled),
      maxEnrolledFactors: tomlNumber(mfa, "max_enrolled_factors", 10),
      maxVerifiedFactors: 10,
      challengeExpirySeconds: 300,
      factorExpirySeconds: 300,
    },
    smtp: {
      host: "127.0.0.1",
      port: config.smtpPort,
      adminEmail: env.GOTRUE_SMTP_ADMIN_EMAIL || "no-reply@partnerdesk.local",
      senderName: env.GOTRUE_SMTP_SENDER_NAME || "Partnerdesk",
    },
    templates,
  };
}
