"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { memberError } from "@/lib/members/errors";
import { removeMemberSchema } from "@/lib/members/schemas";

/** Removes a member from the org (their auth user stays); the last admin cannot be removed. */
export const removeMember = staffAction(
  { schema: removeMemberSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("org_members")
      .delete()
      .eq("org_id", orgId)
      .eq("user_id", input.userId)
      .select("user_id");
    if (error) return fail(memberError(error, "Could not remove this member."));
    if (!data || data.length === 0) return fail("This person is not a member of your organization.");
    revalidatePath("/admin/settings/members");
    return ok(null);
  },
);
