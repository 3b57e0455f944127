import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { PARTNER_TIERS, type PartnerTier } from "@/lib/partners/constants";
import { pastEndPage, pageRange, paged, type Paged } from "@/lib/paging/page";

export type Resource = Database["public"]["Tables"]["partner_resources"]["Row"];

/** Tiers at or below a tier: a resource is available when its min_tier is one of them. */
export function tiersUpTo(tier: PartnerTier): PartnerTier[] {
  return PARTNER_TIERS.slice(0, PARTNER_TIERS.indexOf(tier) + 1);
}

/** One page of the org's resources a partner at this tier can use, A to Z. */
export async function listResourcesForTier(orgId: string, tier: PartnerTier, page = 1): Promise<Paged<Resource>> {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .from("partner_resources")
    .select("*", { count: "exact" })
    .eq("org_id", orgId)
    .in("min_tier", tiersUpTo(tier))
    .order("title")
    .order("id")
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data, count, page);
}
