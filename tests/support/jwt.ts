import { SignJWT } from "jose";
import { testEnv } from "./env";

/** A user access token as the auth server would issue it, signed with the stack's secret. */
export async function mintUserJwt(userId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: userId,
    role: "authenticated",
    aud: "authenticated",
    aal: "aal1",
    session_id: crypto.randomUUID(),
    is_anonymous: false,
    ...extra,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(testEnv.jwtSecret));
}

/**
 * A user token at an assurance level, with the `amr` the auth server signs: password alone
 * at aal1; password then an authenticator code at aal2.
 */
export async function mintUserJwtAt(userId: string, aal: "aal1" | "aal2"): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const amr = [{ method: "password", timestamp: now - 60 }];
  if (aal === "aal2") amr.unshift({ method: "totp", timestamp: now });
  return mintUserJwt(userId, { aal, amr });
}
