import { parseGoDuration } from "../../local-supabase/auth/duration";

/**
 * The supabase/config.toml keys under [auth] that the doctor compares with a hosted project,
 * and the Management API's field for each (GET /v1/projects/{ref}/config/auth). Names and
 * conversions are those `supabase config push` uses when it sends the [auth] table:
 *
 *   [auth] site_url                       site_url
 *   [auth] additional_redirect_urls       uri_allow_list (one string, comma-separated)
 *   [auth] enable_signup                  disable_signup (negated)
 *   [auth] enable_anonymous_sign_ins      external_anonymous_users_enabled
 *   [auth] jwt_expiry                     jwt_exp (seconds)
 *   [auth] minimum_password_length        password_min_length
 *   [auth.email] enable_confirmations     mailer_autoconfirm (negated)
 *   [auth.email] otp_expiry               mailer_otp_exp (seconds)
 *   [auth.email] otp_length               mailer_otp_length
 *   [auth.email] max_frequency            smtp_max_frequency (a Go duration, sent as whole seconds)
 *   [auth.sessions] timebox               sessions_timebox (a Go duration, sent as hours)
 *   [auth.sessions] inactivity_timeout    sessions_inactivity_timeout (hours)
 *   [auth.mfa] max_enrolled_factors       mfa_max_enrolled_factors
 *   [auth.mfa.totp] enroll_enabled        mfa_totp_enroll_enabled
 *   [auth.mfa.totp] verify_enabled        mfa_totp_verify_enabled
 *   [auth.email.template.<kind>] subject  mailer_subjects_<kind>
 *   [auth.email.template.<kind>] content_path   mailer_templates_<kind>_content (the file's text)
 *   [auth.email.smtp] host, port, user, admin_email, sender_name
 *                                         smtp_host, smtp_port (a string), smtp_user, smtp_admin_email, smtp_sender_name
 *
 * A value written `env(NAME)` is read from the environment, as the CLI does.
 */
export type AuthMapping = {
  /** Path under [auth], as written in config.toml. */
  key: string[];
  field: string;
  /** config.toml's value as the API spells it; undefined when it cannot be converted. */
  toApi: (value: unknown) => unknown;
  /** How two API values are compared. */
  same?: (expected: unknown, actual: unknown) => boolean;
};

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);
const asNumber = (value: unknown) => (typeof value === "number" ? value : undefined);
const asBoolean = (value: unknown) => (typeof value === "boolean" ? value : undefined);
const negated = (value: unknown) => (typeof value === "boolean" ? !value : undefined);

function duration(unitMs: number, round: (n: number) => number = (n) => n) {
  return (value: unknown) => {
    if (typeof value !== "string") return undefined;
    try {
      return round(parseGoDuration(value) / unitMs);
    } catch {
      return undefined;
    }
  };
}

// A list, or one comma-separated string when config.toml reads it from env(...).
const urlList = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string").join(",")
    : typeof value === "string"
      ? value
      : undefined;

const sameUrlSet = (expected: unknown, actual: unknown) => {
  const set = (value: unknown) =>
    new Set(
      String(value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );
  const [a, b] = [set(expected), set(actual)];
  return a.size === b.size && [...a].every((item) => b.has(item));
};

const sameNumber = (expected: unknown, actual: unknown) =>
  typeof expected === "number" && typeof actual === "number" && Math.abs(expected - actual) < 1e-6;

export const AUTH_MAPPINGS: AuthMapping[] = [
  { key: ["site_url"], field: "site_url", toApi: asString },
  { key: ["additional_redirect_urls"], field: "uri_allow_list", toApi: urlList, same: sameUrlSet },
  { key: ["enable_signup"], field: "disable_signup", toApi: negated },
  { key: ["enable_anonymous_sign_ins"], field: "external_anonymous_users_enabled", toApi: asBoolean },
  { key: ["jwt_expiry"], field: "jwt_exp", toApi: asNumber },
  { key: ["minimum_password_length"], field: "password_min_length", toApi: asNumber },
  { key: ["email", "enable_confirmations"], field: "mailer_autoconfirm", toApi: negated },
  { key: ["email", "otp_expiry"], field: "mailer_otp_exp", toApi: asNumber },
  { key: ["email", "otp_length"], field: "mailer_otp_length", toApi: asNumber },
  { key: ["email", "max_frequency"], field: "smtp_max_frequency", toApi: duration(1000, Math.floor) },
  { key: ["sessions", "timebox"], field: "sessions_timebox", toApi: duration(3_600_000), same: sameNumber },
  {
    key: ["sessions", "inactivity_timeout"],
    field: "sessions_inactivity_timeout",
    toApi: duration(3_600_000),
    same: sameNumber,
  },
  { key: ["mfa", "max_enrolled_factors"], field: "mfa_max_enrolled_factors", toApi: asNumber },
  { key: ["mfa", "totp", "enroll_enabled"], field: "mfa_totp_enroll_enabled", toApi: asBoolean },
  { key: ["mfa", "totp", "verify_enabled"], field: "mfa_totp_verify_enabled", toApi: asBoolean },
];

/** The email templates config push sends (the API names them as config.toml does). */
export const TEMPLATE_KINDS = ["invite", "confirmation", "recovery", "magic_link", "email_change", "reauthentication"];

/** [auth.email.smtp] keys and their fields, compared when the section is enabled. */
export const SMTP_MAPPINGS: AuthMapping[] = [
  { key: ["email", "smtp", "host"], field: "smtp_host", toApi: asString },
  { key: ["email", "smtp", "port"], field: "smtp_port", toApi: (v) => (typeof v === "number" ? String(v) : undefined) },
  { key: ["email", "smtp", "user"], field: "smtp_user", toApi: asString },
  { key: ["email", "smtp", "admin_email"], field: "smtp_admin_email", toApi: asString },
  { key: ["email", "smtp", "sender_name"], field: "smtp_sender_name", toApi: asString },
];
