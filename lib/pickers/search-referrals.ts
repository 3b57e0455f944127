import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { containsPattern, type PickerOption, type PickerQuery } from "./schemas";

/**
 * A partner's won referrals whose client name contains the term, latest win first: what a
 * commission may be recorded against. Asked per keystroke, so a partner with thousands of
 * wins offers every one of them.
 */
export async function searchWonReferrals(
  supabase: ServerClient,
  partnerId: string,
  query: PickerQuery,
): Promise<PickerOption[]> {
  let request = supabase
    .from("partner_referrals")
    .select("id, client_name, closed_at")
    .eq("partner_id", partnerId)
    .eq("status", "won");
  const pattern = containsPattern(query.q);
  if (pattern) request = request.ilike("client_name", pattern);
  const { data, error } = await request
    .order("closed_at", { ascending: false, nullsFirst: false })
    .order("id", { ascending: false })
    .limit(query.limit);
  if (error) throw error;
  return (data ?? []).map((row) => ({
    id: row.id,
    label: row.client_name,
    detail: row.closed_at ? `won ${row.closed_at.slice(0, 10)}` : "won",
  }));
}
