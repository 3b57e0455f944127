"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { updateTrainingSchema } from "../schemas";

/** Editors record progress on a course or certification: status, completed and expiry days. */
export const updateTraining = staffAction(
  { schema: updateTrainingSchema, roles: EDITORS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_training")
      .update({ status: input.status, completed_on: input.completed_on, expires_on: input.expires_on })
      .eq("id", input.trainingId)
      .eq("org_id", orgId)
      .select("partner_id");
    if (error) return dbFailure(error);
    if (!data[0]) return notFoundOrRefused();
    revalidateWorkspace(data[0].partner_id);
    return ok(null);
  },
);
