import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { sql } from "../../support/db";
import { testEnv } from "../../support/env";
import { mintUserJwtAt } from "../../support/jwt";
import { childValues, insertChild } from "./partner-rows";
import { insertRow } from "./rows";
import type { World } from "./world";

/** supabase-js signed in as `userId` with a token at this assurance level. */
export async function clientAtLevel(userId: string, aal: "aal1" | "aal2"): Promise<SupabaseClient> {
  const token = await mintUserJwtAt(userId, aal);
  return createClient(testEnv.apiUrl, testEnv.anonKey, {
    global: { headers: { Authorization: `Bearer ${token}` } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

export async function requireMfa(orgId: string, level: "none" | "admins" | "staff"): Promise<void> {
  await sql("update public.organizations set mfa_required = $2 where id = $1", [orgId, level]);
}

/** A TOTP factor as the auth server stores it. */
export async function addFactor(userId: string, status: "verified" | "unverified" = "verified"): Promise<string> {
  const id = randomUUID();
  await sql(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', $4, now(), now(), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')`,
    [id, userId, `Phone ${id.slice(0, 4)}`, status],
  );
  return id;
}

/** Every table a staff member reads through the API, with the filter that names our org's rows. */
export const ORG_TABLES = [
  "org_members",
  "partners",
  "partner_notes",
  "partner_referrals",
  "partner_commissions",
  "partner_tasks",
  "partner_documents",
  "partner_training",
  "partner_resources",
  "partner_activity_log",
  "audit_log",
  "partner_users",
  "partner_access",
  "partner_stats",
  "partner_metric_buckets",
] as const;

export const CHILD_TABLES = [
  "partner_referrals",
  "partner_commissions",
  "partner_tasks",
  "partner_documents",
  "partner_training",
  "partner_notes",
] as const;

/** Something in every table of our org, so "sees nothing" means something. */
export async function fillOrg(world: World): Promise<void> {
  for (const table of CHILD_TABLES) await insertChild(table, world.partners.granted);
  await insertRow("partner_resources", { org_id: world.org.id, title: "Deck", url: "https://example.test/deck" });
}

/** What the client reads of our org, table by table: rows as JSON, sorted. */
export async function readOrg(client: SupabaseClient, world: World): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  for (const table of ["organizations", ...ORG_TABLES]) {
    const column = table === "organizations" ? "id" : "org_id";
    const { data, error } = await client.from(table).select("*").eq(column, world.org.id);
    if (error) throw new Error(`${table}: ${error.code} ${error.message}`);
    seen[table] = (data ?? []).map((row) => JSON.stringify(row)).sort();
  }
  return seen;
}

export { childValues };
