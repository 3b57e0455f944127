import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { OwnerOption } from "../directory-types";

/** Staff of the org, who may own partners: the owner filter and the owner editor. */
export async function listOwnerOptions(supabase: ServerClient, orgId: string): Promise<OwnerOption[]> {
  const { data, error } = await supabase
    .from("org_members")
    .select("user_id, profiles!inner(display_name, email)")
    .eq("org_id", orgId);
  if (error) throw error;
  return (data ?? [])
    .map((row) => {
      const profile = row.profiles as { display_name: string | null; email: string | null };
      return { id: row.user_id, name: profile.display_name || profile.email || "Unnamed", email: profile.email };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
