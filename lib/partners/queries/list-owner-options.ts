import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { readAll } from "@/lib/paging/read-all";
import type { OwnerOption } from "../directory-types";

/**
 * Staff of the org, who may own partners: the import's owner emails, the owner filter and
 * editor. Read range after range, so an org with more staff than the API's row limit
 * still has every one of them; a picker that grows past a screenful should search
 * `/api/pickers/staff` instead.
 */
export async function listOwnerOptions(supabase: ServerClient, orgId: string): Promise<OwnerOption[]> {
  const rows = await readAll((from, to) =>
    supabase
      .from("org_members")
      .select("user_id, profiles!inner(display_name, email)")
      .eq("org_id", orgId)
      .order("user_id")
      .range(from, to),
  );
  return rows
    .map((row) => {
      const profile = row.profiles as { display_name: string | null; email: string | null };
      return { id: row.user_id, name: profile.display_name || profile.email || "Unnamed", email: profile.email };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
