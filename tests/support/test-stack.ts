import fs from "node:fs";
import { adminDbUrl, appEnv, loadConfig, SUPERUSER } from "../../local-supabase/config";
import { withClient } from "../../local-supabase/database";
import { startStack } from "../../local-supabase/stack";

/**
 * The stack the tests run against: same parts as `npm run dev`, on ports of its own
 * (25321.. unless TEST_PORT_BASE says otherwise) and a throwaway data folder, so a
 * running dev stack is not disturbed and every run starts from migrations and seed.
 */
export function testStackConfig() {
  const portBase = testPortBase();
  // Auth emails link to the app that the end-to-end tests run (next start on E2E_PORT).
  return loadConfig({ name: `test-${portBase}`, portBase, siteUrl: `http://localhost:${e2ePort()}` });
}

/**
 * Where the test stack's ports start. Below Linux's ephemeral range (32768-60999), so an
 * outgoing connection can never have taken one of them between the check and the bind.
 */
export function testPortBase(): number {
  return Number(process.env.TEST_PORT_BASE ?? 25321);
}

/** The port of the production build the end-to-end tests drive. */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

/** Environment variables tests read to reach the stack (see tests/support/env.ts). */
export function testStackEnv(config = testStackConfig()): Record<string, string> {
  return {
    ...appEnv(config),
    SUPABASE_JWT_SECRET: config.jwtSecret,
    // Arrange and inspect steps only: what a hosted project's developer never holds.
    SUPABASE_ADMIN_DB_URL: adminDbUrl(config),
    TEST_STACK_NAME: config.name,
    // The app reads the client's address from this header alone, so a test can be many clients.
    TRUSTED_PROXY_HEADER: "x-test-client-ip",
    // Webhook tests deliver to receivers on this machine (127.0.0.1:21900.. and the like).
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
  };
}

/**
 * Every end-to-end sign-in reaches the auth server from one address (the Next server),
 * so GoTrue's per-IP limits would throttle a full test run. The test stack raises them
 * unless the caller set them; the rate-limit tests use an auth server of their own.
 */
export function relaxAuthRateLimits(): void {
  const limits = {
    GOTRUE_RATE_LIMIT_TOKEN: "5000",
    GOTRUE_RATE_LIMIT_OTP: "1000",
    GOTRUE_RATE_LIMIT_VERIFY: "1000",
    GOTRUE_RATE_LIMIT_RECOVER: "1000",
    GOTRUE_RATE_LIMIT_USER_UPDATE: "1000",
  };
  for (const [name, value] of Object.entries(limits)) process.env[name] ??= value;
  // The outage test pauses PostgREST; the gateway then answers 502 after this much silence.
  process.env.LOCAL_GATEWAY_UPSTREAM_TIMEOUT_MS ??= "8000";
}

/**
 * The database's own abuse limits (private.rate_limit_rules), loosened the same way for the
 * browser tests: they all come from one address, and ask for links to the same demo
 * accounts many times an hour. Per-account limits stay as shipped; tests of the limits read
 * the rules they run under.
 */
export async function relaxAbuseLimits(config = testStackConfig()): Promise<void> {
  await withClient(
    config,
    "postgres",
    (client) =>
      client.query(
        `update private.rate_limit_rules set max_hits = max_hits * 20
          where kind in ('password.address', 'otp_request.email', 'otp_request.address', 'otp_verify.address',
                         'recover.address', 'write.user', 'portal_event.user')`,
      ),
    SUPERUSER,
  );
}

/** Starts a fresh test stack unless one was already provided (by `npm test`). */
export async function ensureTestStack(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  if (process.env.TEST_STACK_NAME) {
    return { env: {}, stop: async () => {} };
  }
  const config = testStackConfig();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  relaxAuthRateLimits();
  const stack = await startStack(config, { durable: false, log: () => {} });
  await relaxAbuseLimits(config);
  const env = testStackEnv(config);
  Object.assign(process.env, env);
  return { env, stop: stack.stop };
}
