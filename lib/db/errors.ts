import { rateLimitedMessage } from "@/lib/actions/rate-limited";
import { CONSTRAINT_MESSAGES } from "./constraint-messages";
import { RAISED_MESSAGES } from "./raised-messages";

/** What Postgres and PostgREST say about a refused write (a PostgrestError, or an error pg raised). */
export type DbErrorLike = {
  code?: string | null;
  message?: string | null;
  details?: string | null;
  hint?: string | null;
};

export type DbRefusal = {
  /** The form field the refusal is about, when one is. */
  field: string | null;
  message: string;
  kind: "refused" | "not_found" | "forbidden" | "rate_limited" | "unknown";
  /** The constraint that held, for logs and tests. */
  constraint: string | null;
};

// Postgres names the constraint in the message of every check, unique, foreign-key and
// exclusion violation; the constraint is the quoted name right after the word.
const CONSTRAINT_NAME = /\bconstraint "([^"]+)"/;

export function constraintNameOf(error: DbErrorLike): string | null {
  const match = CONSTRAINT_NAME.exec(error.message ?? "");
  return match?.[1] ?? null;
}

const GENERIC = "The change could not be saved. Nothing was changed; please try again.";
const NOT_FOUND =
  "Nothing was changed: the record is gone or you are not allowed to change it. Reload to see the latest.";

/**
 * The one translator from a database refusal to the field it is about and a sentence a
 * person can act on: constraints by their exact name, raised exceptions by SQLSTATE and
 * their whole message, then the SQLSTATE class. Never a raw database message.
 */
export function translateDbError(error: DbErrorLike): DbRefusal {
  const limited = rateLimitedMessage(error);
  if (limited) return { field: null, message: limited, kind: "rate_limited", constraint: null };

  const code = error.code ?? "";
  const constraint = ["23514", "23505", "23503", "23P01"].includes(code) ? constraintNameOf(error) : null;
  if (constraint) {
    const known = CONSTRAINT_MESSAGES[constraint];
    if (known) return { field: known.field, message: known.message, kind: "refused", constraint };
    console.error("database refusal by a constraint the app does not name", constraint);
    return { field: null, message: GENERIC, kind: "refused", constraint };
  }

  for (const raised of RAISED_MESSAGES) {
    if (raised.code !== code) continue;
    const match = raised.pattern.exec(error.message ?? "");
    if (!match) continue;
    return {
      field: typeof raised.field === "function" ? raised.field(match) : raised.field,
      message: raised.message(match, error.hint ?? null),
      kind: raised.notFound ? "not_found" : code === "42501" ? "forbidden" : "refused",
      constraint: null,
    };
  }

  switch (code) {
    case "42501":
      return {
        field: null,
        message: "You don't have permission to change this. Ask an admin or manager.",
        kind: "forbidden",
        constraint: null,
      };
    case "PGRST116":
    case "P0002":
    case "PT404":
      return { field: null, message: NOT_FOUND, kind: "not_found", constraint: null };
    case "22008":
      return {
        field: null,
        message: "A date does not exist. Check the dates and try again.",
        kind: "refused",
        constraint: null,
      };
    case "22P02":
    case "22007":
    case "22003":
      return {
        field: null,
        message: "A value has the wrong format. Check the fields and try again.",
        kind: "refused",
        constraint: null,
      };
    case "22001":
      return {
        field: null,
        message: "A value is too long. Shorten it and try again.",
        kind: "refused",
        constraint: null,
      };
    default:
      console.error("database error", { code, message: error.message });
      return { field: null, message: GENERIC, kind: "unknown", constraint: null };
  }
}

/** Field errors keyed as the form names its fields (`prefix` for nested ones, like the grid's `changes.`). */
export function refusalFieldErrors(refusal: DbRefusal, prefix = ""): Partial<Record<string, string>> | undefined {
  return refusal.field ? { [`${prefix}${refusal.field}`]: refusal.message } : undefined;
}
