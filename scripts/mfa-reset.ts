/**
 * Removes every authenticator of one person, for when the last admin of an organization
 * has lost their device and no other admin can reset them from the Members page:
 *
 *   npm run mfa:reset -- --email ada@acme.com
 *
 * Talks to the project named by NEXT_PUBLIC_SUPABASE_URL (or SUPABASE_URL) with
 * SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY); with none set, to the local stack
 * (LOCAL_SUPABASE_* as for `npm run stack`). The person signs in with their password next
 * and is led to set up a new authenticator where their organization requires one.
 *
 * Each organization the person is staff of gets an audit entry (org_member.mfa_reset, by
 * "a server task", with the number removed), written once the auth server has removed them.
 */
import { parseArgs } from "node:util";
import { createClient } from "@supabase/supabase-js";
import { appEnv, loadConfig } from "../local-supabase/config";
import { findAuthUserIdByEmail } from "../lib/supabase/find-auth-user";

function fail(message: string): never {
  console.error(`mfa:reset: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { email: { type: "string" } } });
const email = values.email?.trim().toLowerCase();
if (!email) fail("usage: npm run mfa:reset -- --email ada@acme.com");
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(`"${email}" is not an email address`);

const local = appEnv(loadConfig());
const url = process.env.SUPABASE_URL || process.env.NEXT_PUBLIC_SUPABASE_URL || local.NEXT_PUBLIC_SUPABASE_URL!;
const secret =
  process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY || local.SUPABASE_SERVICE_ROLE_KEY!;
const admin = createClient(url, secret, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
});

const userId = await findAuthUserIdByEmail(email, { url, secretKey: secret }).catch((error: unknown) =>
  fail(`could not look up ${email}: ${error instanceof Error ? error.message : String(error)}`),
);
if (!userId) fail(`no account has the email ${email}`);

const listed = await admin.auth.admin.mfa.listFactors({ userId });
if (listed.error) fail(`could not list the authenticators of ${email}: ${listed.error.message}`);
for (const factor of listed.data.factors) {
  const deleted = await admin.auth.admin.mfa.deleteFactor({ userId, id: factor.id });
  if (deleted.error) fail(`could not remove "${factor.friendly_name ?? factor.id}": ${deleted.error.message}`);
}
const count = listed.data.factors.length;
if (count > 0) {
  const recorded = await admin.rpc("record_operator_mfa_reset", { p_user_id: userId, p_removed: count });
  if (recorded.error)
    fail(
      `removed ${count} authenticator${count === 1 ? "" : "s"} of ${email}, but could not write the audit entry: ${recorded.error.message}`,
    );
}
console.log(
  count === 0
    ? `${email} has no authenticator: nothing to remove.`
    : `Removed ${count} authenticator${count === 1 ? "" : "s"} of ${email}. They sign in with their password and set up a new one.`,
);
