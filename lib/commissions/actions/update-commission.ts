"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { dayToInstant } from "@/lib/workspace/form-fields";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { updateCommissionSchemaFor } from "../schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";

/**
 * Leads edit a commission's amount, dates, referral and description. The state machine
 * is the authority: the amount changes only while pending, a settled one not at all; its
 * refusal reaches the user as its own sentence.
 */
export const updateCommission = staffAction(
  { schema: (staff) => updateCommissionSchemaFor(numberSignsOf(staff.org.locale)), roles: LEADS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_commissions")
      .update({
        amount: input.amount,
        referral_id: input.referral_id,
        description: input.description,
        earned_at: dayToInstant(input.earned_at),
        due_at: dayToInstant(input.due_at),
      })
      .eq("id", input.commissionId)
      .eq("org_id", orgId)
      .select("partner_id");
    if (error) return dbFailure(error);
    if (!data[0]) return notFoundOrRefused();
    revalidateWorkspace(data[0].partner_id);
    return ok(null);
  },
);
