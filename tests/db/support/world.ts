import { randomUUID } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import { sql } from "../../support/db";
import { anonClient, clientAs, serviceClient } from "./clients";
import { insertRow, token, type Row } from "./rows";

/**
 * The people of one test file, made directly in SQL as superuser:
 * staff of our org (one per role), a stranger (admin of another org), partner users
 * of our org with grants on the `granted` partner (all scopes, one scope each, and the
 * edges: a grant that starts tomorrow, one that ended, one revoked, an inactive user),
 * a partner user of the other org, and anon.
 */
export const STAFF_ROLES = ["admin", "manager", "member", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const SCOPES = ["referrals", "commissions", "documents", "training", "activity"] as const;
export type Scope = (typeof SCOPES)[number];

export const PERSONAS = [
  "admin",
  "manager",
  "member",
  "viewer",
  "stranger",
  "partner",
  "partnerOverview",
  "partnerReferrals",
  "partnerCommissions",
  "partnerDocuments",
  "partnerTraining",
  "partnerActivity",
  "partnerFuture",
  "partnerEnded",
  "partnerRevoked",
  "partnerInactive",
  "strangerPartner",
  "anon",
] as const;
export type PersonaName = (typeof PERSONAS)[number];

export type Persona = {
  name: PersonaName;
  kind: "staff" | "partner" | "anon";
  /** auth.users id; empty for anon. */
  id: string;
  email: string;
  client: SupabaseClient;
};

export type Org = { id: string; slug: string; name: string; currency: string };

export type World = {
  org: Org;
  otherOrg: Org;
  /** Partners of `org`: `granted` is the one every partner persona holds a grant on. */
  partners: { granted: string; sibling: string; foreign: string };
  people: Record<PersonaName, Persona>;
  /** supabase-js as service_role. */
  service: SupabaseClient;
};

const PARTNER_GRANTS: Record<
  Extract<PersonaName, `partner${string}`>,
  { scope: readonly Scope[]; startsAt?: string; endsAt?: string; revoked?: boolean; inactive?: boolean }
> = {
  partner: { scope: SCOPES },
  partnerOverview: { scope: [] },
  partnerReferrals: { scope: ["referrals"] },
  partnerCommissions: { scope: ["commissions"] },
  partnerDocuments: { scope: ["documents"] },
  partnerTraining: { scope: ["training"] },
  partnerActivity: { scope: ["activity"] },
  partnerFuture: { scope: SCOPES, startsAt: "tomorrow" },
  partnerEnded: { scope: SCOPES, startsAt: "last month", endsAt: "yesterday" },
  partnerRevoked: { scope: SCOPES, revoked: true },
  partnerInactive: { scope: SCOPES, inactive: true },
};

function instant(when: string | undefined): Date | null {
  const day = 24 * 3600 * 1000;
  switch (when) {
    case undefined:
      return null;
    case "tomorrow":
      return new Date(Date.now() + day);
    case "yesterday":
      return new Date(Date.now() - day);
    case "last month":
      return new Date(Date.now() - 30 * day);
    default:
      return new Date(when);
  }
}

/**
 * An auth.users row as GoTrue leaves it (token columns as empty strings), inserted so
 * that the project's triggers on auth.users (profiles) fire as on sign-up.
 */
export async function createAuthUser(email: string, name: string): Promise<string> {
  const id = randomUUID();
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       confirmation_token, recovery_token, email_change_token_new, email_change,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', now(),
       '', '', '', '', '{"provider":"email","providers":["email"]}', $3, now(), now())`,
    [id, email, JSON.stringify({ name, full_name: name, display_name: name })],
  );
  return id;
}

export async function createOrg(label: string): Promise<Org> {
  const slug = `${label}-${token()}`;
  const row = await insertRow("organizations", {
    name: `${label} ${slug}`,
    slug,
    currency: "EUR",
    time_zone: "Europe/Paris",
  });
  return { id: row.id as string, slug, name: row.name as string, currency: "EUR" };
}

export async function createStaff(
  orgId: string,
  role: StaffRole,
  label: string,
): Promise<{ id: string; email: string }> {
  const email = `${label}-${token()}@staff.test`;
  const id = await createAuthUser(email, `${label} staff`);
  await insertRow("org_members", { org_id: orgId, user_id: id, role });
  return { id, email };
}

export async function createPartner(orgId: string, values: Row = {}): Promise<Row> {
  return insertRow("partners", {
    org_id: orgId,
    name: `Partner ${token()}`,
    status: "active",
    tier: "silver",
    ...values,
  });
}

export async function createPartnerUser(
  orgId: string,
  label: string,
  options: { inactive?: boolean; createdBy?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = `${label.toLowerCase()}-${token()}@partner.test`;
  const id = await createAuthUser(email, `${label} partner user`);
  await insertRow("partner_users", {
    id,
    org_id: orgId,
    email,
    name: `${label} partner user`,
    is_active: !options.inactive,
    created_by: options.createdBy ?? null,
  });
  return { id, email };
}

export async function grantAccess(
  userId: string,
  partnerId: string,
  grant: {
    scope: readonly string[];
    startsAt?: Date | null;
    endsAt?: Date | null;
    revokedAt?: Date | null;
    grantedBy?: string | null;
  },
): Promise<Row> {
  const [partner] = await sql<{ org_id: string }>("select org_id from public.partners where id = $1", [partnerId]);
  return insertRow("partner_access", {
    org_id: partner!.org_id,
    partner_user_id: userId,
    partner_id: partnerId,
    scope: grant.scope,
    granted_by: grant.grantedBy ?? null,
    starts_at: grant.startsAt ?? null,
    ends_at: grant.endsAt ?? null,
    revoked_at: grant.revokedAt ?? null,
  });
}

/** Builds a fresh world: two orgs, three partners, every persona with its client. */
export async function createWorld(label = "test"): Promise<World> {
  const [org, otherOrg] = await Promise.all([createOrg(label), createOrg(`${label}-other`)]);
  const staff = {} as Record<StaffRole | "stranger", { id: string; email: string }>;
  for (const role of STAFF_ROLES) staff[role] = await createStaff(org.id, role, role);
  staff.stranger = await createStaff(otherOrg.id, "admin", "stranger");

  const granted = await createPartner(org.id, {
    tier: "silver",
    owner_id: staff.member.id,
    name: `Granted ${token()}`,
  });
  const sibling = await createPartner(org.id, {
    tier: "platinum",
    owner_id: staff.manager.id,
    name: `Sibling ${token()}`,
  });
  const foreign = await createPartner(otherOrg.id, {
    tier: "platinum",
    owner_id: staff.stranger.id,
    name: `Foreign ${token()}`,
  });

  const people = {} as Record<PersonaName, Persona>;
  for (const name of [...STAFF_ROLES, "stranger"] as const) {
    const { id, email } = staff[name];
    people[name] = { name, kind: "staff", id, email, client: await clientAs(id) };
  }
  for (const [name, grant] of Object.entries(PARTNER_GRANTS) as [
    keyof typeof PARTNER_GRANTS,
    (typeof PARTNER_GRANTS)[keyof typeof PARTNER_GRANTS],
  ][]) {
    const { id, email } = await createPartnerUser(org.id, name, {
      inactive: grant.inactive,
      createdBy: staff.admin.id,
    });
    await grantAccess(id, granted.id as string, {
      scope: grant.scope,
      startsAt: instant(grant.startsAt),
      endsAt: instant(grant.endsAt),
      revokedAt: grant.revoked ? new Date(Date.now() - 3600_000) : null,
      grantedBy: staff.admin.id,
    });
    people[name] = { name, kind: "partner", id, email, client: await clientAs(id) };
  }
  {
    const { id, email } = await createPartnerUser(otherOrg.id, "strangerPartner", { createdBy: staff.stranger.id });
    await grantAccess(id, foreign.id as string, { scope: SCOPES, grantedBy: staff.stranger.id });
    people.strangerPartner = { name: "strangerPartner", kind: "partner", id, email, client: await clientAs(id) };
  }
  people.anon = { name: "anon", kind: "anon", id: "", email: "", client: anonClient() };

  return {
    org,
    otherOrg,
    partners: { granted: granted.id as string, sibling: sibling.id as string, foreign: foreign.id as string },
    people,
    service: serviceClient(),
  };
}
