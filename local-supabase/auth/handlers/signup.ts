import crypto from "node:crypto";
import type { Context } from "../context";
import { transaction } from "../db";
import { sendEmailLink } from "../emails";
import { badRequest, unprocessable } from "../errors";
import { pkceParams } from "../flow-state";
import { json, record, str, type Request, type Response } from "../http";
import { referrer } from "../redirect";
import { createSession, sessionResponse } from "../sessions";
import {
  checkPasswordStrength,
  confirmUser,
  createUser,
  findUserByEmail,
  findUserById,
  isConfirmed,
  userJson,
  validateEmail,
} from "../users";

export const SIGNUP_DISABLED = "Signups not allowed for this instance";

/**
 * POST /signup `{ email, password, data }` (auth-js signUp), as GoTrue's Signup: refused
 * with 422 signup_disabled when [auth] enable_signup is false, before anything else is
 * looked at. With email confirmations off the new user is confirmed and signed in; with
 * them on, a confirmation email is sent and the user returned. A second sign-up for a
 * confirmed email answers 422 user_already_exists (confirmations off) or, so as not to
 * reveal the account, a made-up user (confirmations on).
 */
export async function signup(ctx: Context, request: Request): Promise<Response> {
  const body = request.body;
  const rawEmail = str(body.email);
  const phone = str(body.phone);
  if (rawEmail === "" && phone === "") {
    throw unprocessable("anonymous_provider_disabled", "Anonymous sign-ins are disabled");
  }
  if (!ctx.settings.enableSignup) throw unprocessable("signup_disabled", SIGNUP_DISABLED);

  const password = str(body.password);
  if (password === "") throw badRequest("validation_failed", "Signup requires a valid password");
  checkPasswordStrength(password, ctx.settings.minPasswordLength);
  if (rawEmail !== "" && phone !== "") {
    throw badRequest("validation_failed", "Only an email address or phone number should be provided on signup.");
  }
  const pkce = pkceParams(body);
  if (phone !== "") throw badRequest("phone_provider_disabled", "Phone signups are disabled");
  const email = validateEmail(rawEmail);
  const data = record(body.data) ?? {};
  const redirectTo = referrer(ctx.settings, request);

  const outcome = await transaction(ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true);
    if (user && isConfirmed(user)) return { exists: true as const };
    // An unconfirmed existing user is left as is: who signs up now may not be who signed up then.
    user ??= await createUser(db, { email, password, emailConfirmed: false, userMetadata: data });
    if (ctx.settings.autoconfirm) {
      await confirmUser(db, user.id);
      const { sessionId, refreshToken } = await createSession(db, user, "password", request);
      return { session: await sessionResponse(db, ctx.settings, user.id, sessionId, refreshToken) };
    }
    await sendEmailLink(ctx, db, user, {
      template: "confirmation",
      tokenKind: "confirmation_token",
      verifyType: "signup",
      redirectTo,
      pkce,
      throttle: true,
    });
    const fresh = (await findUserById(db, user.id))!;
    const shown = await userJson(db, fresh);
    return { user: fresh.invited_at ? { ...shown, user_metadata: {}, identities: [] } : shown };
  });

  if ("session" in outcome) return json(outcome.session);
  if ("user" in outcome) return json(outcome.user);
  if (ctx.settings.autoconfirm) throw unprocessable("user_already_exists", "User already registered");
  const now = new Date().toISOString();
  return json({
    id: crypto.randomUUID(),
    aud: "authenticated",
    role: "",
    email,
    phone: "",
    confirmation_sent_at: now,
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  });
}
