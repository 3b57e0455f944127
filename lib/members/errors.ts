import { translateDbError, type DbErrorLike } from "@/lib/db/errors";

/** The database's refusals (the last-admin trigger, staff-or-partner exclusivity) in the UI's words. */
export function memberError(error: DbErrorLike | null, fallback: string): string {
  if (!error) return fallback;
  const refusal = translateDbError(error);
  return refusal.kind === "unknown" ? fallback : refusal.message;
}
