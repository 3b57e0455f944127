import { translateDbError, type DbErrorLike } from "@/lib/db/errors";

/** What a refused partner write means to the person who made it (the grid shows this sentence). */
export function partnerWriteErrorMessage(error: DbErrorLike): string {
  const refusal = translateDbError(error);
  if (refusal.kind === "forbidden") return "You don't have permission to change this partner.";
  return refusal.message;
}
