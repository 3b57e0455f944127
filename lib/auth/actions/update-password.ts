"use server";

import { userAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { newPasswordSchema } from "@/lib/auth/schemas";

/** Sets a new password for the signed-in user (after a reset link); other sessions end. */
export const updatePassword = userAction(newPasswordSchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.updateUser({ password: input.password });
  if (error?.code === "same_password")
    return fail("Choose a password you have not used here before.", { password: "That is your current password" });
  if (error?.code === "weak_password") return fail("That password is too weak.", { password: error.message });
  if (error) throw error;
  return ok({ next: "/admin/partners" });
});
