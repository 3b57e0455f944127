"use server";

import { fail, ok } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/safe-action";
import { STAFF_HOME } from "@/lib/auth/home-paths";
import { openJoinedOrg } from "@/lib/invitations/active-org";
import { acceptError } from "@/lib/invitations/errors";
import { acceptInvitationSchema } from "@/lib/invitations/schemas";

/** The signed-in invitee accepts; the database checks the token, its state and their email. */
export const acceptInvitation = userAction(acceptInvitationSchema, async (input, { supabase }) => {
  const { data: orgId, error } = await supabase.rpc("accept_org_invitation", { p_token: input.token });
  const refusal = acceptError(error);
  if (refusal) return fail(refusal);
  if (error) throw error;
  await openJoinedOrg(orgId);
  return ok({ next: STAFF_HOME });
});
