"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { memberError } from "@/lib/members/errors";
import { changeMemberRoleSchema } from "@/lib/members/schemas";

/** Changes a member's role; the database refuses to demote the last admin and we show its words. */
export const changeMemberRole = staffAction(
  { schema: changeMemberRoleSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("org_members")
      .update({ role: input.role })
      .eq("org_id", orgId)
      .eq("user_id", input.userId)
      .select("user_id");
    if (error) return fail(memberError(error, "Could not change the role."));
    if (!data || data.length === 0) return fail("This person is not a member of your organization.");
    revalidatePath("/admin/settings/members");
    return ok(null);
  },
);
