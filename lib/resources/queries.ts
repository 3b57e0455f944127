import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { PARTNER_TIERS, type PartnerTier } from "@/lib/partners/constants";

export type Resource = Database["public"]["Tables"]["partner_resources"]["Row"];

/** Tiers at or below a tier: a resource is available when its min_tier is one of them. */
export function tiersUpTo(tier: PartnerTier): PartnerTier[] {
  return PARTNER_TIERS.slice(0, PARTNER_TIERS.indexOf(tier) + 1);
}

/** The org's resources a partner at this tier can use. */
export async function listResourcesForTier(orgId: string, tier: PartnerTier): Promise<Resource[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("partner_resources")
    .select("*")
    .eq("org_id", orgId)
    .in("min_tier", tiersUpTo(tier))
    .order("title")
    .limit(50);
  if (error) throw error;
  return data;
}
