import type { ServerClient } from "@/lib/actions/safe-action";

/** Whether the org has any commission: then its currency stays (organizations_currency trigger). */
export async function hasCommissions(supabase: ServerClient, orgId: string): Promise<boolean> {
  const { data, error } = await supabase.from("partner_commissions").select("id").eq("org_id", orgId).limit(1);
  if (error) throw error;
  return (data ?? []).length > 0;
}
