import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { startOfDayIn } from "@/lib/format/day-range";
import type { GrantInput } from "./schemas";

/**
 * Gives a partner user access to a partner, as the signed-in staff member (so RLS checks
 * their role and the audit names them). Grants are unique per (user, partner) and never
 * deleted: an earlier, revoked grant is restored with the new scope and window.
 */
export async function upsertGrant(
  supabase: ServerClient,
  org: { id: string; timeZone: string },
  partnerUserId: string,
  grant: GrantInput,
) {
  const { data: existing, error: readError } = await supabase
    .from("partner_access")
    .select("id")
    .eq("partner_user_id", partnerUserId)
    .eq("partner_id", grant.partnerId)
    .maybeSingle();
  if (readError) throw readError;
  const fields = { scope: grant.scope, ...windowInstants(grant, org.timeZone) };
  if (existing) {
    const { error } = await supabase
      .from("partner_access")
      .update({ ...fields, revoked_at: null })
      .eq("id", existing.id);
    if (error) throw error;
    return existing.id;
  }
  const { data, error } = await supabase
    .from("partner_access")
    .insert({ ...fields, org_id: org.id, partner_id: grant.partnerId, partner_user_id: partnerUserId })
    .select("id")
    .single();
  if (error) throw error;
  return data.id;
}

/** A grant window's days as instants: each day starts at midnight in the org's time zone. */
export function windowInstants(window: { startsOn: string | null; endsOn: string | null }, timeZone: string) {
  return {
    starts_at: window.startsOn ? startOfDayIn(window.startsOn, timeZone) : null,
    ends_at: window.endsOn ? startOfDayIn(window.endsOn, timeZone) : null,
  };
}
