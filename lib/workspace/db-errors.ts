import { rateLimitedFailure } from "@/lib/actions/rate-limited";
import { fail, type ActionResult } from "@/lib/actions/result";

type PostgrestLikeError = { code?: string; message?: string; details?: string | null; hint?: string | null };

/**
 * Turns a database refusal into a message the user can act on. The database is the
 * authority (RLS, checks, triggers); this only translates. `constraints` maps a check
 * constraint's name (or a fragment of the trigger's message) to the field it is about.
 */
export function dbFailure(
  error: PostgrestLikeError,
  constraints: Record<string, { field: string; message: string }> = {},
): ActionResult<never> {
  const limited = rateLimitedFailure(error);
  if (limited) return limited;
  const text = `${error.message ?? ""} ${error.details ?? ""}`;
  for (const [name, target] of Object.entries(constraints)) {
    if (text.includes(name)) return fail(target.message, { [target.field]: target.message });
  }
  switch (error.code) {
    case "42501":
      return fail("You don't have permission to change this. Ask an admin or manager.");
    case "23514":
    case "P0001": {
      // Trigger exceptions carry a readable message (the commission state machine's, for one).
      const message = error.message ?? "";
      const readable = message && !message.startsWith("new row for relation") ? capitalise(message) : "";
      return fail(
        readable
          ? `${readable}.${error.hint ? ` ${error.hint}` : ""}`
          : "The database refused a value. Check the fields and try again.",
      );
    }
    case "23503":
      return fail(capitalise(error.message ?? "A linked record no longer exists") + ".");
    case "23505":
      return fail("This already exists.");
    case "22P02":
    case "22007":
    case "22008":
      return fail("A value has the wrong format. Check the fields and try again.");
    case "PGRST116":
      return notFoundOrRefused();
    default:
      console.error("database error", error);
      return fail("The change could not be saved. Please try again.");
  }
}

/** An update or delete that touched no row: RLS hid it, or someone else removed it. */
export function notFoundOrRefused(): ActionResult<never> {
  return fail("Nothing was changed: the record is gone or you are not allowed to change it. Reload to see the latest.");
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
