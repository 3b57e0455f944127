import "server-only";
import type { PortalSection } from "@/lib/portal/sections";
import type { ServerClient } from "@/lib/actions/safe-action";
import { pastEndPage, pageRange, paged } from "@/lib/paging/page";

export type GrantRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  scope: PortalSection[];
  startsAt: string | null;
  endsAt: string | null;
  revokedAt: string | null;
  grantedAt: string;
  state: GrantState;
};
export type PartnerUserRow = {
  id: string;
  email: string;
  name: string | null;
  isActive: boolean;
  createdAt: string;
  grants: GrantRow[];
};

export type PartnerUserFilter = { q?: string; state?: "active" | "deactivated"; partnerId?: string; page: number };

export const PARTNER_USERS_PAGE_SIZE = 50;

/** One page of the org's partner users with their grants, as the signed-in staff member sees them, and how many match. */
export async function listPartnerUsers(
  supabase: ServerClient,
  orgId: string,
  filter: PartnerUserFilter,
): Promise<{ users: PartnerUserRow[]; total: number }> {
  const offset = (filter.page - 1) * PARTNER_USERS_PAGE_SIZE;
  let query = supabase
    .from("partner_users")
    .select(
      `id, email, name, is_active, created_at,
       partner_access${filter.partnerId ? "!inner" : ""}(id, partner_id, scope, starts_at, ends_at, revoked_at, granted_at, partners(name))`,
      { count: "exact" },
    )
    .eq("org_id", orgId)
    .order("created_at", { ascending: false })
    .order("id")
    .range(offset, offset + PARTNER_USERS_PAGE_SIZE - 1);
  if (filter.q) {
    const term = filter.q.replace(/[%,()]/g, " ").trim();
    if (term) query = query.or(`email.ilike.%${term}%,name.ilike.%${term}%`);
  }
  if (filter.state) query = query.eq("is_active", filter.state === "active");
  if (filter.partnerId) query = query.eq("partner_access.partner_id", filter.partnerId);
  const { data, error, count } = await query;
  // An offset past the last row (an old link) is an empty page; PostgREST says how many rows there are.
  if (error?.code === "PGRST103")
    return { users: [], total: Number(/only (\d+) rows?/.exec(error.details ?? "")?.[1] ?? 0) };
  if (error) throw error;
  const now = Date.now();
  const users = (data ?? []).map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    isActive: row.is_active,
    createdAt: row.created_at,
    grants: (row.partner_access ?? []).map((grant) => ({
      id: grant.id,
      partnerId: grant.partner_id,
      partnerName: (grant.partners as { name: string } | null)?.name ?? "Unknown partner",
      scope: grant.scope as PortalSection[],
      startsAt: grant.starts_at,
      endsAt: grant.ends_at,
      revokedAt: grant.revoked_at,
      grantedAt: grant.granted_at,
      state: grantState({ revokedAt: grant.revoked_at, startsAt: grant.starts_at, endsAt: grant.ends_at }, now),
    })),
  }));
  return { users, total: count ?? users.length };
}

/** One page of the grants on one partner (for its "Portal access" card), newest first, with the total. */
export async function listPartnerGrants(supabase: ServerClient, partnerId: string, page = 1) {
  const { data, error, count } = await supabase
    .from("partner_access")
    .select(
      "id, partner_user_id, scope, starts_at, ends_at, revoked_at, granted_at, partner_users(name, email, is_active)",
      { count: "exact" },
    )
    .eq("partner_id", partnerId)
    .order("granted_at", { ascending: false })
    .order("id", { ascending: false })
    .range(...pageRange(page));
  const pastEnd = pastEndPage(error, page);
  if (pastEnd) return pastEnd;
  if (error) throw error;
  const now = Date.now();
  return paged(
    (data ?? []).map((row) => ({
      ...row,
      state: grantState({ revokedAt: row.revoked_at, startsAt: row.starts_at, endsAt: row.ends_at }, now),
    })),
    count,
    page,
  );
}

export type GrantState = "in_force" | "scheduled" | "ended" | "revoked";

/** For the badge only: whether a grant gives access now is RLS's decision, not this one. */
export function grantState(
  grant: { revokedAt: string | null; startsAt: string | null; endsAt: string | null },
  now: number,
): GrantState {
  if (grant.revokedAt) return "revoked";
  if (grant.startsAt && new Date(grant.startsAt).getTime() > now) return "scheduled";
  if (grant.endsAt && new Date(grant.endsAt).getTime() <= now) return "ended";
  return "in_force";
}
