import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";

const MAX_REGIONS = 40;

/**
 * The distinct regions of the org's partners, for the region filter: one call that reads the
 * few hundred rows of partner_metric_buckets (not the 100k partners, and not one request per
 * region).
 */
export async function listRegions(supabase: ServerClient, orgId: string): Promise<string[]> {
  const { data, error } = await supabase.rpc("partner_directory_regions", { p_org_id: orgId }).limit(MAX_REGIONS);
  if (error) throw error;
  return (data ?? []).filter((region): region is string => Boolean(region));
}
