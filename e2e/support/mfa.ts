import { createClient } from "@supabase/supabase-js";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { DEMO_PASSWORD } from "./auth";

/** The code an authenticator app shows for this secret now. */
export function totpCode(secret: string): string {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
}

/** A code that is not the current one nor its neighbours. */
export function wrongCode(secret: string): string {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  const near = new Set([-30_000, 0, 30_000].map((shift) => totp.generate({ timestamp: Date.now() + shift })));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}

export const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

function adminApi() {
  return createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** An organization of the test's own, so changing its requirement touches no other spec. */
export async function createOrg(label: string): Promise<string> {
  const slug = unique(label);
  return withDb(
    async (db) =>
      (
        await db.query(
          "insert into public.organizations (name, slug, currency, time_zone) values ($1, $2, 'EUR', 'Europe/Paris') returning id",
          [`${label} ${slug}`, slug],
        )
      ).rows[0].id as string,
  );
}

/** A confirmed person with the demo password, staff of the org in this role. */
export async function addStaff(orgId: string, role: string, label: string): Promise<{ id: string; email: string }> {
  const email = `${unique(label)}@mfa.test`;
  const { data, error } = await adminApi().auth.admin.createUser({
    email,
    password: DEMO_PASSWORD,
    email_confirm: true,
    user_metadata: { display_name: label },
  });
  if (error || !data.user) throw error ?? new Error("no user");
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, $3)", [orgId, data.user.id, role]),
  );
  return { id: data.user.id, email };
}

/** Sets up and verifies an authenticator for the person through the auth API, as the page would. */
export async function enrolThroughApi(email: string, friendlyName = "Phone"): Promise<string> {
  const client = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const signIn = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (signIn.error) throw signIn.error;
  const enrolled = await client.auth.mfa.enroll({ factorType: "totp", friendlyName });
  if (enrolled.error) throw enrolled.error;
  const verified = await client.auth.mfa.challengeAndVerify({
    factorId: enrolled.data.id,
    code: totpCode(enrolled.data.totp.secret),
  });
  if (verified.error) throw verified.error;
  await client.auth.signOut();
  return enrolled.data.totp.secret;
}

export async function factorCount(userId: string): Promise<number> {
  return withDb(async (db) =>
    Number((await db.query("select count(*) from auth.mfa_factors where user_id = $1", [userId])).rows[0].count),
  );
}
