import type { Context } from "./context";
import { badRequest, forbidden } from "./errors";
import type { Request } from "./http";
import { verifyBearer, type AccessClaims } from "./jwt";
import { findUserById, isBanned, type UserRow } from "./users";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export type Authenticated = { claims: AccessClaims; user: UserRow; sessionId: string | undefined };

/** GoTrue's requireAuthentication + maybeLoadUserOrSession, and a ban check for the /user routes. */
export async function requireUser(
  ctx: Context,
  request: Request,
  options: { rejectBanned: boolean },
): Promise<Authenticated> {
  const claims = await verifyBearer(ctx.settings, request);
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  if (sub === "") throw forbidden("bad_jwt", "invalid claim: missing sub claim");
  if (!UUID.test(sub)) throw badRequest("bad_jwt", "invalid claim: sub claim must be a UUID");
  const user = await findUserById(ctx.pool, sub);
  if (!user) throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
  let sessionId: string | undefined;
  if (typeof claims.session_id === "string" && claims.session_id !== "" && claims.session_id !== NIL_UUID) {
    if (!UUID.test(claims.session_id)) throw forbidden("bad_jwt", "invalid claim: session_id claim must be a UUID");
    const { rows } = await ctx.pool.query("select id from auth.sessions where id = $1", [claims.session_id]);
    if (!rows[0]) throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    sessionId = claims.session_id;
  }
  if (options.rejectBanned && isBanned(user)) throw forbidden("user_banned", "User is banned");
  return { claims, user, sessionId };
}

const ADMIN_ROLES = ["service_role", "supabase_admin"];

export async function requireAdmin(ctx: Context, request: Request): Promise<AccessClaims> {
  const claims = await verifyBearer(ctx.settings, request);
  if (!ADMIN_ROLES.includes(String(claims.role ?? ""))) throw forbidden("not_admin", "User not allowed");
  return claims;
}
