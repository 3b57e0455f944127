import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { recordPortalSignIn } from "@/lib/portal/record-portal-sign-in";
import { PARTNER_HOME, STAFF_HOME } from "./home-paths";
import { safeNextPath } from "./schemas";

/**
 * Where a person goes once an email link has signed them in: staff to the program dashboard,
 * partner users to the portal (their sign-in is recorded there), unless the link named a
 * same-site page. Every way of completing a link (/auth/confirm, /auth/callback with a
 * code or with a session in the fragment) ends here, so they all land alike.
 */
export async function landingPath(supabase: ServerClient, userId: string, next: string | null | undefined) {
  const { data: membership, error } = await supabase
    .from("org_members")
    .select("org_id")
    .eq("user_id", userId)
    .limit(1);
  if (error) throw error;
  const home = membership.length > 0 ? STAFF_HOME : PARTNER_HOME;
  if (home === PARTNER_HOME) await recordPortalSignIn(supabase);
  return safeNextPath(next, home);
}
