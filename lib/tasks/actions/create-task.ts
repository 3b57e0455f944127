"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { createTaskSchema } from "../schemas";

export const createTask = staffAction(
  { schema: createTaskSchema, roles: EDITORS },
  async ({ partnerId, ...task }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_tasks")
      .insert({ ...task, partner_id: partnerId, org_id: orgId })
      .select("id")
      .single();
    if (error) return dbFailure(error);
    revalidateWorkspace(partnerId);
    return ok({ id: data.id });
  },
);
