"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { referralIdSchema } from "../schemas";

/** Leads only (permission matrix). Its commissions, settled ones included, stay on record without the link. */
export const deleteReferral = staffAction(
  { schema: referralIdSchema, roles: LEADS },
  async ({ referralId }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_referrals")
      .delete()
      .eq("id", referralId)
      .eq("org_id", orgId)
      .select("partner_id");
    if (error) return dbFailure(error);
    if (!data[0]) return notFoundOrRefused();
    revalidateWorkspace(data[0].partner_id);
    return ok(null);
  },
);
