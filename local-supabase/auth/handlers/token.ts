import type { Context } from "../context";
import { transaction } from "../db";
import { ApiError, badRequest, unprocessable } from "../errors";
import { exchangeAuthCode } from "../flow-state";
import { inetOrNull, json, str, type Request, type Response } from "../http";
import {
  activeRefreshToken,
  createSession,
  findRefreshTokenForUpdate,
  insertRefreshToken,
  revokeSessionTokens,
  sessionResponse,
  sessionValidity,
} from "../sessions";
import { findUserByEmail, findUserById, isBanned, passwordMatches } from "../users";

/** POST /token?grant_type=password|refresh_token|pkce */
export async function token(ctx: Context, request: Request): Promise<Response> {
  const grant = request.query.get("grant_type") ?? "";
  if (grant === "password") return passwordGrant(ctx, request);
  if (grant === "refresh_token") return refreshGrant(ctx, request);
  if (grant === "pkce") return pkceGrant(ctx, request);
  throw badRequest("invalid_credentials", "unsupported_grant_type");
}

/**
 * GoTrue's ResourceOwnerPasswordGrant, in its order: an unknown email and a user without
 * a password are invalid_credentials before any ban is looked at, then the ban (before
 * the password), then the password, then the email's confirmation.
 */
async function passwordGrant(ctx: Context, request: Request): Promise<Response> {
  const email = str(request.body.email).trim();
  const password = str(request.body.password);
  const phone = str(request.body.phone);
  if (email !== "" && phone !== "") {
    throw badRequest("validation_failed", "Only an email address or phone number should be provided on login.");
  }
  if (email === "" && phone === "") throw badRequest("validation_failed", "missing email or phone");
  if (email === "") throw unprocessable("phone_provider_disabled", "Phone logins are disabled");
  const invalid = () => badRequest("invalid_credentials", "Invalid login credentials");
  const user = await findUserByEmail(ctx.pool, email);
  if (!user || !user.encrypted_password) throw invalid();
  if (isBanned(user)) throw badRequest("user_banned", "User is banned");
  if (!(await passwordMatches(user, password))) throw invalid();
  if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");
  const session = await transaction(ctx.pool, async (db) => {
    const { sessionId, refreshToken } = await createSession(db, user, "password", request);
    return sessionResponse(db, ctx.settings, user.id, sessionId, refreshToken);
  });
  return json(session);
}

/**
 * Refresh token rotation as GoTrue does it: each refresh revokes the token and issues its
 * child; the parent of the live token may be replayed (the client lost the answer) and
 * gets the live token back; any other spent token replayed after the reuse interval
 * revokes every token of the session and is refused.
 */
async function refreshGrant(ctx: Context, request: Request): Promise<Response> {
  const presented = str(request.body.refresh_token);
  if (presented === "") throw badRequest("validation_failed", "refresh_token required");
  let refused: ApiError | undefined;
  const session = await transaction(ctx.pool, async (db) => {
    const token = await findRefreshTokenForUpdate(db, presented);
    const notFound = () => badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    if (!token) throw notFound();
    const user = await findUserById(db, token.user_id);
    if (!user) throw notFound();
    if (isBanned(user)) throw badRequest("user_banned", "Invalid Refresh Token: User Banned");
    const validity = await sessionValidity(db, ctx.settings, token.session_id, token.updated_at);
    if (!validity) throw badRequest("session_not_found", "Invalid Refresh Token: No Valid Session Found");
    if (validity === "inactive") {
      throw badRequest("session_expired", "Invalid Refresh Token: Session Expired (Inactivity)");
    }
    if (validity !== "valid") throw badRequest("session_expired", "Invalid Refresh Token: Session Expired");

    let issued: string | undefined;
    if (token.revoked) {
      const active = await activeRefreshToken(db, token.session_id);
      if (active && active.parent === token.token) {
        issued = active.token;
      } else if (token.age_seconds > ctx.settings.refreshTokenReuseSeconds) {
        await revokeSessionTokens(db, token.session_id);
        // Committed with the revocation: the session's tokens stay dead.
        refused = badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used");
        return undefined;
      }
    }
    if (!issued) {
      await db.query("update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1", [token.id]);
      issued = await insertRefreshToken(db, user.id, token.session_id, token.token);
    }
    await db.query(
      "update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), user_agent = $2, ip = $3 where id = $1",
      [token.session_id, request.userAgent || null, inetOrNull(request.ip)],
    );
    return sessionResponse(db, ctx.settings, user.id, token.session_id, issued);
  });
  if (refused) throw refused;
  return json(session);
}

async function pkceGrant(ctx: Context, request: Request): Promise<Response> {
  const session = await transaction(ctx.pool, async (db) => {
    const { userId, method } = await exchangeAuthCode(
      db,
      ctx.settings,
      str(request.body.auth_code),
      str(request.body.code_verifier),
    );
    const user = await findUserById(db, userId);
    if (!user) throw badRequest("user_not_found", "User not found");
    if (isBanned(user)) throw badRequest("user_banned", "User is banned");
    const { sessionId, refreshToken } = await createSession(db, user, method, request);
    return sessionResponse(db, ctx.settings, user.id, sessionId, refreshToken);
  });
  return json(session);
}
