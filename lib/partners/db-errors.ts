import { rateLimitedMessage } from "@/lib/actions/rate-limited";

/**
 * What a refused partner write means to the person who made it. Postgres and PostgREST
 * report the rule that held; the grid shows this sentence, never the raw error.
 */
export function partnerWriteErrorMessage(error: { code?: string; message?: string; hint?: string | null }): string {
  const limited = rateLimitedMessage(error);
  if (limited) return limited;
  switch (error.code) {
    case "42501":
      return "You don't have permission to change this partner.";
    case "23503":
      return "The owner must be a staff member of this organization.";
    case "23505":
      return "Another partner already uses that external id.";
    case "23514":
    case "22023":
    case "22P02":
      return "That value isn't allowed for this field.";
    default:
      return "The change could not be saved. Nothing was changed; please try again.";
  }
}
