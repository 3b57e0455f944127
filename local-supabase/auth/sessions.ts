import crypto from "node:crypto";
import type { Db } from "./db";
import { inetOrNull, type Request } from "./http";
import { signAccessToken, type Amr } from "./jwt";
import type { AuthSettings } from "./settings";
import { findUserById, userJson, type UserRow } from "./users";

type RefreshTokenRow = {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string;
  updated_at: Date;
  /** Seconds since the token was revoked (or last touched); used for the reuse interval. */
  age_seconds: number;
};

const INSTANCE_ID = "00000000-0000-0000-0000-000000000000";
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** GoTrue's refresh tokens are short random strings; 12 characters of [a-z0-9] as there. */
function newRefreshTokenString(): string {
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

export async function insertRefreshToken(
  db: Db,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshTokenString();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    [INSTANCE_ID, token, userId, parent, sessionId],
  );
  return token;
}

/** A new session for a sign-in, its first refresh token, and the sign-in recorded on the user. */
export async function createSession(
  db: Db,
  user: UserRow,
  method: string,
  request: Request,
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = crypto.randomUUID();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4)`,
    [sessionId, user.id, request.userAgent || null, inetOrNull(request.ip)],
  );
  await db.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, $3)`,
    [sessionId, method, crypto.randomUUID()],
  );
  const refreshToken = await insertRefreshToken(db, user.id, sessionId, null);
  await db.query("update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1", [user.id]);
  await db.query("update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'", [
    user.id,
  ]);
  return { sessionId, refreshToken };
}

export async function sessionAmr(db: Db, sessionId: string): Promise<Amr[]> {
  const { rows } = await db.query<{ method: string; at: Date }>(
    "select authentication_method as method, updated_at as at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc",
    [sessionId],
  );
  return rows.map((row) => ({ method: row.method, timestamp: Math.floor(row.at.getTime() / 1000) }));
}

/** GoTrue's CalculateAALAndAMR: a second-factor claim on the session makes it aal2, on refresh too. */
const SECOND_FACTOR_METHODS = new Set(["totp", "mfa/phone", "mfa/webauthn"]);

export function sessionLevel(amr: Amr[]): "aal1" | "aal2" {
  return amr.some((entry) => SECOND_FACTOR_METHODS.has(entry.method)) ? "aal2" : "aal1";
}

/** GoTrue's AccessTokenResponse: the Session object auth-js stores. */
export async function sessionResponse(
  db: Db,
  settings: AuthSettings,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<Record<string, unknown>> {
  const user = (await findUserById(db, userId))!;
  const amr = await sessionAmr(db, sessionId);
  const { token, expiresAt } = await signAccessToken(settings, user, sessionId, amr, sessionLevel(amr));
  return {
    access_token: token,
    token_type: "bearer",
    expires_in: settings.jwtExpSeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await userJson(db, user),
  };
}

/** The refresh token, locked, with how long ago it was last updated (revoked). */
export async function findRefreshTokenForUpdate(db: Db, token: string): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id, token, user_id, revoked, parent, session_id, updated_at,
            extract(epoch from (now() - updated_at))::float8 as age_seconds
     from auth.refresh_tokens where token = $1 for update`,
    [token],
  );
  return rows[0];
}

export type SessionValidity = "valid" | "past_not_after" | "past_timebox" | "inactive";

/**
 * GoTrue's Session.CheckValidity on refresh, the session row locked: past not_after, past
 * [auth.sessions] timebox (counted from the sign-in), or idle longer than
 * inactivity_timeout (counted from the last refresh, else from when the presented refresh
 * token was last touched, else from the sign-in). Undefined when the session is gone.
 */
export async function sessionValidity(
  db: Db,
  settings: AuthSettings,
  sessionId: string,
  refreshTokenUpdatedAt: Date,
): Promise<SessionValidity | undefined> {
  const { rows } = await db.query<{ past_not_after: boolean; past_timebox: boolean; inactive: boolean }>(
    `select coalesce(not_after < now(), false) as past_not_after,
            $2::float8 > 0 and created_at + make_interval(secs => $2::float8) < now() as past_timebox,
            $3::float8 > 0
              and coalesce(refreshed_at at time zone 'utc', greatest(created_at, $4::timestamptz))
                  + make_interval(secs => $3::float8) < now() as inactive
     from auth.sessions where id = $1 for update`,
    [sessionId, settings.sessionTimeboxMs / 1000, settings.sessionInactivityTimeoutMs / 1000, refreshTokenUpdatedAt],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.past_not_after) return "past_not_after";
  if (row.past_timebox) return "past_timebox";
  if (row.inactive) return "inactive";
  return "valid";
}

export async function activeRefreshToken(
  db: Db,
  sessionId: string,
): Promise<{ token: string; parent: string | null } | undefined> {
  const { rows } = await db.query<{ token: string; parent: string | null }>(
    "select token, parent from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1",
    [sessionId],
  );
  return rows[0];
}

export async function revokeSessionTokens(db: Db, sessionId: string): Promise<void> {
  await db.query(
    "update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false",
    [sessionId],
  );
}

export async function deleteSessions(
  db: Db,
  userId: string,
  scope: "global" | "local" | "others",
  sessionId: string | undefined,
): Promise<void> {
  if (scope === "global") {
    await db.query("delete from auth.sessions where user_id = $1", [userId]);
  } else if (scope === "local") {
    if (sessionId) await db.query("delete from auth.sessions where id = $1", [sessionId]);
  } else {
    await db.query("delete from auth.sessions where user_id = $1 and id <> $2", [
      userId,
      sessionId ?? "00000000-0000-0000-0000-000000000000",
    ]);
  }
}
