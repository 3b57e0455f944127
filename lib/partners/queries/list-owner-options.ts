import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { readOrgStaff } from "@/lib/orgs/queries/read-org-staff";
import type { OwnerOption } from "../directory-types";

/**
 * Staff of the org, who may own partners: every one of them, however many, for matching an
 * import's owner emails. Pickers search `/api/pickers/staff` instead of holding this list.
 */
export async function listOwnerOptions(supabase: ServerClient, orgId: string): Promise<OwnerOption[]> {
  const staff = await readOrgStaff(supabase, orgId);
  return staff.map(({ id, name, email }) => ({ id, name, email }));
}
