"use server";

import { createClient } from "@supabase/supabase-js";
import { fail, ok } from "@/lib/actions/result";
import { publicAction } from "@/lib/actions/safe-action";
import { STAFF_HOME } from "@/lib/auth/home-paths";
import type { Database } from "@/lib/database.types";
import { clientHeaders } from "@/lib/http/client-address";
import { openJoinedOrg } from "@/lib/invitations/active-org";
import { acceptError } from "@/lib/invitations/errors";
import { invitationForToken } from "@/lib/invitations/queries";
import { choosePasswordSchema } from "@/lib/invitations/schemas";
import { createAdminClient } from "@/lib/supabase/admin";
import { createAuthClient } from "@/lib/supabase/auth-client";
import { supabasePublicKey, supabaseUrl } from "@/lib/supabase/env";

/**
 * A new person's first step: the account their invitation created gets the password they
 * choose, they are signed in with it, and the invitation is accepted as them. Only an
 * account made for an invitation that has never signed in may be given a password here;
 * an existing account signs in with its own password and accepts on the page instead.
 */
export const choosePasswordAndAccept = publicAction(choosePasswordSchema, async (input) => {
  const invitation = await invitationForToken(input.token);
  if (!invitation || invitation.status !== "pending") {
    const hint = !invitation
      ? "invitation_not_found"
      : `invitation_${invitation.status === "accepted" ? "used" : invitation.status}`;
    return fail(acceptError({ hint }) ?? "This invitation link is not valid.");
  }
  if (!invitation.setsPassword || !invitation.accountId)
    return fail("This email address already has an account. Sign in with its password to accept the invitation.");

  const updated = await createAdminClient().auth.admin.updateUserById(invitation.accountId, {
    password: input.password,
  });
  if (updated.error?.code === "weak_password")
    return fail("That password is too weak.", { password: updated.error.message });
  if (updated.error) throw updated.error;

  const auth = await createAuthClient();
  const signedIn = await auth.auth.signInWithPassword({ email: invitation.email, password: input.password });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error("sign-in returned no session");

  // The new session's cookies go out with this response; the acceptance needs it now.
  const asInvitee = createClient<Database>(supabaseUrl(), supabasePublicKey(), {
    global: {
      headers: { ...(await clientHeaders()), Authorization: `Bearer ${signedIn.data.session.access_token}` },
    },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { data: orgId, error } = await asInvitee.rpc("accept_org_invitation", { p_token: input.token });
  const refusal = acceptError(error);
  if (refusal) return fail(refusal);
  if (error) throw error;
  await openJoinedOrg(orgId);
  return ok({ next: STAFF_HOME });
});
