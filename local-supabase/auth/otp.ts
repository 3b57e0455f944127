import crypto from "node:crypto";
import type { Db } from "./db";
import { badRequest, forbidden, tooManyRequests } from "./errors";
import type { AuthSettings } from "./settings";
import { confirmUser, findUserByEmail, findUserById, isBanned, setPassword, type UserRow } from "./users";

/**
 * Email one-time tokens, as GoTrue keeps them: the 6-digit code is mailed, only
 * token_hash = hex(sha224(lower(email) + code)) is stored (prefixed `pkce_` when the
 * request came with a PKCE challenge), one per user and kind in auth.one_time_tokens
 * (mirrored in auth.users' token columns), superseded by the next one, all spent by
 * a successful verify, and dead after otp_expiry seconds.
 */
export type TokenKind = "confirmation_token" | "recovery_token";
export type EmailVerifyType = "signup" | "invite" | "magiclink" | "recovery" | "email";

const VERIFY_TYPES: readonly string[] = ["signup", "invite", "magiclink", "recovery", "email"];
export const PKCE_PREFIX = "pkce_";

export function tokenHash(email: string, otp: string): string {
  return crypto
    .createHash("sha224")
    .update(email.toLowerCase() + otp)
    .digest("hex");
}

function generateOtp(length: number): string {
  let otp = "";
  while (otp.length < length) otp += crypto.randomInt(0, 10).toString();
  return otp;
}

function sentAtColumn(kind: TokenKind): "confirmation_sent_at" | "recovery_sent_at" {
  return kind === "confirmation_token" ? "confirmation_sent_at" : "recovery_sent_at";
}

/** GoTrue's max_frequency between two emails of a kind to one user (429 over_email_send_rate_limit). */
export function checkEmailFrequency(settings: AuthSettings, user: UserRow, kind: TokenKind): void {
  const sentAt = user[sentAtColumn(kind)];
  if (!sentAt) return;
  const wait = sentAt.getTime() + settings.emailMaxFrequencyMs - Date.now();
  if (wait > 0) {
    throw tooManyRequests(
      "over_email_send_rate_limit",
      `For security purposes, you can only request this after ${Math.max(1, Math.ceil(wait / 1000))} seconds.`,
    );
  }
}

export type IssuedToken = { otp: string; hashedToken: string };

/** A fresh token of this kind for the user; the previous one of the same kind dies. */
export async function issueToken(
  db: Db,
  settings: AuthSettings,
  user: UserRow,
  kind: TokenKind,
  pkce: boolean,
): Promise<IssuedToken> {
  const email = user.email ?? "";
  const otp = generateOtp(settings.otpLength);
  const hashedToken = (pkce ? PKCE_PREFIX : "") + tokenHash(email, otp);
  await db.query("delete from auth.one_time_tokens where user_id = $1 and token_type = $2", [user.id, kind]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, now(), now())`,
    [crypto.randomUUID(), user.id, kind, hashedToken, email.toLowerCase()],
  );
  const column = kind === "confirmation_token" ? "confirmation_token" : "recovery_token";
  await db.query(
    `update auth.users set ${column} = $2, ${sentAtColumn(kind)} = now(), updated_at = now() where id = $1`,
    [user.id, hashedToken],
  );
  return { otp, hashedToken };
}

export async function consumeAllTokens(db: Db, userId: string): Promise<void> {
  await db.query("delete from auth.one_time_tokens where user_id = $1", [userId]);
  await db.query(
    "update auth.users set confirmation_token = '', recovery_token = '', updated_at = now() where id = $1",
    [userId],
  );
}

function kindsFor(type: EmailVerifyType): TokenKind[] {
  if (type === "signup" || type === "invite") return ["confirmation_token"];
  if (type === "magiclink" || type === "recovery") return ["recovery_token"];
  return ["confirmation_token", "recovery_token"];
}

export function parseVerifyType(value: unknown): EmailVerifyType {
  const type = typeof value === "string" ? value : "";
  if (type === "") throw badRequest("validation_failed", "Verify requires a verification type");
  if (!VERIFY_TYPES.includes(type)) throw badRequest("validation_failed", "Unsupported verification type");
  return type as EmailVerifyType;
}

type TokenMatch = { user_id: string; token_type: TokenKind; token_hash: string; expired: boolean };

async function matchTokens(db: Db, settings: AuthSettings, where: string, params: unknown[]): Promise<TokenMatch[]> {
  const { rows } = await db.query<TokenMatch>(
    `select user_id, token_type::text as token_type, token_hash,
            created_at + make_interval(secs => $1) < now() as expired
     from auth.one_time_tokens where ${where}
     order by case token_type when 'confirmation_token' then 0 else 1 end
     for update`,
    [settings.otpExpSeconds, ...params],
  );
  return rows;
}

export type Verified = { user: UserRow; type: Exclude<EmailVerifyType, "email">; tokenHash: string };

function resolvedType(type: EmailVerifyType, kind: TokenKind): Verified["type"] {
  if (type !== "email") return type;
  return kind === "confirmation_token" ? "signup" : "magiclink";
}

/** GoTrue's verifyTokenHash: the link's token_hash (with or without the pkce_ prefix). */
export async function findByTokenHash(
  db: Db,
  settings: AuthSettings,
  hash: string,
  type: EmailVerifyType,
): Promise<Verified> {
  const bare = hash.startsWith(PKCE_PREFIX) ? hash.slice(PKCE_PREFIX.length) : hash;
  const matches = await matchTokens(
    db,
    settings,
    "token_hash in ($2, $3) and token_type = any($4::auth.one_time_token_type[])",
    [bare, PKCE_PREFIX + bare, kindsFor(type)],
  );
  const match = matches[0];
  const user = match && (await findUserById(db, match.user_id));
  if (!match || !user) throw forbidden("otp_expired", "Email link is invalid or has expired");
  if (isBanned(user)) throw forbidden("user_banned", "User is banned");
  if (match.expired) throw forbidden("otp_expired", "Email link is invalid or has expired");
  return { user, type: resolvedType(type, match.token_type), tokenHash: match.token_hash };
}

/** GoTrue's verifyUserAndToken: the email and the 6-digit code typed by the user. */
export async function findByEmailAndOtp(
  db: Db,
  settings: AuthSettings,
  email: string,
  otp: string,
  type: EmailVerifyType,
): Promise<Verified> {
  const user = await findUserByEmail(db, email);
  if (!user) throw forbidden("otp_expired", "Token has expired or is invalid");
  if (isBanned(user)) throw forbidden("user_banned", "User is banned");
  const hash = tokenHash(email, otp);
  const matches = await matchTokens(
    db,
    settings,
    "user_id = $2 and token_hash in ($3, $4) and token_type = any($5::auth.one_time_token_type[])",
    [user.id, hash, PKCE_PREFIX + hash, kindsFor(type)],
  );
  const match = matches.find((candidate) => !candidate.expired);
  if (!match) throw forbidden("otp_expired", "Token has expired or is invalid");
  return { user, type: resolvedType(type, match.token_type), tokenHash: match.token_hash };
}

/**
 * What a verified token does to the user (GoTrue's signupVerify / recoverVerify): confirm
 * the email, give an invited user without a password a random one, spend every token.
 */
export async function applyVerification(db: Db, verified: Verified): Promise<void> {
  const { user, type } = verified;
  if ((type === "signup" || type === "invite") && !user.encrypted_password && user.invited_at) {
    await setPassword(db, user.id, crypto.randomBytes(32).toString("base64url"));
  }
  if (type === "signup" || type === "invite" || user.email_confirmed_at === null) await confirmUser(db, user.id);
  await consumeAllTokens(db, user.id);
}
