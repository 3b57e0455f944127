"use server";

import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { LEADS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { COMMISSION_STATUS_LABELS, type CommissionStatus } from "../constants";
import { commissionIdSchema } from "../schemas";

/**
 * Leads delete a commission recorded by mistake, only while it is pending. The delete
 * policy hides other states from the delete (zero rows, no error) and the state machine
 * refuses them too; when nothing was deleted we read the row to say why.
 */
export const deleteCommission = staffAction(
  { schema: commissionIdSchema, roles: LEADS },
  async ({ commissionId }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_commissions")
      .delete()
      .eq("id", commissionId)
      .eq("org_id", orgId)
      .select("partner_id");
    if (error) return dbFailure(error);
    if (data[0]) {
      revalidateWorkspace(data[0].partner_id);
      return ok(null);
    }
    const { data: current } = await supabase
      .from("partner_commissions")
      .select("status, partner_id")
      .eq("id", commissionId)
      .eq("org_id", orgId)
      .maybeSingle();
    if (!current || current.status === "pending") return notFoundOrRefused();
    revalidateWorkspace(current.partner_id);
    const status = COMMISSION_STATUS_LABELS[current.status as CommissionStatus].toLowerCase();
    return fail(
      `Only pending commissions can be deleted (this one is ${status}). ${current.status === "approved" ? "Void it instead." : "It stays on record."}`,
    );
  },
);
