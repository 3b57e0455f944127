import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { containsPattern, type PickerOption, type PickerQuery } from "./schemas";

/**
 * Partners of the org whose name contains the term, A to Z, at most `limit` of them:
 * each keystroke asks again instead of the page holding every partner.
 */
export async function searchPartners(
  supabase: ServerClient,
  orgId: string,
  query: PickerQuery & { includeArchived?: boolean },
): Promise<PickerOption[]> {
  let request = supabase.from("partners").select("id, name, archived_at").eq("org_id", orgId);
  const pattern = containsPattern(query.q);
  if (pattern) request = request.ilike("name", pattern);
  if (!query.includeArchived) request = request.is("archived_at", null);
  const { data, error } = await request.order("name").order("id").limit(query.limit);
  if (error) throw error;
  return (data ?? []).map((row) => ({
    id: row.id,
    label: row.name,
    detail: row.archived_at ? "archived" : undefined,
  }));
}

/** The name of one partner for a picker that arrives with it chosen (null when RLS hides it or it is gone). */
export async function partnerOption(supabase: ServerClient, orgId: string, id: string): Promise<PickerOption | null> {
  const { data, error } = await supabase
    .from("partners")
    .select("id, name")
    .eq("org_id", orgId)
    .eq("id", id)
    .maybeSingle();
  if (error) throw error;
  return data ? { id: data.id, label: data.name } : null;
}
