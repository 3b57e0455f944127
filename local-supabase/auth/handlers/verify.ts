import type { Context } from "../context";
import { transaction } from "../db";
import { ApiError, badRequest, unprocessable } from "../errors";
import { authenticationMethod, issueAuthCode } from "../flow-state";
import { json, redirect, str, type Request, type Response } from "../http";
import { applyVerification, findByEmailAndOtp, findByTokenHash, parseVerifyType, PKCE_PREFIX } from "../otp";
import { referrer } from "../redirect";
import { createSession, sessionResponse } from "../sessions";
import { validateEmail } from "../users";

/** POST /verify `{ token_hash, type }` or `{ email, token, type }`: a session, whatever flow the email was sent in. */
export async function verifyPost(ctx: Context, request: Request): Promise<Response> {
  const body = request.body;
  const type = parseVerifyType(body.type);
  const token = str(body.token);
  const hash = str(body.token_hash);
  if ((token === "" && hash === "") || (token !== "" && hash !== "")) {
    throw badRequest("validation_failed", "Verify requires either a token or a token hash");
  }
  let email = "";
  if (token !== "") {
    if (str(body.phone) !== "")
      throw badRequest("validation_failed", "Only an email address or phone number should be provided on verify");
    try {
      email = validateEmail(body.email);
    } catch {
      throw unprocessable("validation_failed", "Invalid email format");
    }
  } else if (str(body.email) !== "" || str(body.phone) !== "" || str(body.redirect_to) !== "") {
    throw badRequest("validation_failed", "Only the token_hash and type should be provided");
  }
  const session = await transaction(ctx.pool, async (db) => {
    const verified =
      token !== ""
        ? await findByEmailAndOtp(db, ctx.settings, email, token, type)
        : await findByTokenHash(db, ctx.settings, hash, type);
    await applyVerification(db, verified);
    const { sessionId, refreshToken } = await createSession(db, verified.user, "otp", request);
    return sessionResponse(db, ctx.settings, verified.user.id, sessionId, refreshToken);
  });
  return json(session);
}

const OAUTH_ERRORS: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized_client",
  403: "access_denied",
  500: "server_error",
  503: "temporarily_unavailable",
};

/**
 * GoTrue's prepErrorRedirectURL: the error in the fragment (with the `sb` marker that
 * tells clients a Supabase Auth redirect from any other), and for a PKCE link in the
 * query as well. Go's url.Values sorts keys, so both come out sorted.
 */
function errorRedirect(redirectTo: string, error: ApiError, pkce: boolean): string {
  const url = new URL(redirectTo);
  const details = new URLSearchParams();
  const oauth = OAUTH_ERRORS[error.status];
  if (oauth) details.set("error", oauth);
  details.set("error_code", error.code);
  details.set("error_description", error.message);
  if (pkce) {
    for (const [key, value] of details) url.searchParams.set(key, value);
    url.searchParams.sort();
  }
  const fragment = new URLSearchParams(details);
  fragment.set("sb", "");
  fragment.sort();
  url.hash = fragment.toString();
  return url.toString();
}

/**
 * GET /verify?token=&type=&redirect_to=: the link in an email (ConfirmationURL). A PKCE
 * token (pkce_ prefix) redirects with ?code= for exchangeCodeForSession; an implicit one
 * with the session in the fragment. Errors redirect too, with error_code.
 */
export async function verifyGet(ctx: Context, request: Request): Promise<Response> {
  const token = request.query.get("token") ?? "";
  const type = parseVerifyType(request.query.get("type"));
  if (token === "") throw badRequest("validation_failed", "Verify requires a token or a token hash");
  const redirectTo = referrer(ctx.settings, request);
  const pkce = token.startsWith(PKCE_PREFIX);
  try {
    const outcome = await transaction(ctx.pool, async (db) => {
      const verified = await findByTokenHash(db, ctx.settings, token, type);
      await applyVerification(db, verified);
      if (pkce) return { code: await issueAuthCode(db, verified.user.id, authenticationMethod(type)) };
      const { sessionId, refreshToken } = await createSession(db, verified.user, "otp", request);
      return { session: await sessionResponse(db, ctx.settings, verified.user.id, sessionId, refreshToken) };
    });
    if (outcome.code) {
      const url = new URL(redirectTo);
      url.searchParams.set("code", outcome.code);
      url.searchParams.sort();
      return redirect(url.toString());
    }
    // GoTrue's AccessTokenResponse.AsRedirectURL: the session in the fragment, keys sorted, with the `sb` marker.
    const session = outcome.session!;
    const fragment = new URLSearchParams({
      access_token: String(session.access_token),
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: String(session.refresh_token),
      sb: "",
      token_type: "bearer",
      type,
    });
    fragment.sort();
    return redirect(`${redirectTo}#${fragment.toString()}`);
  } catch (error) {
    if (error instanceof ApiError) return redirect(errorRedirect(redirectTo, error, pkce));
    throw error;
  }
}
