"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { taskIdSchema } from "../schemas";
import { setTaskStatus } from "./set-task-status";

export const reopenTask = staffAction(
  { schema: taskIdSchema, roles: EDITORS },
  async ({ taskId }, { supabase, orgId }) => setTaskStatus(supabase, orgId, taskId, "todo"),
);
