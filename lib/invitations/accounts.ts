import "server-only";
import { createAdminClient } from "@/lib/supabase/admin";
import { findAuthUserIdByEmail } from "@/lib/supabase/find-auth-user";
import { supabaseSecretKey, supabaseUrl } from "@/lib/supabase/env";

export type InviteeAccount =
  | { ok: true; userId: string; created: boolean }
  /** The auth server refused the address itself (its own email rules are stricter than ours). */
  | { ok: false; error: "invalid_email" };

/**
 * The invitee's auth user: created through the admin API when the address has none, found
 * otherwise. Nothing here emails anyone or issues a token (admin.createUser sends nothing,
 * and the lookup reads the user list), so an invitation never spends a code the person is
 * about to type. The account is confirmed, with no password of its own (hosted GoTrue gives
 * it a random one nobody knows): the invitation link lets its owner choose one.
 */
export async function createOrFindInviteeAccount(email: string, name?: string): Promise<InviteeAccount> {
  const created = await createAdminClient().auth.admin.createUser({
    email,
    email_confirm: true,
    user_metadata: name ? { display_name: name } : {},
  });
  if (!created.error && created.data.user) return { ok: true, userId: created.data.user.id, created: true };
  if (created.error?.code === "email_exists") {
    const userId = await findAuthUserIdByEmail(email, { url: supabaseUrl(), secretKey: supabaseSecretKey() });
    if (!userId) throw new Error("the auth server says the email has an account, but its user search finds none");
    return { ok: true, userId, created: false };
  }
  if (created.error?.code === "email_address_invalid" || created.error?.code === "validation_failed")
    return { ok: false, error: "invalid_email" };
  throw created.error ?? new Error("createUser returned no user");
}
