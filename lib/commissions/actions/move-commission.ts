import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { ServerClient } from "@/lib/actions/safe-action";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { canMoveCommission, COMMISSION_STATUS_LABELS, type CommissionStatus } from "../constants";

/**
 * Shared by approve, mark-paid and void. The trigger is the authority on legal moves;
 * the early check only gives a clearer message, and the update is conditional on the
 * status we checked so a concurrent move cannot slip in between.
 */
export async function moveCommission(
  supabase: ServerClient,
  orgId: string,
  commissionId: string,
  to: CommissionStatus,
): Promise<ActionResult<null>> {
  const { data: current, error: readError } = await supabase
    .from("partner_commissions")
    .select("status")
    .eq("id", commissionId)
    .eq("org_id", orgId)
    .maybeSingle();
  if (readError) return dbFailure(readError);
  if (!current) return notFoundOrRefused();
  const from = current.status as CommissionStatus;
  if (!canMoveCommission(from, to)) {
    return fail(
      `A ${COMMISSION_STATUS_LABELS[from].toLowerCase()} commission cannot become ${COMMISSION_STATUS_LABELS[to].toLowerCase()}.`,
    );
  }
  const { data, error } = await supabase
    .from("partner_commissions")
    .update({ status: to })
    .eq("id", commissionId)
    .eq("org_id", orgId)
    .eq("status", from)
    .select("partner_id");
  if (error) return dbFailure(error);
  if (!data[0]) return fail("Someone changed this commission a moment ago. Reload to see its current state.");
  revalidateWorkspace(data[0].partner_id);
  return ok(null);
}
