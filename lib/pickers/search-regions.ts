import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { containsPattern, type PickerOption, type PickerQuery } from "./schemas";

/** The org's regions containing the term, A to Z, at most `limit`: a region is its own id. */
export async function searchRegions(
  supabase: ServerClient,
  orgId: string,
  query: PickerQuery,
): Promise<PickerOption[]> {
  const { data, error } = await supabase.rpc("partner_region_options", {
    p_org_id: orgId,
    p_pattern: containsPattern(query.q) ?? undefined,
    p_limit: query.limit,
  });
  if (error) throw error;
  return (data ?? []).map((region) => ({ id: region, label: region }));
}
