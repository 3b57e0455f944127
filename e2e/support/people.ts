import { createClient } from "@supabase/supabase-js";
import pg from "pg";

/** Seeded Acme (supabase/seed.sql); each test makes its own partners and people in it. */
export const ACME = "00000000-0000-4000-8000-00000000ac01";

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

export function adminApi() {
  return createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

export async function createPartner(label: string): Promise<{ id: string; name: string }> {
  const name = unique(label);
  const id = await withDb(
    async (db) =>
      (
        await db.query("insert into public.partners (org_id, name, status) values ($1, $2, 'active') returning id", [
          ACME,
          name,
        ])
      ).rows[0].id as string,
  );
  return { id, name };
}

/** A confirmed auth user with no rows of the app (someone with an account, neither staff nor partner user). */
export async function createAccount(
  label: string,
  password?: string,
): Promise<{ id: string; email: string; name: string }> {
  const email = `${unique(label.toLowerCase())}@partner.test`;
  const name = `${label} ${email.slice(label.length + 1, label.length + 7)}`;
  const { data, error } = await adminApi().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { display_name: name },
  });
  if (error || !data.user) throw error ?? new Error("createUser returned no user");
  return { id: data.user.id, email, name };
}

/** An account and its partner_users row in Acme (partner users sign in by email link). */
export async function createPartnerUser(label: string): Promise<{ id: string; email: string; name: string }> {
  const account = await createAccount(label);
  await withDb((db) =>
    db.query("insert into public.partner_users (id, org_id, email, name) values ($1, $2, $3, $4)", [
      account.id,
      ACME,
      account.email,
      account.name,
    ]),
  );
  return account;
}

export async function grant(partnerUserId: string, partnerId: string): Promise<string> {
  return withDb(
    async (db) =>
      (
        await db.query(
          "insert into public.partner_access (org_id, partner_id, partner_user_id, scope) values ($1, $2, $3, '{referrals}') returning id",
          [ACME, partnerId, partnerUserId],
        )
      ).rows[0].id as string,
  );
}

/** A staff member of Acme with a password, of their own so a test may end their sessions. */
export async function createStaffMember(
  label: string,
  password: string,
  role: "admin" | "manager" | "member" = "member",
): Promise<{ id: string; email: string }> {
  const account = await createAccount(label, password);
  await withDb((db) =>
    db.query("insert into public.org_members (org_id, user_id, role) values ($1, $2, $3)", [ACME, account.id, role]),
  );
  return account;
}
