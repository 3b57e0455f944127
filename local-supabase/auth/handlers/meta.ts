import type { Context } from "../context";
import { json, type Response } from "../http";

export const GOTRUE_VERSION = "v2.196.0";

/** GET /health */
export async function health(): Promise<Response> {
  return json({
    version: GOTRUE_VERSION,
    name: "GoTrue",
    description: "GoTrue is a user registration and authentication API",
  });
}

/** GET /settings: what the server offers, shaped as GoTrue's. */
export async function settings(ctx: Context): Promise<Response> {
  const providers = [
    "anonymous_users",
    "apple",
    "azure",
    "bitbucket",
    "discord",
    "facebook",
    "figma",
    "fly",
    "github",
    "gitlab",
    "google",
    "keycloak",
    "kakao",
    "linkedin",
    "linkedin_oidc",
    "notion",
    "spotify",
    "slack",
    "slack_oidc",
    "workos",
    "twitch",
    "twitter",
    "x",
    "zoom",
    "phone",
  ];
  const external: Record<string, boolean> = Object.fromEntries(providers.map((name) => [name, false]));
  external.email = true;
  return json({
    external,
    disable_signup: !ctx.settings.enableSignup,
    mailer_autoconfirm: ctx.settings.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
  });
}

/**
 * GET /.well-known/jwks.json: the public keys that verify access tokens, as GoTrue serves
 * them (the HS256 secret is never listed). auth-js's getClaims() verifies with these
 * locally, without a request to GET /user.
 */
export async function jwks(ctx: Context): Promise<Response> {
  return json({ keys: [ctx.settings.signingKey.jwk] }, 200, { "cache-control": "public, max-age=600" });
}
