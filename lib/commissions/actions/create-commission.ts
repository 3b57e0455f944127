"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { dbFailure } from "@/lib/workspace/db-errors";
import { dayToInstant } from "@/lib/workspace/form-fields";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { createCommissionSchemaFor } from "../schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";

export const createCommission = staffAction(
  { schema: (staff) => createCommissionSchemaFor(numberSignsOf(staff.org.locale)), roles: LEADS },
  async (input, { supabase, orgId, staff }) => {
    const { data, error } = await supabase
      .from("partner_commissions")
      .insert({
        org_id: orgId,
        partner_id: input.partnerId,
        referral_id: input.referral_id,
        amount: input.amount,
        currency: staff.org.currency,
        description: input.description,
        earned_at: dayToInstant(input.earned_at),
        due_at: dayToInstant(input.due_at),
      })
      .select("id")
      .single();
    if (error) return dbFailure(error);
    revalidateWorkspace(input.partnerId);
    return ok({ id: data.id });
  },
);
