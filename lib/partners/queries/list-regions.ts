import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";

const MAX_REGIONS = 40;

/**
 * The distinct regions of the org's partners, for the region filter. PostgREST has no
 * DISTINCT, and reading 100k rows to find a dozen values would be wasteful, so this
 * walks the (org_id, region) index one value at a time: each step is an index lookup.
 */
export async function listRegions(supabase: ServerClient, orgId: string): Promise<string[]> {
  const regions: string[] = [];
  let after: string | null = null;
  while (regions.length < MAX_REGIONS) {
    let query = supabase.from("partners").select("region").eq("org_id", orgId).not("region", "is", null);
    if (after !== null) query = query.gt("region", after);
    const { data, error } = await query.order("region").limit(1).maybeSingle();
    if (error) throw error;
    if (!data?.region) break;
    regions.push(data.region);
    after = data.region;
  }
  return regions;
}
