import "server-only";
import { createClient } from "@supabase/supabase-js";
import { createAdminClient } from "@/lib/supabase/admin";
import { supabasePublicKey, supabaseUrl } from "@/lib/supabase/env";

/**
 * The only places the service-role client is used for people: creating (inviting) an auth
 * user and banning or unbanning one. Callers are server actions whose wrapper has already
 * checked the caller's role; every business row that follows is written as the caller.
 */

/** Invites a new auth user (the invitation lands in their mailbox), or finds the existing one. */
export async function inviteOrFindAuthUser(
  email: string,
  data: Record<string, string>,
  redirectTo: string,
): Promise<{ userId: string; existed: boolean }> {
  const admin = createAdminClient();
  const invited = await admin.auth.admin.inviteUserByEmail(email, { redirectTo, data });
  if (!invited.error && invited.data.user) return { userId: invited.data.user.id, existed: false };
  if (invited.error?.code !== "email_exists" && invited.error?.status !== 422)
    throw invited.error ?? new Error("invite returned no user");
  // generateLink returns the user without sending anything: the way to learn an existing user's id.
  const link = await admin.auth.admin.generateLink({ type: "magiclink", email });
  if (link.error || !link.data.user) throw link.error ?? new Error("generateLink returned no user");
  return { userId: link.data.user.id, existed: true };
}

/** Emails an existing partner user a sign-in link, exactly as the portal's sign-in page does. */
export async function sendMagicLink(email: string, redirectTo: string): Promise<void> {
  const anon = createClient(supabaseUrl(), supabasePublicKey(), {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: "implicit" },
  });
  const { error } = await anon.auth.signInWithOtp({
    email,
    options: { shouldCreateUser: false, emailRedirectTo: redirectTo },
  });
  if (error) throw error;
}

/** Bans (deactivation: sign-in, refresh and every session stop) or lifts the ban. */
export async function setAuthBan(userId: string, banned: boolean): Promise<void> {
  const { error } = await createAdminClient().auth.admin.updateUserById(userId, {
    ban_duration: banned ? "876000h" : "none",
  });
  if (error) throw error;
}
