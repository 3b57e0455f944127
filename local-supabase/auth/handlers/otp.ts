import type { Context } from "../context";
import { transaction } from "../db";
import { sendEmailLink } from "../emails";
import { badRequest, unprocessable } from "../errors";
import { pkceParams } from "../flow-state";
import { json, record, str, type Request, type Response } from "../http";
import { referrer } from "../redirect";
import { SIGNUP_DISABLED } from "./signup";
import {
  confirmUser,
  createUser,
  findUserByEmail,
  findUserById,
  isConfirmed,
  randomPassword,
  validateEmail,
} from "../users";

/**
 * POST /otp (and the older POST /magiclink): mails a magic link with a 6-digit code.
 * An unknown email with create_user false is 422 otp_disabled. An unknown or not yet
 * confirmed email goes through sign-up, as in GoTrue's MagicLink: refused with 422
 * signup_disabled when [auth] enable_signup is false (so an invited user who never
 * accepted gets no magic link then), else, with email confirmations off (autoconfirm),
 * confirmed and sent the magic link, or with them on sent a confirmation email.
 */
export async function otp(ctx: Context, request: Request): Promise<Response> {
  const body = request.body;
  const rawEmail = str(body.email);
  const phone = str(body.phone);
  if (rawEmail !== "" && phone !== "")
    throw badRequest("validation_failed", "Only an email address or phone number should be provided");
  if (rawEmail === "" && phone !== "") throw unprocessable("phone_provider_disabled", "Unsupported phone provider");
  const createUserAllowed =
    body.create_user === undefined || body.create_user === null ? true : Boolean(body.create_user);
  const data = record(body.data) ?? {};
  const pkce = pkceParams(body);
  const email = validateEmail(rawEmail);
  const redirectTo = referrer(ctx.settings, request);

  await transaction(ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true);
    if (!user && !createUserAllowed) throw unprocessable("otp_disabled", "Signups not allowed for otp");
    if ((!user || !isConfirmed(user)) && !ctx.settings.enableSignup) {
      throw unprocessable("signup_disabled", SIGNUP_DISABLED);
    }
    user ??= await createUser(db, {
      email,
      password: randomPassword(),
      emailConfirmed: ctx.settings.autoconfirm,
      userMetadata: data,
    });
    if (!isConfirmed(user)) {
      if (!ctx.settings.autoconfirm) {
        await sendEmailLink(ctx, db, user, {
          template: "confirmation",
          tokenKind: "confirmation_token",
          verifyType: "signup",
          redirectTo,
          pkce,
          throttle: true,
        });
        return;
      }
      await confirmUser(db, user.id);
      user = (await findUserById(db, user.id))!;
    }
    await sendEmailLink(ctx, db, user, {
      template: "magic_link",
      tokenKind: "recovery_token",
      verifyType: "magiclink",
      redirectTo,
      pkce,
      throttle: true,
    });
  });
  return json({});
}

/** POST /recover: a password reset link; the same `{}` whether or not the email is known. */
export async function recover(ctx: Context, request: Request): Promise<Response> {
  const email = validateEmail(request.body.email);
  const pkce = pkceParams(request.body);
  const redirectTo = referrer(ctx.settings, request);
  await transaction(ctx.pool, async (db) => {
    const user = await findUserByEmail(db, email, true);
    if (!user) return;
    await sendEmailLink(ctx, db, user, {
      template: "recovery",
      tokenKind: "recovery_token",
      verifyType: "recovery",
      redirectTo,
      pkce,
      throttle: true,
    });
  });
  return json({});
}
