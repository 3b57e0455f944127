import "server-only";
import { OUTAGE_MESSAGE } from "@/lib/supabase/outage";
import { isUnreachable } from "@/lib/supabase/unreachable";
import { fail, type ActionResult } from "./result";

/** An action that hit an outage says so (nothing was saved), instead of asking to sign in. */
export function outageResult(error: unknown): ActionResult<never> | undefined {
  if (!isUnreachable(error)) return undefined;
  console.warn("server action: database or auth server unreachable");
  return fail(OUTAGE_MESSAGE);
}
