import crypto from "node:crypto";
import type { Db } from "./db";
import { badRequest, notFound, unprocessable } from "./errors";
import { str } from "./http";
import type { AuthSettings } from "./settings";

/**
 * PKCE flow state (auth.flow_state): created when a client sends a code challenge with
 * /otp, /recover or an email link request; GET /verify issues its auth_code; POST
 * /token?grant_type=pkce trades the code and the verifier for a session.
 */
export type Pkce = { challenge: string; method: "s256" | "plain" };

export function pkceParams(body: Record<string, unknown>): Pkce | undefined {
  const challenge = str(body.code_challenge);
  const method = str(body.code_challenge_method).toLowerCase();
  if (challenge === "" && method === "") return undefined;
  if (challenge === "" || method === "")
    throw badRequest("validation_failed", "PKCE flow requires code_challenge_method and code_challenge");
  if (method !== "s256" && method !== "plain")
    throw badRequest("validation_failed", "code challenge method not supported");
  if (challenge.length < 43 || challenge.length > 128)
    throw badRequest("validation_failed", "code challenge has to be between 43 and 128 characters");
  return { challenge, method };
}

/** The authentication_method GoTrue records for each email type. */
export function authenticationMethod(type: string): string {
  return type === "signup" ? "email/signup" : type;
}

export async function createFlowState(db: Db, userId: string, method: string, pkce: Pkce): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type, created_at, updated_at, authentication_method)
     values ($1, $2, $3, $4, $5, $6, now(), now(), $6)`,
    [crypto.randomUUID(), userId, crypto.randomUUID(), pkce.method, pkce.challenge, method],
  );
}

export async function issueAuthCode(db: Db, userId: string, method: string): Promise<string> {
  const { rows } = await db.query<{ auth_code: string }>(
    `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
     where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2 order by created_at desc limit 1)
     returning auth_code`,
    [userId, method],
  );
  if (!rows[0])
    throw badRequest("flow_state_not_found", "No associated flow state found. no valid flow state found for user");
  return rows[0].auth_code;
}

/** Checks the code and verifier; returns the user and how they signed in. The flow state is spent. */
export async function exchangeAuthCode(
  db: Db,
  settings: AuthSettings,
  authCode: string,
  verifier: string,
): Promise<{ userId: string; method: string }> {
  if (authCode === "" || verifier === "") {
    throw badRequest("validation_failed", "invalid request: both auth code and code verifier should be non-empty");
  }
  const { rows } = await db.query<{
    id: string;
    user_id: string | null;
    code_challenge: string;
    code_challenge_method: string;
    authentication_method: string;
    expired: boolean;
  }>(
    `select id, user_id, code_challenge, code_challenge_method::text, authentication_method,
            coalesce(auth_code_issued_at, created_at) + make_interval(secs => $2) < now() as expired
     from auth.flow_state where auth_code = $1 for update`,
    [authCode, settings.flowStateExpirySeconds],
  );
  const flow = rows[0];
  if (!flow || !flow.user_id) throw notFound("flow_state_not_found", "invalid flow state, no valid flow state found");
  if (flow.expired) throw unprocessable("flow_state_expired", "invalid flow state, flow state has expired");
  const expected =
    flow.code_challenge_method === "s256" ? crypto.createHash("sha256").update(verifier).digest("base64url") : verifier;
  if (expected !== flow.code_challenge)
    throw badRequest("bad_code_verifier", "code challenge does not match previously saved code verifier");
  await db.query("delete from auth.flow_state where id = $1", [flow.id]);
  return { userId: flow.user_id, method: flow.authentication_method };
}
