import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { ACTIVE_ACCOUNT_COOKIE, activeAccount, getPartnerContext } from "@/lib/auth/partner-context";
import { ALL_ACCOUNTS, accountHref } from "@/lib/portal/constants";

/** One account: land on it. Several: the remembered choice, else "All accounts". */
export default async function PortalHome() {
  const partner = await getPartnerContext();
  // The layout shows the reason to anyone who may not be here; a redirect would override it.
  if (!partner || !partner.isActive || partner.accounts.length === 0) return null;
  if (partner.accounts.length === 1) redirect(accountHref(partner.accounts[0]!.partnerId));
  const remembered = (await cookies()).get(ACTIVE_ACCOUNT_COOKIE)?.value;
  if (!remembered || remembered === ALL_ACCOUNTS) redirect("/portal/all");
  const account = await activeAccount(partner, remembered);
  redirect(account && account.partnerId === remembered ? accountHref(account.partnerId) : "/portal/all");
}
