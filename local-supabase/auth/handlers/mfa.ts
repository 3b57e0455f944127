import type { Context } from "../context";
import { transaction } from "../db";
import { badRequest, forbidden, internal, notFound, unprocessable } from "../errors";
import {
  deleteExpiredFactors,
  downgradeSessions,
  factorJson,
  findChallenge,
  insertChallenge,
  insertTotpFactor,
  ownedFactor,
  userFactors,
  type FactorRow,
} from "../factors";
import { requireAdmin, requireUser, type Authenticated } from "../guards";
import { json, str, type Request, type Response } from "../http";
import { activeRefreshToken, insertRefreshToken, revokeSessionTokens, sessionResponse } from "../sessions";
import { generateTotp, totpCodeValid } from "../totp";
import { findUserById } from "../users";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function sessionAal(ctx: Context, sessionId: string | undefined): Promise<string | undefined> {
  if (!sessionId) return undefined;
  const { rows } = await ctx.pool.query<{ aal: string | null }>("select aal from auth.sessions where id = $1", [
    sessionId,
  ]);
  return rows[0]?.aal ?? "aal1";
}

/** GoTrue's requireAuthentication + requireNotAnonymous for the /factors routes. */
async function factorCaller(ctx: Context, request: Request): Promise<Authenticated> {
  const caller = await requireUser(ctx, request, { rejectBanned: true });
  if (caller.claims.is_anonymous === true)
    throw forbidden("no_authorization", "Anonymous user not allowed to perform these actions");
  return caller;
}

/** GoTrue's loadFactor: a non-uuid id and another user's factor are both 404s. */
async function loadFactor(ctx: Context, userId: string, factorId: string): Promise<FactorRow> {
  if (!UUID.test(factorId)) throw notFound("validation_failed", "factor_id must be an UUID");
  const factor = await ownedFactor(ctx.pool, userId, factorId);
  if (!factor) throw notFound("mfa_factor_not_found", "Factor not found");
  return factor;
}

function factorTypeGate(ctx: Context, factorType: string, step: "enroll" | "verify"): void {
  const enabled = step === "enroll" ? ctx.settings.mfa.totpEnrollEnabled : ctx.settings.mfa.totpVerifyEnabled;
  if (factorType === "totp") {
    if (!enabled)
      throw unprocessable(
        step === "enroll" ? "mfa_totp_enroll_not_enabled" : "mfa_totp_verify_not_enabled",
        step === "enroll" ? "MFA enroll is disabled for TOTP" : "MFA verification is disabled for TOTP",
      );
    return;
  }
  // This server has no phone or WebAuthn factors: they answer as a project that turned them off.
  if (factorType === "phone")
    throw unprocessable(
      step === "enroll" ? "mfa_phone_enroll_not_enabled" : "mfa_phone_verify_not_enabled",
      step === "enroll" ? "MFA enroll is disabled for Phone" : "MFA verification is disabled for Phone",
    );
  if (factorType === "webauthn")
    throw unprocessable(
      step === "enroll" ? "mfa_webauthn_enroll_not_enabled" : "mfa_webauthn_verify_not_enabled",
      step === "enroll" ? "MFA enroll is disabled for WebAuthn" : "MFA verification is disabled for WebAuthn",
    );
  throw badRequest("validation_failed", "factor_type needs to be totp, phone, or webauthn");
}

/** POST /factors: a new, unverified TOTP factor with its secret, URI and QR code. */
export async function enroll(ctx: Context, request: Request): Promise<Response> {
  const { user, sessionId } = await factorCaller(ctx, request);
  if (!sessionId) throw internal("A valid session and a registered user are required to enroll a factor");
  factorTypeGate(ctx, str(request.body.factor_type), "enroll");
  const friendlyName = str(request.body.friendly_name);
  const issuer = str(request.body.issuer) || new URL(ctx.settings.siteUrl).host;

  await deleteExpiredFactors(ctx.pool, ctx.settings.mfa.factorExpirySeconds);
  const factors = await userFactors(ctx.pool, user.id);
  if (factors.some((factor) => (factor.friendly_name ?? "") === friendlyName)) {
    throw unprocessable(
      "mfa_factor_name_conflict",
      `A factor with the friendly name "${friendlyName}" for this user already exists`,
    );
  }
  const verified = factors.filter((factor) => factor.status === "verified").length;
  if (factors.length >= ctx.settings.mfa.maxEnrolledFactors || verified >= ctx.settings.mfa.maxVerifiedFactors) {
    throw unprocessable(
      "too_many_enrolled_mfa_factors",
      "Maximum number of verified factors reached, unenroll to continue",
    );
  }
  if (verified > 0 && (await sessionAal(ctx, sessionId)) !== "aal2") {
    throw forbidden("insufficient_aal", "AAL2 required to enroll a new factor");
  }

  const totp = await generateTotp(issuer, user.email ?? "");
  const factor = await insertTotpFactor(ctx.pool, user.id, friendlyName, totp.secret);
  return json({
    id: factor.id,
    type: "totp",
    friendly_name: factor.friendly_name ?? "",
    totp: { qr_code: totp.qrCode, secret: totp.secret, uri: totp.uri },
  });
}

/** POST /factors/:id/challenge: a challenge tied to the caller's address, for 300 s. */
export async function challenge(ctx: Context, request: Request, factorId: string): Promise<Response> {
  const { user } = await factorCaller(ctx, request);
  const factor = await loadFactor(ctx, user.id, factorId);
  factorTypeGate(ctx, factor.factor_type, "verify");
  const created = await transaction(ctx.pool, (db) => insertChallenge(db, factor.id, request.ip || "0.0.0.0"));
  return json({
    id: created.id,
    type: factor.factor_type,
    expires_at: Math.floor(created.created_at.getTime() / 1000) + ctx.settings.mfa.challengeExpirySeconds,
  });
}

/**
 * POST /factors/:id/verify: a right code for a live challenge from the same address raises
 * this session to aal2 with a `totp` claim and a fresh refresh token, verifies the factor,
 * ends the user's sessions below aal2 and removes their other unverified TOTP factors.
 */
export async function verify(ctx: Context, request: Request, factorId: string): Promise<Response> {
  const { user, sessionId } = await factorCaller(ctx, request);
  const factor = await loadFactor(ctx, user.id, factorId);
  const code = str(request.body.code);
  if (code === "") throw badRequest("validation_failed", "Code needs to be non-empty");
  factorTypeGate(ctx, factor.factor_type, "verify");
  if (!sessionId) throw internal("Cannot read SessionId claim as UUID");
  const challengeId = str(request.body.challenge_id);

  const outcome = await transaction(ctx.pool, async (db) => {
    const found = UUID.test(challengeId)
      ? await findChallenge(db, factor.id, challengeId, request.ip || "0.0.0.0")
      : undefined;
    if (!found) {
      return unprocessable("mfa_factor_not_found", "MFA factor with the provided challenge ID not found");
    }
    if (found.verified_at !== null || !found.same_address) {
      return unprocessable("mfa_ip_address_mismatch", "Challenge and verify IP addresses mismatch.");
    }
    if (found.age_seconds > ctx.settings.mfa.challengeExpirySeconds) {
      await db.query("delete from auth.mfa_challenges where id = $1", [found.id]);
      return unprocessable(
        "mfa_challenge_expired",
        `MFA challenge ${found.id} has expired, verify against another challenge or create a new challenge.`,
      );
    }
    if (!totpCodeValid(factor.secret ?? "", code)) {
      return unprocessable("mfa_verification_failed", "Invalid TOTP code entered");
    }
    await db.query("update auth.mfa_challenges set verified_at = now() where id = $1", [found.id]);
    if (factor.status !== "verified") {
      await db.query("update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1", [factor.id]);
    }
    await db.query(
      `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
       values ($1, now(), now(), 'totp', gen_random_uuid())
       on conflict (session_id, authentication_method) do update set updated_at = excluded.updated_at`,
      [sessionId],
    );
    await db.query("update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1", [
      sessionId,
      factor.id,
    ]);
    const current = await activeRefreshToken(db, sessionId);
    await revokeSessionTokens(db, sessionId);
    const refreshToken = await insertRefreshToken(db, user.id, sessionId, current?.token ?? null);
    await db.query("delete from auth.sessions where user_id = $1 and aal < 'aal2'", [user.id]);
    await db.query("delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = $2", [
      user.id,
      factor.factor_type,
    ]);
    return sessionResponse(db, ctx.settings, user.id, sessionId, refreshToken);
  });
  // The expired challenge's deletion is kept; the refusal is raised after the commit.
  if (outcome instanceof Error) throw outcome;
  return json(outcome);
}

/** DELETE /factors/:id: a verified factor needs an aal2 session; its sessions fall back to aal1. */
export async function unenroll(ctx: Context, request: Request, factorId: string): Promise<Response> {
  const { user, sessionId } = await factorCaller(ctx, request);
  const factor = await loadFactor(ctx, user.id, factorId);
  if (!sessionId) throw internal("A valid session and factor are required to unenroll a factor");
  if (factor.status === "verified" && (await sessionAal(ctx, sessionId)) !== "aal2") {
    throw unprocessable("insufficient_aal", "AAL2 required to unenroll verified factor");
  }
  await transaction(ctx.pool, async (db) => {
    await downgradeSessions(db, factor);
    await db.query("delete from auth.mfa_factors where id = $1", [factor.id]);
  });
  return json({ id: factor.id });
}

async function adminTarget(ctx: Context, request: Request, userId: string) {
  await requireAdmin(ctx, request);
  if (!UUID.test(userId)) throw notFound("validation_failed", "user_id must be an UUID");
  const user = await findUserById(ctx.pool, userId);
  if (!user) throw notFound("user_not_found", "User not found");
  return user;
}

/** GET /admin/users/:id/factors */
export async function adminListFactors(ctx: Context, request: Request, userId: string): Promise<Response> {
  const user = await adminTarget(ctx, request, userId);
  return json((await userFactors(ctx.pool, user.id)).map(factorJson));
}

/** DELETE /admin/users/:id/factors/:factor_id: the factor is gone and its sessions fall back to aal1. */
export async function adminDeleteFactor(
  ctx: Context,
  request: Request,
  userId: string,
  factorId: string,
): Promise<Response> {
  const user = await adminTarget(ctx, request, userId);
  const factor = await loadFactor(ctx, user.id, factorId);
  await transaction(ctx.pool, async (db) => {
    await downgradeSessions(db, factor);
    await db.query("delete from auth.mfa_factors where id = $1", [factor.id]);
  });
  return json(factorJson(factor));
}
