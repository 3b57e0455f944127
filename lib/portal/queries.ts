import "server-only";
import { cache } from "react";
import type { PortalSection } from "@/lib/auth/partner-context";
import { createClient } from "@/lib/supabase/server";
import { PARTNER_TIERS, type PartnerTier } from "@/lib/partners/constants";
import type { ReferralStatus } from "./constants";

/**
 * Portal reads. Every one runs as the signed-in partner user, so the database (the grant's
 * scope, window and revocation) alone decides what comes back; nothing here filters by
 * grant. Partners, the organization and every section come through the portal_* functions,
 * which name the partner-safe columns: the tables themselves give partner users nothing, so
 * no staff member's id (who recorded a row) reaches the portal. Sums come from the SQL
 * functions of the portal_summaries migration.
 */

export type PortalOrg = { id: string; name: string; currency: string; time_zone: string; locale: string };

/** The partner user's organization, while one of their grants is in force. */
export const getPortalOrg = cache(async (): Promise<PortalOrg | null> => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("portal_organizations")
    .select("id, name, currency, time_zone, locale")
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  return data;
});

export const getPortalPartner = cache(async (partnerId: string) => {
  const supabase = await createClient();
  // The partner-safe columns: the partners table itself gives partner users nothing.
  const { data, error } = await supabase
    .rpc("portal_partners")
    .select("id, name, status, tier, region, website, owner_id")
    .eq("id", partnerId)
    .maybeSingle();
  if (error) throw error;
  if (!data) return null;
  let manager: { name: string | null; email: string | null } | null = null;
  if (data.owner_id) {
    const { data: owner } = await supabase
      .from("profiles")
      .select("display_name, email")
      .eq("id", data.owner_id)
      .maybeSingle();
    if (owner) manager = { name: owner.display_name, email: owner.email };
  }
  return { ...data, manager };
});

export async function getPortalRollups(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_partner_rollups", { p_partner_id: partnerId }).maybeSingle();
  if (error) throw error;
  return data;
}

export async function listPortalReferrals(partnerId: string, status?: ReferralStatus) {
  const supabase = await createClient();
  let query = supabase
    .rpc("portal_referral_rows", { p_partner_id: partnerId })
    .select("id, client_name, status, estimated_value, actual_value, referred_at, closed_at")
    .order("referred_at", { ascending: false })
    .limit(500);
  if (status) query = query.eq("status", status);
  const { data, error } = await query;
  if (error) throw error;
  return data ?? [];
}

export async function getCommissionStatement(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_commission_statement", { p_partner_id: partnerId });
  if (error) throw error;
  return data ?? [];
}

export async function listPortalCommissions(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("portal_commission_rows", { p_partner_id: partnerId })
    .select("id, amount, currency, status, description, earned_at, due_at, approved_at, paid_at")
    .order("earned_at", { ascending: false })
    .limit(1000);
  if (error) throw error;
  // Overdue as the statement functions define it: still owed (pending or approved) past its due date.
  const now = Date.now();
  return (data ?? []).map((row) => ({
    ...row,
    overdue:
      (row.status === "pending" || row.status === "approved") &&
      row.due_at !== null &&
      new Date(row.due_at).getTime() < now,
  }));
}

export async function listSharedDocuments(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("portal_document_rows", { p_partner_id: partnerId })
    .select("id, title, document_type, url, tags, created_at")
    .order("created_at", { ascending: false });
  if (error) throw error;
  return data ?? [];
}

export async function listTraining(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("portal_training_rows", { p_partner_id: partnerId })
    .select("id, name, kind, status, completed_on, expires_on")
    .order("kind")
    .order("name");
  if (error) throw error;
  return data ?? [];
}

/**
 * Resources for one account's tier. The database already limits a partner user to resources
 * at or below the tier of some granted partner; the tier list narrows that to this account's.
 */
export async function listResources(tier: PartnerTier) {
  const supabase = await createClient();
  const tiers = PARTNER_TIERS.slice(0, PARTNER_TIERS.indexOf(tier) + 1);
  const { data, error } = await supabase
    .rpc("portal_resource_rows")
    .select("id, title, description, url, kind, min_tier")
    .in("min_tier", tiers)
    .order("title");
  if (error) throw error;
  return data ?? [];
}

export async function listPartnerActivity(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("portal_activity_rows", { p_partner_id: partnerId })
    .select("id, event_type, occurred_at, payload")
    .order("occurred_at", { ascending: false })
    .limit(100);
  if (error) throw error;
  return data ?? [];
}

export async function getCommissionSummary() {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_commission_summary");
  if (error) throw error;
  return data ?? [];
}

export type PipelineFilter = { from?: string; to?: string; statuses?: ReferralStatus[] };

export async function getReferralPipeline(filter: PipelineFilter) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_referral_pipeline", {
    p_from: filter.from,
    p_to: filter.to,
    p_statuses: filter.statuses && filter.statuses.length > 0 ? filter.statuses : undefined,
  });
  if (error) throw error;
  return data ?? [];
}

/** Whether a grant's scope includes a section (the overview is always included). */
export function hasSection(scope: readonly PortalSection[], section: PortalSection): boolean {
  return scope.includes(section);
}

export async function listReferralsAcrossAccounts(filter: PipelineFilter) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_referrals", {
    p_from: filter.from,
    p_to: filter.to,
    p_statuses: filter.statuses && filter.statuses.length > 0 ? filter.statuses : undefined,
    p_limit: 200,
  });
  if (error) throw error;
  return data ?? [];
}
