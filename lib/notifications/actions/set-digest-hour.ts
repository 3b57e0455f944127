"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { partnerAction, staffAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { saveDigestHour } from "../digest-hours";
import { preferenceError } from "../save-preference";
import { setDigestHourSchema } from "../schemas";

/** A staff member's own digest hour, in their active org. */
export const setMyDigestHour = staffAction(
  { schema: setDigestHourSchema, roles: STAFF_ROLES },
  async (input, { supabase, orgId, userId }) => {
    const saved = await saveDigestHour(supabase, { orgId, userId }, input.hour);
    if (!saved.ok) return fail(preferenceError(saved.code), { hour: preferenceError(saved.code) });
    revalidatePath("/admin/account/notifications");
    return ok(null);
  },
);

/** A partner user's own digest hour (their weekly digest goes out on Mondays at it). */
export const setMyPortalDigestHour = partnerAction(setDigestHourSchema, async (input, { supabase, partner }) => {
  const { data: org, error } = await supabase.rpc("portal_organizations").maybeSingle();
  if (error || !org) return fail("Your portal account could not be found. Sign in again.");
  const saved = await saveDigestHour(supabase, { orgId: org.id, userId: partner.userId }, input.hour);
  if (!saved.ok) return fail(preferenceError(saved.code), { hour: preferenceError(saved.code) });
  revalidatePath("/portal/settings/notifications");
  return ok(null);
});

/** The organization's digest hour for everyone who has not chosen: admins only. */
export const setOrgDigestHour = staffAction(
  { schema: setDigestHourSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const saved = await saveDigestHour(supabase, { orgId, userId: null }, input.hour);
    if (!saved.ok) return fail(preferenceError(saved.code), { hour: preferenceError(saved.code) });
    revalidatePath("/admin/settings/notifications");
    return ok(null);
  },
);
