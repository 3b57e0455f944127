import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import type { StaffRole } from "@/lib/orgs/roles";
import { readAll } from "@/lib/paging/read-all";

export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

/**
 * The org's staff, for owner and assignee pickers and for naming actors in the timeline.
 * Read range after range: a single read stops at the API's row limit, and a name missing
 * from this list would show as "Unknown".
 */
export const listOrgStaff = cache(async (orgId: string): Promise<StaffMember[]> => {
  const supabase = await createClient();
  const rows = await readAll((from, to) =>
    supabase
      .from("org_members")
      .select("user_id, role, profiles!inner(display_name, email)")
      .eq("org_id", orgId)
      .order("user_id")
      .range(from, to),
  );
  return rows
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
