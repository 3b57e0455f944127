"use server";

import { userAction } from "@/lib/actions/safe-action";
import { ok } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import { STAFF_HOME } from "@/lib/auth/home-paths";
import { safeNextPath } from "@/lib/auth/schemas";
import { checkCode } from "../check-code";
import { signInCodeSchema } from "../schemas";

/** The code step after the password: a right code from any of the person's authenticators makes the session aal2. */
export const verifySignInCode = userAction(signInCodeSchema, async (input, { supabase }) => {
  const user = await getCurrentUser();
  const refused = await checkCode(supabase, user?.email ?? "", input.code);
  if (refused) return refused;
  return ok({ next: safeNextPath(input.next, STAFF_HOME) });
});
