import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { recordId } from "@/lib/validation/record-id";

export type WorkspacePartner = Database["public"]["Tables"]["partners"]["Row"];
export type PartnerRollups = Database["public"]["Functions"]["partner_rollups"]["Returns"][number];

/**
 * The partner a workspace page shows, read as the signed-in user (RLS decides), or
 * null when it does not exist or is not theirs to see. Once per request.
 */
export const getWorkspacePartner = cache(async (partnerId: string): Promise<WorkspacePartner | null> => {
  if (!recordId().safeParse(partnerId).success) return null;
  const supabase = await createClient();
  const { data, error } = await supabase.from("partners").select("*").eq("id", partnerId).maybeSingle();
  if (error) throw error;
  return data;
});

/** Roll-ups from partner_stats through partner_rollups() (never summed here). */
export const getPartnerRollups = cache(async (partnerId: string): Promise<PartnerRollups | null> => {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("partner_rollups", { p_partner_id: partnerId });
  if (error) throw error;
  return data?.[0] ?? null;
});
