import { isAuthRetryableFetchError } from "@supabase/supabase-js";
import { OUTAGE_DIGEST, OUTAGE_MESSAGE } from "./outage";

/**
 * Telling "the database or auth server cannot be reached" from "not signed in" or "not
 * allowed", so an outage never reads as a sign-out:
 *   auth-js     a failed fetch or a 5xx answer is an AuthRetryableFetchError (status 0 or
 *               500-504, 520-530); auth-js keeps the session (and its cookies) for those
 *   PostgREST   a failed fetch comes back as { code: "", message: "TypeError: fetch failed" }
 *               (status 0); a gateway's 502/504 page or any non-JSON body has no code at
 *               all; PostgREST itself, when Postgres is gone, answers PGRST000-PGRST003
 *   Postgres    connection failures (SQLSTATE class 08) and a shutting-down server (57P01-57P03)
 * Anything else with a code is a real answer (RLS, a constraint, not found) and stays one.
 */
const POSTGREST_UNREACHABLE = new Set(["PGRST000", "PGRST001", "PGRST002", "PGRST003"]);
const POSTGRES_UNREACHABLE = /^(08...|57P0[123])$/;

/** Thrown where a page or action needs the database or auth server and cannot reach it. */
export class ServiceUnreachableError extends Error {
  readonly digest = OUTAGE_DIGEST;
  constructor(cause?: unknown) {
    super(OUTAGE_MESSAGE, { cause });
    this.name = "ServiceUnreachableError";
  }
}

export function isUnreachable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  if (error instanceof ServiceUnreachableError) return true;
  if (isAuthRetryableFetchError(error)) return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const shape = error as { code?: unknown; message?: unknown; name?: unknown };
  // Only PostgREST's errors are read by their code: the plain { message, code } objects
  // postgrest-js returns, or the PostgrestError it throws. A bare Error is a bug, not an outage.
  const fromPostgrest = Object.getPrototypeOf(error) === Object.prototype || shape.name === "PostgrestError";
  if (!fromPostgrest || typeof shape.message !== "string") return false;
  const code = typeof shape.code === "string" ? shape.code : "";
  if (code === "") return true;
  return POSTGREST_UNREACHABLE.has(code) || POSTGRES_UNREACHABLE.test(code);
}

/** What to throw for a failed read: the outage error when it is one, else the error itself. */
export function outageOr(error: unknown): unknown {
  return isUnreachable(error) ? new ServiceUnreachableError(error) : error;
}
