import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import type { StaffRole } from "@/lib/orgs/roles";

export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

/** The org's staff, for owner and assignee pickers and for naming actors in the timeline. */
export const listOrgStaff = cache(async (orgId: string): Promise<StaffMember[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("org_members")
    .select("user_id, role, profiles!inner(display_name, email)")
    .eq("org_id", orgId);
  if (error) throw error;
  return (data ?? [])
    .map((row) => {
      const profile = row.profiles as { display_name: string | null; email: string | null };
      return {
        id: row.user_id,
        name: profile.display_name || profile.email || "Unknown",
        email: profile.email ?? "",
        role: row.role as StaffRole,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
});
