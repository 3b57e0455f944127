"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { deletePartnerRow } from "@/lib/workspace/delete-partner-row";
import { taskIdSchema } from "../schemas";

export const deleteTask = staffAction(
  { schema: taskIdSchema, roles: EDITORS },
  async ({ taskId }, { supabase, orgId }) => deletePartnerRow(supabase, "partner_tasks", taskId, orgId),
);
