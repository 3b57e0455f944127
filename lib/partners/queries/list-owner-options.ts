import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { readOrgStaff } from "@/lib/orgs/queries/read-org-staff";
import type { OwnerOption } from "../directory-types";

/**
 * Staff of the org, who may own partners: the import's owner emails, the owner filter and
 * editor. Every one of them, however many; a picker that grows past a screenful should
 * search `/api/pickers/staff` instead.
 */
export async function listOwnerOptions(supabase: ServerClient, orgId: string): Promise<OwnerOption[]> {
  const staff = await readOrgStaff(supabase, orgId);
  return staff.map(({ id, name, email }) => ({ id, name, email }));
}
