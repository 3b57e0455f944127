"use server";

import { userAction } from "@/lib/actions/safe-action";
import { fail, ok } from "@/lib/actions/result";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { STAFF_HOME } from "@/lib/auth/home-paths";

/**
 * Sets a new password for the signed-in user. Outside a recovery session the auth server
 * wants the current password too (require current password); the user's other sessions end.
 */
export const updatePassword = userAction(newPasswordSchema, async (input, { supabase }) => {
  const { error } = await supabase.auth.updateUser({
    password: input.password,
    ...(input.currentPassword ? { current_password: input.currentPassword } : {}),
  });
  if (error?.code === "current_password_required")
    return fail("Enter your current password to change it.", { currentPassword: "Enter your current password" });
  if (error?.code === "current_password_invalid")
    return fail("That is not your current password. Nothing was changed.", {
      currentPassword: "That is not your current password",
    });
  if (error?.code === "same_password")
    return fail("Choose a password you have not used here before.", { password: "That is your current password" });
  if (error?.code === "weak_password") return fail("That password is too weak.", { password: error.message });
  if (error) throw error;
  return ok({ next: STAFF_HOME });
});
