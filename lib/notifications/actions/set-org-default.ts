"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { preferenceError, savePreference } from "../save-preference";
import { setNotificationPreferenceSchema } from "../schemas";

/** The organization's default for one event type, for everyone who has not chosen: admins only. */
export const setOrgNotificationDefault = staffAction(
  { schema: setNotificationPreferenceSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const saved = await savePreference(supabase, { orgId, userId: null, eventType: input.eventType }, input.delivery);
    if (!saved.ok) return fail(preferenceError(saved.code), { delivery: preferenceError(saved.code) });
    revalidatePath("/admin/settings/notifications");
    return ok(null);
  },
);
