import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { StaffRole } from "@/lib/orgs/roles";
import { readAll } from "@/lib/paging/read-all";

export type OrgStaffMember = { id: string; name: string; email: string | null; role: StaffRole };

/**
 * The org's staff, sorted by name, as the caller may see them (RLS applies). Read range
 * after range: a single read stops at the API's row limit, and someone missing from this
 * list would be missing from every picker and name built on it.
 */
export async function readOrgStaff(supabase: ServerClient, orgId: string): Promise<OrgStaffMember[]> {
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
        name: profile.display_name || profile.email || "Unnamed",
        email: profile.email,
        role: row.role as StaffRole,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
