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
  /** Partners whose grant is in force right now; decided by the database, not recomputed here. */
  accounts: PortalAccount[];
};

export const ACTIVE_ACCOUNT_COOKIE = "pd-portal-account";

/**
 * The signed-in partner user and the accounts they may see, or null for anyone who
 * is not a partner user. Both come from partner-safe definer functions (portal_me,
 * portal_accounts), never the tables: a grant that ended or was revoked drops out on the
 * very next request.
 */
export const getPartnerContext = cache(async (): Promise<PartnerContext | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const supabase = await createClient();
  const { data: partnerUser, error } = await supabase.rpc("portal_me").maybeSingle();
  if (error) throw outageOr(error);
  if (!partnerUser) return null;

  const { data: grants, error: grantsError } = await supabase.rpc("portal_accounts").order("name");
  if (grantsError) throw outageOr(grantsError);
  const accounts = (grants ?? []).map((grant) => ({
    partnerId: grant.partner_id,
    name: grant.name,
    scope: grant.scope as PortalSection[],
  }));
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
