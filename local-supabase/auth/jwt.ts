import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Request } from "./http";
import { forbidden, unauthorized } from "./errors";
import type { AuthSettings } from "./settings";
import type { UserRow } from "./users";

export type AccessClaims = JWTPayload & {
  role?: string;
  session_id?: string;
  email?: string;
  is_anonymous?: boolean;
};

export type Amr = { method: string; timestamp: number };

/**
 * An access token with GoTrue's claims, signed ES256 with the stack's EC key and its `kid`
 * (clients verify it from /.well-known/jwks.json), or HS256 with the stack's secret when
 * GOTRUE_JWT_ALGORITHM=HS256. PostgREST is given both keys.
 */
export async function signAccessToken(
  settings: AuthSettings,
  user: UserRow,
  sessionId: string,
  amr: Amr[],
  aal: "aal1" | "aal2",
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const expiresAt = iat + settings.jwtExpSeconds;
  const es256 = settings.jwtAlgorithm === "ES256";
  const token = await new SignJWT({
    email: user.email ?? "",
    phone: user.phone ?? "",
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role,
    aal,
    amr,
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  })
    .setProtectedHeader(
      es256 ? { alg: "ES256", kid: settings.signingKey.kid, typ: "JWT" } : { alg: "HS256", typ: "JWT" },
    )
    .setIssuer(settings.externalUrl)
    .setSubject(user.id)
    .setAudience(user.aud)
    .setIssuedAt(iat)
    .setExpirationTime(expiresAt)
    .sign(es256 ? settings.signingKey.privateKey : settings.jwtSecret);
  return { token, expiresAt };
}

export function bearerToken(request: Request): string {
  const header = request.headers.authorization;
  const match = /^bearer\s+(\S+)\s*$/i.exec(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
  if (!match) throw unauthorized("no_authorization", "This endpoint requires a Bearer token");
  return match[1]!;
}

class UnknownKey extends Error {}

/**
 * GoTrue's parseJWTClaims: a token whose `kid` names the signing key is checked with it;
 * otherwise an HS256 token is checked with the secret (the legacy anon and service_role
 * keys, and tokens minted with the secret); anything else, and any failure, is 403 bad_jwt.
 */
export async function verifyBearer(settings: AuthSettings, request: Request): Promise<AccessClaims> {
  const token = bearerToken(request);
  try {
    const header = decodeProtectedHeader(token);
    if (header.kid === settings.signingKey.kid) {
      const { payload } = await jwtVerify(token, settings.signingKey.publicKey, { algorithms: ["ES256"] });
      return payload as AccessClaims;
    }
    if (header.alg !== "HS256") throw new UnknownKey();
    const { payload } = await jwtVerify(token, settings.jwtSecret, { algorithms: ["HS256"] });
    return payload as AccessClaims;
  } catch (error) {
    const reason =
      error instanceof errors.JWTExpired
        ? "token has invalid claims: token is expired"
        : error instanceof errors.JWSSignatureVerificationFailed
          ? "token signature is invalid: signature is invalid"
          : error instanceof UnknownKey
            ? "token is unverifiable: error while executing keyfunc: unrecognized JWT kid"
            : "token is malformed: could not parse the token";
    throw forbidden("bad_jwt", `invalid JWT: unable to parse or verify signature, ${reason}`);
  }
}
