import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import { outageOr } from "@/lib/supabase/unreachable";
import { getCurrentUser } from "./current-user";

import type { PortalSection } from "@/lib/portal/sections";
export { PORTAL_SECTIONS, type PortalSection } from "@/lib/portal/sections";

export type PortalAccount = { partnerId: string; name: string; scope: PortalSection[] };

export type PartnerContext = {
  userId: string;
  name: string | null;
  email: string;
  isActive: boolean;
  /** Partners whose grant is in force right now; decided by RLS, not recomputed here. */
  accounts: PortalAccount[];
};

export const ACTIVE_ACCOUNT_COOKIE = "pd-portal-account";

/**
 * The signed-in partner user and the accounts they may see, or null for anyone who
 * is not a partner user. Which partners are visible is RLS's answer: a grant that
 * ended or was revoked drops out on the very next request.
 */
export const getPartnerContext = cache(async (): Promise<PartnerContext | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const supabase = await createClient();
  const { data: partnerUser, error } = await supabase
    .from("partner_users")
    .select("id, name, email, is_active")
    .eq("id", user.id)
    .maybeSingle();
  if (error) throw outageOr(error);
  if (!partnerUser) return null;

  const [{ data: partners, error: partnersError }, { data: grants, error: grantsError }] = await Promise.all([
    // Partner users read partners only through the partner-safe function, never the table.
    supabase.rpc("portal_partners").select("id, name").order("name"),
    supabase
      .from("partner_access")
      .select("partner_id, scope, revoked_at")
      .eq("partner_user_id", user.id)
      .is("revoked_at", null),
  ]);
  if (partnersError) throw outageOr(partnersError);
  if (grantsError) throw outageOr(grantsError);
  const scopes = new Map((grants ?? []).map((grant) => [grant.partner_id, grant.scope as PortalSection[]]));
  const accounts = (partners ?? [])
    .filter((partner) => scopes.has(partner.id))
    .map((partner) => ({ partnerId: partner.id, name: partner.name, scope: scopes.get(partner.id) ?? [] }));
  return {
    userId: user.id,
    name: partnerUser.name,
    email: partnerUser.email,
    isActive: partnerUser.is_active,
    accounts,
  };
});

/** The account the portal shows: the remembered choice if still granted, else the first. */
export async function activeAccount(
  context: PartnerContext,
  requested?: string | null,
): Promise<PortalAccount | undefined> {
  const remembered = requested ?? (await cookies()).get(ACTIVE_ACCOUNT_COOKIE)?.value;
  return context.accounts.find((account) => account.partnerId === remembered) ?? context.accounts[0];
}
