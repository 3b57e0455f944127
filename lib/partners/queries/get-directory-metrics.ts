import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { DirectoryFilter } from "../directory-params";
import type { DirectoryMetrics } from "../directory-types";

/**
 * Hero metrics for the current filter and how many partners match it, summed in the database
 * (from partner_metric_buckets; with a text search, from the matching partners' stats).
 */
export async function getDirectoryMetrics(
  supabase: ServerClient,
  orgId: string,
  filter: DirectoryFilter,
): Promise<DirectoryMetrics> {
  const { data, error } = await supabase.rpc("partner_directory_metrics", {
    p_org_id: orgId,
    p_status: filter.status.length ? filter.status : undefined,
    p_tier: filter.tier.length ? filter.tier : undefined,
    p_owner_id: filter.owner ?? undefined,
    p_region: filter.region ?? undefined,
    p_search: filter.q || undefined,
    p_include_archived: filter.archived,
  });
  if (error) throw error;
  const row = data?.[0];
  return {
    activePartners: Number(row?.active_partners ?? 0),
    pipelineValue: Number(row?.pipeline_value ?? 0),
    owedCommission: Number(row?.owed_commission ?? 0),
    matchingPartners: Number(row?.matching_partners ?? 0),
  };
}
