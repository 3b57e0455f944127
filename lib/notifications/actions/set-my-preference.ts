"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { partnerAction, staffAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { preferenceError, savePreference } from "../save-preference";
import { setNotificationPreferenceSchema } from "../schemas";

/** A staff member's own choice for one event type, in their active org. */
export const setMyNotificationPreference = staffAction(
  { schema: setNotificationPreferenceSchema, roles: STAFF_ROLES },
  async (input, { supabase, orgId, userId }) => {
    const saved = await savePreference(supabase, { orgId, userId, eventType: input.eventType }, input.delivery);
    if (!saved.ok) return fail(preferenceError(saved.code), { delivery: preferenceError(saved.code) });
    revalidatePath("/admin/account/notifications");
    return ok(null);
  },
);

/** A partner user's own choice for one event type. Their preferences are theirs, not business data. */
export const setMyPortalNotificationPreference = partnerAction(
  setNotificationPreferenceSchema,
  async (input, { supabase, partner }) => {
    // The organization of an in-force grant, through the partner-safe function.
    const { data: org, error } = await supabase.rpc("portal_organizations").maybeSingle();
    if (error || !org) return fail("Your portal account could not be found. Sign in again.");
    const saved = await savePreference(
      supabase,
      { orgId: org.id, userId: partner.userId, eventType: input.eventType },
      input.delivery,
    );
    if (!saved.ok) return fail(preferenceError(saved.code), { delivery: preferenceError(saved.code) });
    revalidatePath("/portal/settings/notifications");
    return ok(null);
  },
);
