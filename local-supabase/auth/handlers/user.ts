import type { Context } from "../context";
import { transaction } from "../db";
import { badRequest, forbidden, unprocessable } from "../errors";
import { requireUser } from "../guards";
import { noContent, json, record, type Request, type Response } from "../http";
import { deleteSessions, sessionAmr } from "../sessions";
import { checkPasswordStrength, findUserById, mergeMetadata, passwordMatches, setPassword, userJson } from "../users";

/** GET /user: the signed-in user, read fresh from the database. */
export async function getUser(ctx: Context, request: Request): Promise<Response> {
  const { claims, user } = await requireUser(ctx, request, { rejectBanned: true });
  const audience = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (audience !== "authenticated")
    throw badRequest("validation_failed", "Token audience doesn't match request audience");
  return json(await userJson(ctx.pool, user));
}

/**
 * PUT /user: password and user_metadata. A new password ends the user's other sessions and,
 * when required, must come with the current one (GoTrue's error codes and messages).
 */
export async function updateUser(ctx: Context, request: Request): Promise<Response> {
  const { user, sessionId } = await requireUser(ctx, request, { rejectBanned: true });
  const body = request.body;
  if (body.app_metadata !== undefined) throw forbidden("not_admin", "Updating app_metadata requires admin privileges");
  if (typeof body.email === "string" && body.email !== "" && body.email.toLowerCase() !== user.email) {
    throw unprocessable("validation_failed", "Changing the email address is not supported by the local auth server");
  }
  const password = typeof body.password === "string" ? body.password : undefined;
  if (password !== undefined) {
    checkPasswordStrength(password, ctx.settings.minPasswordLength);
    if (ctx.settings.requireCurrentPassword && hasPassword(user) && !(await isRecoverySession(ctx, sessionId))) {
      const current = typeof body.current_password === "string" ? body.current_password : "";
      if (current === "")
        throw badRequest("current_password_required", "Current password required when setting new password.");
      if (!(await passwordMatches(user, current)))
        throw badRequest("current_password_invalid", "Current password required when setting new password.");
    }
    if (await passwordMatches(user, password)) {
      throw unprocessable("same_password", "New password should be different from the old password.");
    }
  }
  const data = record(body.data);
  const updated = await transaction(ctx.pool, async (db) => {
    if (password !== undefined) {
      await setPassword(db, user.id, password);
      await deleteSessions(db, user.id, sessionId ? "others" : "global", sessionId);
    }
    if (data) await mergeMetadata(db, user.id, "raw_user_meta_data", data);
    return userJson(db, (await findUserById(db, user.id))!);
  });
  return json(updated);
}

function hasPassword(user: { encrypted_password: string | null }): boolean {
  return !!user.encrypted_password;
}

/** GoTrue's Session.IsRecovery: signed in by a one-time code, a magic link or a recovery link. */
const RECOVERY_METHODS = new Set(["otp", "magiclink", "recovery"]);

async function isRecoverySession(ctx: Context, sessionId: string | undefined): Promise<boolean> {
  if (!sessionId) return false;
  return (await sessionAmr(ctx.pool, sessionId)).some((entry) => RECOVERY_METHODS.has(entry.method));
}

/** POST /logout?scope=global|local|others */
export async function logout(ctx: Context, request: Request): Promise<Response> {
  const scope = request.query.get("scope") || "global";
  if (scope !== "global" && scope !== "local" && scope !== "others")
    throw badRequest("validation_failed", "Unsupported logout scope");
  const { user, sessionId } = await requireUser(ctx, request, { rejectBanned: false });
  await deleteSessions(ctx.pool, user.id, scope, sessionId);
  return noContent();
}
