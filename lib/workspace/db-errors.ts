import { fail, type ActionResult } from "@/lib/actions/result";
import { refusalFieldErrors, translateDbError, type DbErrorLike } from "@/lib/db/errors";

/**
 * A database refusal as an action's result: the message at its field when it is about
 * one. The database is the authority (RLS, checks, triggers); lib/db/errors translates.
 */
export function dbFailure(error: DbErrorLike): ActionResult<never> {
  const refusal = translateDbError(error);
  return fail(refusal.message, refusalFieldErrors(refusal));
}

/** An update or delete that touched no row: RLS hid it, or someone else removed it. */
export function notFoundOrRefused(): ActionResult<never> {
  return fail("Nothing was changed: the record is gone or you are not allowed to change it. Reload to see the latest.");
}
