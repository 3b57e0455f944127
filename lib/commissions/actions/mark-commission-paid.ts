"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { commissionIdSchema } from "../schemas";
import { moveCommission } from "./move-commission";

export const markCommissionPaid = staffAction(
  { schema: commissionIdSchema, roles: LEADS },
  async ({ commissionId }, { supabase, orgId }) => moveCommission(supabase, orgId, commissionId, "paid"),
);
