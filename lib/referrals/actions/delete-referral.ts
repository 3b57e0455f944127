"use server";

import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { referralIdSchema } from "../schemas";

/** Leads only (permission matrix); its commissions stay, unlinked. */
export const deleteReferral = staffAction({ schema: referralIdSchema, roles: LEADS }, async ({ referralId }, { supabase, orgId }) => {
  const { data, error } = await supabase.from("partner_referrals").delete().eq("id", referralId).eq("org_id", orgId).select("partner_id");
  if (error) {
    // unlinking a paid or void commission is refused by the commission state machine
    if (error.code === "23514" && error.message.includes("commission cannot change")) {
      return fail("This referral has a paid or voided commission, so it cannot be deleted. Mark it lost instead.");
    }
    return dbFailure(error);
  }
  if (!data[0]) return notFoundOrRefused();
  revalidateWorkspace(data[0].partner_id);
  return ok(null);
});
