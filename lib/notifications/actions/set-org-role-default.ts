"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { preferenceError, savePreference } from "../save-preference";
import { setOrgRoleDefaultSchema } from "../schemas";

/** The organization's default for one role and event type, for its people who have not chosen: admins only. */
export const setOrgRoleNotificationDefault = staffAction(
  { schema: setOrgRoleDefaultSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const saved = await savePreference(
      supabase,
      { orgId, userId: null, role: input.role, eventType: input.eventType },
      input.delivery,
    );
    if (!saved.ok) return fail(preferenceError(saved.code), { delivery: preferenceError(saved.code) });
    revalidatePath("/admin/settings/notifications");
    return ok(null);
  },
);
