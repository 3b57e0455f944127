import "server-only";
import { cache } from "react";
import type { PortalSection } from "@/lib/auth/partner-context";
import { createClient } from "@/lib/supabase/server";
import { PARTNER_TIERS, type PartnerTier } from "@/lib/partners/constants";
import type { ReferralStatus } from "./constants";
import { pastEndPage, pageRange, paged } from "@/lib/paging/page";
import { readAll } from "@/lib/paging/read-all";

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

const REFERRAL_COLUMNS = "id, client_name, status, estimated_value, actual_value, referred_at, closed_at";

/** One page of the account's referrals, newest first, with how many there are in all. */
export async function listPortalReferrals(partnerId: string, status: ReferralStatus | undefined, page: number) {
  const supabase = await createClient();
  let query = supabase
    .rpc("portal_referral_rows", { p_partner_id: partnerId }, { count: "exact" })
    .select(REFERRAL_COLUMNS)
    .order("referred_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  if (status) query = query.eq("status", status);
  const { data, error, count } = await query;
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data ?? [], count, page);
}

export async function getCommissionStatement(partnerId: string) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("portal_commission_statement", { p_partner_id: partnerId });
  if (error) throw error;
  return data ?? [];
}

const COMMISSION_COLUMNS = "id, amount, currency, status, description, earned_at, due_at, approved_at, paid_at";
type PortalCommissionRow = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  description: string | null;
  earned_at: string;
  due_at: string | null;
  approved_at: string | null;
  paid_at: string | null;
};

// Overdue as the statement functions define it: still owed (pending or approved) past its due date.
function withOverdue<T extends PortalCommissionRow>(rows: T[]) {
  const now = Date.now();
  return rows.map((row) => ({
    ...row,
    overdue:
      (row.status === "pending" || row.status === "approved") &&
      row.due_at !== null &&
      new Date(row.due_at).getTime() < now,
  }));
}

function commissionsOf(supabase: Awaited<ReturnType<typeof createClient>>, partnerId: string) {
  return supabase
    .rpc("portal_commission_rows", { p_partner_id: partnerId }, { count: "exact" })
    .select(COMMISSION_COLUMNS)
    .order("earned_at", { ascending: false })
    .order("id", { ascending: false });
}

/** One page of the account's commissions, newest first, with how many there are in all. */
export async function listPortalCommissions(partnerId: string, page: number) {
  const supabase = await createClient();
  const { data, error, count } = await commissionsOf(supabase, partnerId).range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(withOverdue(data ?? []), count, page);
}

/** Every commission of the account, for the statement file. */
export async function listAllPortalCommissions(partnerId: string) {
  const supabase = await createClient();
  return withOverdue(await readAll((from, to) => commissionsOf(supabase, partnerId).range(from, to)));
}

/** One page of the documents shared with the account, newest first. */
export async function listSharedDocuments(partnerId: string, page: number) {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .rpc("portal_document_rows", { p_partner_id: partnerId }, { count: "exact" })
    .select("id, title, document_type, url, tags, created_at")
    .order("created_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data ?? [], count, page);
}

/** One page of the account's courses and certifications. */
export async function listTraining(partnerId: string, page: number) {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .rpc("portal_training_rows", { p_partner_id: partnerId }, { count: "exact" })
    .select("id, name, kind, status, completed_on, expires_on")
    .order("kind")
    .order("name")
    .order("id")
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data ?? [], count, page);
}

/**
 * Resources for one account's tier. The database already limits a partner user to resources
 * at or below the tier of some granted partner; the tier list narrows that to this account's.
 */
/** The resources at or below the account's tier, A to Z: every one, read range after range past the API's row limit. */
export async function listResources(tier: PartnerTier) {
  const supabase = await createClient();
  const tiers = PARTNER_TIERS.slice(0, PARTNER_TIERS.indexOf(tier) + 1);
  return readAll((from, to) =>
    supabase
      .rpc("portal_resource_rows")
      .select("id, title, description, url, kind, min_tier")
      .in("min_tier", tiers)
      .order("title")
      .order("id")
      .range(from, to),
  );
}

/** One page of the account's partner-visible activity, newest first. */
export async function listPartnerActivity(partnerId: string, page: number) {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .rpc("portal_activity_rows", { p_partner_id: partnerId }, { count: "exact" })
    .select("id, event_type, occurred_at, payload")
    .order("occurred_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data ?? [], count, page);
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

/** One page of the referrals of every account the caller sees, newest first, filtered as the pipeline is. */
export async function listReferralsAcrossAccounts(filter: PipelineFilter, page: number) {
  const supabase = await createClient();
  const { data, error, count } = await supabase
    .rpc(
      "portal_referral_list",
      {
        p_from: filter.from,
        p_to: filter.to,
        p_statuses: filter.statuses && filter.statuses.length > 0 ? filter.statuses : undefined,
      },
      { count: "exact" },
    )
    .order("referred_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  return paged(data ?? [], count, page);
}
