import path from "node:path";

/**
 * Everything the local stack needs to know, with the defaults of `supabase start`
 * so that tools and docs written for the Supabase CLI apply here unchanged.
 * Every value can be overridden through the environment.
 */

// The well-known secret and keys that every `supabase start` prints. They are
// public by design: they only ever protect a database on your own machine.
const DEMO_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
const DEMO_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
const DEMO_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";
// The opaque key style of newer Supabase projects, as the CLI prints them locally.
const DEMO_PUBLISHABLE_KEY = "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";
const DEMO_SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
// Local-only secrets, public like the demo keys above: a deployment sets its own.
const DEMO_JOBS_SECRET = "local-jobs-secret-for-development-only-0001";
const DEMO_LINK_SIGNING_KEY = "local-link-signing-key-for-development-only-01";

export type StackConfig = {
  /** Label for log lines and for telling two stacks apart (dev, test). */
  name: string;
  apiPort: number;
  dbPort: number;
  mailPort: number;
  smtpPort: number;
  /** PostgREST and the auth server listen here, behind the gateway only. */
  restPort: number;
  authPort: number;
  /** Postgres data folder; it survives restarts. */
  dataDir: string;
  /** Pid files of the parts we spawn, so a start after `kill -9` can clean up. */
  runDir: string;
  /**
   * The auth server's EC private key (a JWK), next to the data folder so that a restart
   * keeps issued tokens valid; a new database cluster gets a new key.
   */
  signingKeyPath: string;
  dbPassword: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  publishableKey: string;
  secretKey: string;
  /** Where auth emails link to (GoTrue's SITE_URL). */
  siteUrl: string;
  /** Extra redirect targets the auth server accepts (GoTrue's URI_ALLOW_LIST). */
  redirectAllowList: string[];
  /**
   * The hosted Data API option "automatically expose new tables and functions": when on,
   * `public`'s default privileges grant ALL on what `postgres` creates to anon,
   * authenticated and service_role (older and self-hosted projects); off by default, as
   * on projects created since 30 October 2026. Migrations must hold the matrix under both.
   */
  exposeNewObjects: boolean;
  projectDir: string;
  /** The bearer secret of the background-jobs runner (POST/GET /api/jobs/run). */
  jobsSecret: string;
  /** Signs links that act without a session (email unsubscribe). */
  linkSigningKey: string;
};

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a port number, got "${raw}"`);
  }
  return value;
}

function str(name: string, fallback: string): string {
  const raw = process.env[name];
  return raw === undefined || raw === "" ? fallback : raw;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

const projectDir = path.resolve(import.meta.dirname, "..");

/**
 * The stack's settings. `portBase` shifts every port together (the test run uses
 * 25321.. so that a running `npm run dev` on 54321.. is not disturbed).
 */
export function loadConfig(
  options: { name?: string; portBase?: number; dataDir?: string; siteUrl?: string } = {},
): StackConfig {
  const name = options.name ?? str("LOCAL_SUPABASE_NAME", "dev");
  const base = options.portBase ?? int("LOCAL_SUPABASE_PORT_BASE", 54321);
  const stateDir = path.join(projectDir, ".local-supabase", name);
  const appPort = int("PORT", 3000);
  const siteUrl = options.siteUrl ?? str("SITE_URL", `http://localhost:${appPort}`);
  const dataDir = options.dataDir ?? path.join(stateDir, "db");
  return {
    name,
    apiPort: int("LOCAL_SUPABASE_API_PORT", base),
    dbPort: int("LOCAL_SUPABASE_DB_PORT", base + 1),
    mailPort: int("LOCAL_SUPABASE_MAIL_PORT", base + 3),
    smtpPort: int("LOCAL_SUPABASE_SMTP_PORT", base + 4),
    restPort: int("LOCAL_SUPABASE_REST_PORT", base + 10),
    authPort: int("LOCAL_SUPABASE_AUTH_PORT", base + 11),
    dataDir,
    runDir: path.join(stateDir, "run"),
    signingKeyPath: path.join(path.dirname(dataDir), "jwt-signing-key.json"),
    dbPassword: str("LOCAL_SUPABASE_DB_PASSWORD", "postgres"),
    jwtSecret: str("JWT_SECRET", DEMO_JWT_SECRET),
    anonKey: str("ANON_KEY", DEMO_ANON_KEY),
    serviceRoleKey: str("SERVICE_ROLE_KEY", DEMO_SERVICE_ROLE_KEY),
    publishableKey: str("PUBLISHABLE_KEY", DEMO_PUBLISHABLE_KEY),
    secretKey: str("SECRET_KEY", DEMO_SECRET_KEY),
    siteUrl,
    redirectAllowList: str("ADDITIONAL_REDIRECT_URLS", `${siteUrl}/**,http://127.0.0.1:${appPort}/**`)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    exposeNewObjects: bool("LOCAL_SUPABASE_EXPOSE_NEW_OBJECTS", false),
    projectDir,
    jobsSecret: str("JOBS_SECRET", DEMO_JOBS_SECRET),
    linkSigningKey: str("LINK_SIGNING_KEY", DEMO_LINK_SIGNING_KEY),
  };
}

export function apiUrl(config: StackConfig): string {
  return `http://127.0.0.1:${config.apiPort}`;
}

/**
 * The role everything of the project runs as, as on hosted Supabase: `postgres`, which is
 * not a superuser. Migrations, the seed and the app's own database scripts use it.
 */
export function dbUrl(
  config: StackConfig,
  user = "postgres",
  password = config.dbPassword,
  database = "postgres",
): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${config.dbPort}/${database}`;
}

/**
 * The cluster's superuser, `supabase_admin`, as on hosted Supabase (where nobody but
 * Supabase holds it). Only what a hosted project never runs uses it: the local bootstrap,
 * the tests' arrange and inspect steps, and the bulk loader of the benchmarks.
 */
export function adminDbUrl(config: StackConfig, database = "postgres"): string {
  return dbUrl(config, SUPERUSER, config.dbPassword, database);
}

export const SUPERUSER = "supabase_admin";

export function mailUrl(config: StackConfig): string {
  return `http://127.0.0.1:${config.mailPort}`;
}

/** The variables of `supabase status -o env`, in its order. */
export function statusEnv(config: StackConfig): Record<string, string> {
  return {
    API_URL: apiUrl(config),
    REST_URL: `${apiUrl(config)}/rest/v1`,
    AUTH_URL: `${apiUrl(config)}/auth/v1`,
    DB_URL: dbUrl(config),
    MAILPIT_URL: mailUrl(config),
    INBUCKET_URL: mailUrl(config),
    PUBLISHABLE_KEY: config.publishableKey,
    SECRET_KEY: config.secretKey,
    ANON_KEY: config.anonKey,
    SERVICE_ROLE_KEY: config.serviceRoleKey,
    JWT_SECRET: config.jwtSecret,
    JOBS_SECRET: config.jobsSecret,
  };
}

/** The environment the Next.js app needs to talk to this stack. */
export function appEnv(config: StackConfig): Record<string, string> {
  return {
    NEXT_PUBLIC_SUPABASE_URL: apiUrl(config),
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: config.publishableKey,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: config.anonKey,
    SUPABASE_SECRET_KEY: config.secretKey,
    SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
    SUPABASE_DB_URL: dbUrl(config),
    MAILBOX_URL: mailUrl(config),
    // The app's own emails (lib/email) go to the same mailbox as the auth server's.
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(config.smtpPort),
    SMTP_SECURE: "false",
    SMTP_FROM: "Partnerdesk <no-reply@partnerdesk.local>",
    JOBS_SECRET: config.jobsSecret,
    LINK_SIGNING_KEY: config.linkSigningKey,
  };
}

/**
 * The variables supabase/config.toml reads with env(). On `supabase config push` they hold
 * the hosted project's values (set them in the shell); the local stack supplies its own,
 * over anything in the environment, so local emails never link to production.
 */
export function configTomlEnv(config: StackConfig): Record<string, string> {
  return {
    PARTNERDESK_SITE_URL: config.siteUrl,
    PARTNERDESK_REDIRECT_URLS: config.redirectAllowList.join(","),
  };
}

/**
 * Where the local auth server departs from config.toml's production values: one person
 * (or one test run) signs in again and again, so the gap between two emails to a user is
 * 1 s instead of 60 s. A GOTRUE_* variable set in the environment wins.
 */
const LOCAL_AUTH_DEFAULTS: Record<string, string> = {
  GOTRUE_MAILER_MAX_FREQUENCY: "1s",
};

/** The environment the local auth server reads its settings and config.toml's env() from. */
export function authServerEnv(config: StackConfig): Record<string, string | undefined> {
  return { ...LOCAL_AUTH_DEFAULTS, ...process.env, ...configTomlEnv(config) };
}
