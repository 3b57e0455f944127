"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { deletePartnerRow } from "@/lib/workspace/delete-partner-row";
import { referralIdSchema } from "../schemas";

/** Leads only (permission matrix). Its commissions, settled ones included, stay on record without the link. */
export const deleteReferral = staffAction(
  { schema: referralIdSchema, roles: LEADS },
  async ({ referralId }, { supabase, orgId }) => deletePartnerRow(supabase, "partner_referrals", referralId, orgId),
);
