import "server-only";
import { getPartnerContext, type PortalAccount } from "@/lib/auth/partner-context";

/**
 * The account a portal page is about, if the signed-in partner user holds a grant in
 * force on it right now (RLS's answer, via the partner context), else null.
 */
export async function getPortalAccount(partnerId: string): Promise<PortalAccount | null> {
  const partner = await getPartnerContext();
  if (!partner || !partner.isActive) return null;
  return partner.accounts.find((account) => account.partnerId === partnerId) ?? null;
}
