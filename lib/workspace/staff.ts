import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import type { StaffRole } from "@/lib/orgs/roles";
import { readOrgStaff } from "@/lib/orgs/queries/read-org-staff";

export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

/**
 * The org's staff, for owner and assignee pickers and for naming actors in the timeline,
 * read once per request.
 */
export const listOrgStaff = cache(async (orgId: string): Promise<StaffMember[]> => {
  const staff = await readOrgStaff(await createClient(), orgId);
  return staff.map((member) => ({ ...member, email: member.email ?? "" }));
});
