import "server-only";
import { createAdminClient } from "@/lib/supabase/admin";

/**
 * Banning and unbanning a partner user's auth user with the service-role client (creating or
 * finding an invitee's account lives in lib/invitations/accounts.ts). Callers are server actions
 * whose wrapper has already checked the caller's role; every business row that follows is
 * written as the caller.
 */

/** Bans (deactivation: sign-in, refresh and every session stop) or lifts the ban. */
export async function setAuthBan(userId: string, banned: boolean): Promise<void> {
  const { error } = await createAdminClient().auth.admin.updateUserById(userId, {
    ban_duration: banned ? "876000h" : "none",
  });
  if (error) throw error;
}
