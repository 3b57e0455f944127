import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Tokens for links that act without a session (an unsubscribe link in an email):
 * `<payload>.<signature>`, both base64url, the payload JSON `{ p: purpose, d: data, e: expiry }`,
 * the signature HMAC-SHA256 over the payload with LINK_SIGNING_KEY. The purpose is signed
 * in, so a token made for one kind of link opens no other. Not encrypted: put ids in it,
 * never secrets.
 */
export const MIN_KEY_LENGTH = 32;

type Envelope = { p: string; d: unknown; e: number };

export function signLink(purpose: string, data: unknown, ttlSeconds: number, key: string, now = Date.now()): string {
  assertKey(key);
  const envelope: Envelope = { p: purpose, d: data, e: Math.floor(now / 1000) + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(envelope), "utf8").toString("base64url");
  return `${payload}.${sign(payload, key).toString("base64url")}`;
}

export type VerifiedLink = { ok: true; data: unknown } | { ok: false; reason: "malformed" | "forged" | "expired" };

export function verifyLink(token: string, purpose: string, key: string | undefined, now = Date.now()): VerifiedLink {
  if (!key || key.length < MIN_KEY_LENGTH) return { ok: false, reason: "forged" };
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 4096) return { ok: false, reason: "malformed" };
  const expected = sign(payload, key);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Envelope;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (envelope.p !== purpose) return { ok: false, reason: "forged" };
  if (typeof envelope.e !== "number" || envelope.e * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, data: envelope.d };
}

function sign(payload: string, key: string): Buffer {
  return createHmac("sha256", key).update(payload, "utf8").digest();
}

function assertKey(key: string): void {
  if (key.length < MIN_KEY_LENGTH) throw new Error(`LINK_SIGNING_KEY must be at least ${MIN_KEY_LENGTH} characters`);
}
