import "server-only";
import { ok, type ActionResult } from "@/lib/actions/result";
import type { ServerClient } from "@/lib/actions/safe-action";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import type { TaskStatus } from "../constants";

/** Shared by complete-task and reopen-task: completed_at follows the status (trigger). */
export async function setTaskStatus(
  supabase: ServerClient,
  orgId: string,
  taskId: string,
  status: TaskStatus,
): Promise<ActionResult<null>> {
  const { data, error } = await supabase
    .from("partner_tasks")
    .update({ status })
    .eq("id", taskId)
    .eq("org_id", orgId)
    .select("partner_id");
  if (error) return dbFailure(error);
  if (!data[0]) return notFoundOrRefused();
  revalidateWorkspace(data[0].partner_id);
  return ok(null);
}
