import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";

/**
 * Writes the portal.sign_in audit entry with the partner user as actor. Called right
 * where a sign-in completes. The database refuses the event for anyone but an active
 * partner user (42501): that is expected for staff and never blocks the sign-in.
 */
export async function recordPortalSignIn(supabase: ServerClient): Promise<void> {
  const { error } = await supabase.rpc("record_portal_event", { p_event: "portal.sign_in" });
  if (error && error.code !== "42501") console.error("could not record the portal sign-in", error);
}
