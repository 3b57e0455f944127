import "server-only";
import { emailSendOutcome } from "@/lib/auth/email-send-outcome";
import { createAdminClient } from "@/lib/supabase/admin";
import { supabaseSecretKey, supabaseUrl } from "@/lib/supabase/env";
import { findAuthUserIdByEmail } from "@/lib/supabase/find-auth-user";

/**
 * The only places the service-role client is used for people: creating (inviting) an auth
 * user, finding an existing one, and banning or unbanning one. Callers are server actions
 * whose wrapper has already checked the caller's role; every business row that follows is
 * written as the caller.
 */

export type AuthAccount =
  | { ok: true; userId: string; existed: boolean }
  /** The auth server could not send the invitation (provider down or refusing, or throttled); nothing was created. */
  | { ok: false; error: "email_unavailable" };

/**
 * Invites a new auth user (GoTrue emails the invitation), or finds the existing one
 * without sending anything. GoTrue refuses to invite a confirmed user (422 email_exists)
 * before it sends or stamps anything, so the person's pending sign-in code stays valid;
 * their id then comes from the admin API's user search.
 */
export async function inviteOrFindAuthUser(
  email: string,
  data: Record<string, string>,
  redirectTo: string,
): Promise<AuthAccount> {
  const invited = await createAdminClient().auth.admin.inviteUserByEmail(email, { redirectTo, data });
  if (!invited.error && invited.data.user) return { ok: true, userId: invited.data.user.id, existed: false };
  if (invited.error?.code === "email_exists") {
    const userId = await findAuthUserIdByEmail(email, { url: supabaseUrl(), secretKey: supabaseSecretKey() });
    if (!userId) throw new Error("the auth server says the email has an account, but its user search finds none");
    return { ok: true, userId, existed: true };
  }
  const outcome = emailSendOutcome(invited.error);
  if (outcome === "provider_failed" || outcome === "throttled") {
    console.error("the auth server could not send an invitation", {
      status: invited.error?.status,
      code: invited.error?.code,
    });
    return { ok: false, error: "email_unavailable" };
  }
  throw invited.error ?? new Error("invite returned no user");
}

/** Bans (deactivation: sign-in, refresh and every session stop) or lifts the ban. */
export async function setAuthBan(userId: string, banned: boolean): Promise<void> {
  const { error } = await createAdminClient().auth.admin.updateUserById(userId, {
    ban_duration: banned ? "876000h" : "none",
  });
  if (error) throw error;
}
