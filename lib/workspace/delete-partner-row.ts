import "server-only";
import { ok, type ActionResult } from "@/lib/actions/result";
import type { ServerClient } from "@/lib/actions/safe-action";
import { dbFailure, notFoundOrRefused } from "./db-errors";
import { revalidateWorkspace } from "./revalidate";

/** Partner children whose delete needs nothing beyond RLS and the row's own triggers. */
type DeletableTable = "partner_documents" | "partner_referrals" | "partner_tasks";

/**
 * Deletes one row of a partner's workspace as the caller (RLS decides), in the caller's
 * org, and refreshes that partner's workspace. Zero rows means unknown or refused.
 */
export async function deletePartnerRow(
  supabase: ServerClient,
  table: DeletableTable,
  id: string,
  orgId: string,
): Promise<ActionResult<null>> {
  const { data, error } = await supabase.from(table).delete().eq("id", id).eq("org_id", orgId).select("partner_id");
  if (error) return dbFailure(error);
  if (!data[0]) return notFoundOrRefused();
  revalidateWorkspace(data[0].partner_id);
  return ok(null);
}
