"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { updateReferralSchemaFor } from "../schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";
import { referralRow } from "../to-row";

export const updateReferral = staffAction(
  { schema: (staff) => updateReferralSchemaFor(numberSignsOf(staff.org.locale)), roles: EDITORS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_referrals")
      .update(referralRow(input))
      .eq("id", input.referralId)
      .eq("org_id", orgId)
      .select("id, partner_id, status, actual_value, estimated_value");
    if (error) return dbFailure(error);
    const row = data[0];
    if (!row) return notFoundOrRefused();
    revalidateWorkspace(row.partner_id);
    return ok(row);
  },
);
