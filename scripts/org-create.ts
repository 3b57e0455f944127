/**
 * Creates an organization and its first admin on any Supabase (hosted, `supabase start`
 * or the local stack):
 *
 *   npm run org:create -- --name "Acme" --admin-email ada@acme.com [--slug acme] [--currency USD] [--time-zone America/New_York]
 *
 * Talks to the project named by NEXT_PUBLIC_SUPABASE_URL (or SUPABASE_URL) with
 * SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY); with none set, to the local stack
 * (LOCAL_SUPABASE_* as for `npm run stack`). The admin's auth user is created by
 * invitation (the email carries the sign-in link, back to the app's /auth/callback) or,
 * when it exists, looked up without emailing them or spending a code they have pending.
 */
import { parseArgs } from "node:util";
import { createClient } from "@supabase/supabase-js";
import { appEnv, loadConfig } from "../local-supabase/config";
import { authCallbackUrl } from "../lib/auth/callback-url";
import { findAuthUserIdByEmail } from "../lib/supabase/find-auth-user";

function fail(message: string): never {
  console.error(`org:create: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    "admin-email": { type: "string" },
    slug: { type: "string" },
    currency: { type: "string", default: "USD" },
    "time-zone": { type: "string", default: "UTC" },
    "site-url": { type: "string" },
  },
});
const name = values.name?.trim();
const email = values["admin-email"]?.trim().toLowerCase();
if (!name || !email)
  fail(
    'usage: npm run org:create -- --name "Acme" --admin-email ada@acme.com [--slug acme] [--currency USD] [--time-zone UTC]',
  );
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(`"${email}" is not an email address`);
const slug =
  values.slug ??
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`cannot derive a slug from "${name}"; pass --slug`);

const localConfig = loadConfig();
const local = appEnv(localConfig);
const remoteUrl = process.env.SUPABASE_URL || process.env.NEXT_PUBLIC_SUPABASE_URL;
const url = remoteUrl || local.NEXT_PUBLIC_SUPABASE_URL!;
const secret =
  process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY || local.SUPABASE_SERVICE_ROLE_KEY!;
// Without a site URL the invitation leads to the project's Site URL, where no page reads
// the session that GoTrue's default template puts in the link's fragment.
const siteUrl = values["site-url"] ?? process.env.NEXT_PUBLIC_SITE_URL ?? (remoteUrl ? undefined : localConfig.siteUrl);
const admin = createClient(url, secret, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
});

async function findOrInviteUser(): Promise<{ id: string; invited: boolean }> {
  const invited = await admin.auth.admin.inviteUserByEmail(email!, {
    redirectTo: siteUrl ? authCallbackUrl(siteUrl, "/admin/partners") : undefined,
  });
  if (!invited.error && invited.data.user) return { id: invited.data.user.id, invited: true };
  // GoTrue answers 422 email_exists for a confirmed user before it sends or stamps anything.
  if (invited.error?.code !== "email_exists") fail(`could not invite ${email}: ${invited.error?.message}`);
  const id = await findAuthUserIdByEmail(email!, { url, secretKey: secret }).catch((error: unknown) =>
    fail(`could not look up ${email}: ${error instanceof Error ? error.message : String(error)}`),
  );
  if (!id) fail(`the auth server says ${email} has an account, but its user search finds none`);
  return { id, invited: false };
}

const { data: taken } = await admin.from("organizations").select("id").eq("slug", slug).maybeSingle();
if (taken) fail(`an organization with slug "${slug}" already exists (${taken.id})`);
const user = await findOrInviteUser();
const { data: org, error: orgError } = await admin
  .from("organizations")
  .insert({ name, slug, currency: values.currency!.toUpperCase(), time_zone: values["time-zone"]! })
  .select("id")
  .single();
if (orgError || !org) fail(`could not create the organization: ${orgError?.message}`);
const { error: memberError } = await admin
  .from("org_members")
  .insert({ org_id: org.id, user_id: user.id, role: "admin" });
if (memberError) {
  await admin.from("organizations").delete().eq("id", org.id);
  fail(`could not make ${email} its admin: ${memberError.message}`);
}
console.log(`Created "${name}" (slug ${slug}, id ${org.id}) with ${email} as admin.`);
console.log(
  user.invited
    ? `An invitation email is on its way to ${email}.`
    : `${email} already had an account: they sign in as before.`,
);
