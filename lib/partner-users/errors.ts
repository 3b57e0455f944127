import { translateDbError, type DbErrorLike } from "@/lib/db/errors";

/** The database's refusals, in words a staff member can act on. */
export function describeDbError(error: DbErrorLike | null | undefined, fallback: string): string {
  if (!error) return fallback;
  const refusal = translateDbError(error);
  if (refusal.kind === "forbidden") return "Your role cannot do this.";
  return refusal.kind === "unknown" ? fallback : refusal.message;
}
