import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether `Authorization: Bearer <token>` carries `secret`. Both sides are hashed first,
 * so the comparison takes the same time whatever the token's length and however much of
 * it matches. An unset or short secret never matches anything: a deployment that forgot
 * to configure one is closed, not open.
 */
export const MIN_SECRET_LENGTH = 32;

export function bearerMatches(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || secret.length < MIN_SECRET_LENGTH || !authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(secret));
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
