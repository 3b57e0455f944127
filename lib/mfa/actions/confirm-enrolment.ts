"use server";

import { userAction } from "@/lib/actions/safe-action";
import { ok } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/current-user";
import { checkCode } from "../check-code";
import { confirmEnrolmentSchema } from "../schemas";

/** Finishes a set-up: the first right code verifies the new factor and makes this session aal2. */
export const confirmEnrolment = userAction(confirmEnrolmentSchema, async (input, { supabase }) => {
  const user = await getCurrentUser();
  const refused = await checkCode(supabase, user?.email ?? "", input.code, input.factorId);
  if (refused) return refused;
  return ok(null);
});
