"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { adminInvitationError } from "@/lib/invitations/errors";
import { invitationIdSchema } from "@/lib/invitations/schemas";

/** Withdraws an open invitation: its link stops working at once. */
export const revokeInvitation = staffAction(
  { schema: invitationIdSchema, roles: ["admin"] },
  async (input, { supabase }) => {
    const { error } = await supabase.rpc("revoke_org_invitation", { p_invitation_id: input.invitationId });
    const refusal = adminInvitationError(error);
    if (refusal) return fail(refusal.message);
    if (error) throw error;
    revalidatePath("/admin/settings/members");
    return ok(null);
  },
);
