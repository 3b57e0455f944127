"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { createReferralSchemaFor } from "../schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";
import { referralRow } from "../to-row";

export const createReferral = staffAction(
  { schema: (staff) => createReferralSchemaFor(numberSignsOf(staff.org.locale)), roles: EDITORS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_referrals")
      .insert({ ...referralRow(input), partner_id: input.partnerId, org_id: orgId })
      .select("id, status, actual_value, estimated_value")
      .single();
    if (error) return dbFailure(error);
    revalidateWorkspace(input.partnerId);
    return ok(data);
  },
);
