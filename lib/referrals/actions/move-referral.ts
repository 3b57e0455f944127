"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { moveReferralSchema } from "../schemas";

/** Moves a referral along the pipeline; the trigger closes it on won/lost and reopens it otherwise. */
export const moveReferral = staffAction(
  { schema: moveReferralSchema, roles: EDITORS },
  async ({ referralId, status }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_referrals")
      .update({ status })
      .eq("id", referralId)
      .eq("org_id", orgId)
      .select("id, partner_id, status, actual_value, estimated_value");
    if (error) return dbFailure(error);
    const row = data[0];
    if (!row) return notFoundOrRefused();
    revalidateWorkspace(row.partner_id);
    return ok(row);
  },
);
