import bcrypt from "bcryptjs";
import crypto from "node:crypto";
import type { Db } from "./db";
import { badRequest, unprocessable } from "./errors";
import { factorJson, userFactors } from "./factors";

/** A row of auth.users, as far as this server reads it. */
export type UserRow = {
  id: string;
  aud: string;
  role: string;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
};

type IdentityRow = {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email: string | null;
};

const INSTANCE_ID = "00000000-0000-0000-0000-000000000000";
export const DUPLICATE_EMAIL = "A user with this email address has already been registered";

export function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

/** GoTrue's IsConfirmed: the email is confirmed (this server has no phone sign-in). */
export function isConfirmed(user: UserRow): boolean {
  return user.email_confirmed_at !== null;
}

/** The throwaway password GoTrue gives a user it signs up without one (magic link, generateLink). */
export function randomPassword(): string {
  return crypto.randomBytes(33).toString("base64url");
}

/** GoTrue's validateEmail: required, at most 255 characters, a plausible address; lowercased. */
export function validateEmail(value: unknown): string {
  const email = typeof value === "string" ? value.trim() : "";
  if (email === "") throw badRequest("validation_failed", "An email address is required");
  if (email.length > 255) throw badRequest("validation_failed", "An email address is too long");
  if (
    !/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
      email,
    )
  ) {
    throw badRequest("validation_failed", "Unable to validate email address: invalid format");
  }
  return email.toLowerCase();
}

export function checkPasswordStrength(password: string, minLength: number): void {
  if (password.length < minLength) {
    throw unprocessable("weak_password", `Password should be at least ${minLength} characters.`, {
      weak_password: { reasons: ["length"] },
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export async function passwordMatches(user: UserRow, password: string): Promise<boolean> {
  if (!user.encrypted_password) return false;
  return bcrypt.compare(password, user.encrypted_password);
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const { rows } = await db.query<UserRow>("select * from auth.users where id = $1", [id]);
  return rows[0];
}

export async function findUserByEmail(db: Db, email: string, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select * from auth.users where lower(email) = lower($1) and aud = 'authenticated' and is_sso_user = false
     order by created_at limit 1${forUpdate ? " for update" : ""}`,
    [email],
  );
  return rows[0];
}

export async function loadIdentities(db: Db, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>("select * from auth.identities where user_id = $1 order by created_at", [
    userId,
  ]);
  return rows;
}

/** The User object of GoTrue's API (omitempty fields left out when unset, as GoTrue does). */
export async function userJson(db: Db, user: UserRow): Promise<Record<string, unknown>> {
  const identities = await loadIdentities(db, user.id);
  const factors = await userFactors(db, user.id);
  const body: Record<string, unknown> = {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email ?? "",
    email_confirmed_at: user.email_confirmed_at ?? undefined,
    phone: user.phone ?? "",
    confirmation_sent_at: user.confirmation_sent_at ?? undefined,
    confirmed_at: user.confirmed_at ?? undefined,
    recovery_sent_at: user.recovery_sent_at ?? undefined,
    invited_at: user.invited_at ?? undefined,
    last_sign_in_at: user.last_sign_in_at ?? undefined,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map((identity) => ({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: identity.provider,
      last_sign_in_at: identity.last_sign_in_at ?? undefined,
      created_at: identity.created_at,
      updated_at: identity.updated_at,
      email: identity.email ?? undefined,
    })),
    created_at: user.created_at,
    updated_at: user.updated_at,
    banned_until: user.banned_until ?? undefined,
    is_anonymous: user.is_anonymous,
    // GoTrue's omitempty: no key at all while the user has no factor.
    factors: factors.length > 0 ? factors.map(factorJson) : undefined,
  };
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

export type NewUser = {
  email: string;
  password?: string;
  emailConfirmed: boolean;
  invited?: boolean;
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
  bannedUntil?: Date | null;
};

/**
 * Inserts the user with plain SQL (INSERT ... RETURNING) so that the application's
 * triggers on auth.users fire as they do on Supabase, then its email identity.
 */
export async function createUser(db: Db, input: NewUser): Promise<UserRow> {
  const id = crypto.randomUUID();
  const encrypted = input.password ? await hashPassword(input.password) : "";
  const appMetadata = { provider: "email", providers: ["email"], ...(input.appMetadata ?? {}) };
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (
       instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
       confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
       phone_change, phone_change_token, reauthentication_token,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, is_sso_user, is_anonymous)
     values ($1, $2, 'authenticated', $3, $4, $5, case when $6 then now() end, case when $7 then now() end,
       '', '', '', '', '', '', '', '',
       $8, $9, now(), now(), $10, false, false)
     returning *`,
    [
      INSTANCE_ID,
      id,
      input.role ?? "authenticated",
      input.email,
      encrypted,
      input.emailConfirmed,
      input.invited ?? false,
      JSON.stringify(appMetadata),
      JSON.stringify(input.userMetadata ?? {}),
      input.bannedUntil ?? null,
    ],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::uuid, $2, 'email', now(), now(), now())`,
    [id, JSON.stringify({ sub: id, email: input.email, email_verified: input.emailConfirmed, phone_verified: false })],
  );
  return rows[0]!;
}

export async function confirmUser(db: Db, userId: string): Promise<void> {
  await db.query(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '', updated_at = now() where id = $1`,
    [userId],
  );
  await db.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
     where user_id = $1 and provider = 'email'`,
    [userId],
  );
}

export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  await db.query("update auth.users set encrypted_password = $2, updated_at = now() where id = $1", [
    userId,
    await hashPassword(password),
  ]);
}

/** GoTrue merges metadata key by key; a null value removes the key. */
export async function mergeMetadata(
  db: Db,
  userId: string,
  column: "raw_user_meta_data" | "raw_app_meta_data",
  data: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `update auth.users set ${column} = jsonb_strip_nulls(coalesce(${column}, '{}'::jsonb) || $2::jsonb), updated_at = now() where id = $1`,
    [userId, JSON.stringify(data)],
  );
}
