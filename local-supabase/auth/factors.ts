import crypto from "node:crypto";
import type { Db } from "./db";

/** A row of auth.mfa_factors, as far as this server reads it. */
export type FactorRow = {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: string;
  status: "unverified" | "verified";
  created_at: Date;
  updated_at: Date;
  secret: string | null;
  phone: string | null;
  last_challenged_at: Date | null;
};

export type ChallengeRow = {
  id: string;
  factor_id: string;
  created_at: Date;
  verified_at: Date | null;
  /** The verify request comes from the address that asked for the challenge. */
  same_address: boolean;
  age_seconds: number;
};

export async function userFactors(db: Db, userId: string): Promise<FactorRow[]> {
  const { rows } = await db.query<FactorRow>(
    "select * from auth.mfa_factors where user_id = $1 order by created_at, id",
    [userId],
  );
  return rows;
}

/** GoTrue's Factor JSON: the secret never leaves the server; friendly_name omitted when empty. */
export function factorJson(factor: FactorRow): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      id: factor.id,
      created_at: factor.created_at,
      updated_at: factor.updated_at,
      status: factor.status,
      friendly_name: factor.friendly_name || undefined,
      factor_type: factor.factor_type,
      phone: factor.phone ?? "",
      last_challenged_at: factor.last_challenged_at,
    }),
  ) as Record<string, unknown>;
}

/** The user's factor, or undefined when it is unknown or someone else's. */
export async function ownedFactor(db: Db, userId: string, factorId: string): Promise<FactorRow | undefined> {
  const { rows } = await db.query<FactorRow>("select * from auth.mfa_factors where id = $1 and user_id = $2", [
    factorId,
    userId,
  ]);
  return rows[0];
}

/** GoTrue's DeleteExpiredFactors: unverified factors never challenged, older than the expiry. */
export async function deleteExpiredFactors(db: Db, expirySeconds: number): Promise<void> {
  await db.query(
    `delete from auth.mfa_factors f
      where f.status <> 'verified'
        and not exists (select from auth.mfa_challenges c where c.factor_id = f.id)
        and f.created_at + make_interval(secs => $1::float8) < now()`,
    [expirySeconds],
  );
}

export async function insertTotpFactor(
  db: Db,
  userId: string,
  friendlyName: string,
  secret: string,
): Promise<FactorRow> {
  const { rows } = await db.query<FactorRow>(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4) returning *`,
    [crypto.randomUUID(), userId, friendlyName, secret],
  );
  return rows[0]!;
}

export async function insertChallenge(db: Db, factorId: string, ip: string): Promise<{ id: string; created_at: Date }> {
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3)
     returning id, created_at`,
    [crypto.randomUUID(), factorId, ip],
  );
  await db.query("update auth.mfa_factors set last_challenged_at = now() where id = $1", [factorId]);
  return rows[0]!;
}

export async function findChallenge(
  db: Db,
  factorId: string,
  challengeId: string,
  ip: string,
): Promise<ChallengeRow | undefined> {
  const { rows } = await db.query<ChallengeRow>(
    `select id, factor_id, created_at, verified_at, ip_address = $3::inet as same_address,
            extract(epoch from (now() - created_at))::float8 as age_seconds
       from auth.mfa_challenges where id = $1 and factor_id = $2 for update`,
    [challengeId, factorId, ip],
  );
  return rows[0];
}

/**
 * GoTrue's DowngradeSessionsToAAL1: the sessions that this factor raised lose its `totp`
 * claim and go back to aal1 (their tokens already issued stay valid until they expire).
 */
export async function downgradeSessions(db: Db, factor: FactorRow): Promise<void> {
  await db.query(
    `delete from auth.mfa_amr_claims where authentication_method = 'totp'
        and session_id in (select id from auth.sessions where factor_id = $1)`,
    [factor.id],
  );
  await db.query(
    "update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now() where user_id = $1 and factor_id = $2",
    [factor.user_id, factor.id],
  );
}
