import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { ExistingPartner } from "../csv/import-rows";

const CHUNK = 200;

/** The org's partners with these external ids (archived ones too: import matches them). */
export async function listImportMatches(
  supabase: ServerClient,
  orgId: string,
  externalIds: string[],
): Promise<Map<string, ExistingPartner>> {
  const unique = [...new Set(externalIds.filter(Boolean))];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) chunks.push(unique.slice(i, i + CHUNK));
  const results = await Promise.all(
    chunks.map((ids) =>
      supabase
        .from("partners")
        .select(
          "external_id, name, status, tier, region, website, primary_contact_name, primary_contact_email, commission_rate, tags, owner:profiles!partners_owner_id_fkey(email)",
        )
        .eq("org_id", orgId)
        .in("external_id", ids),
    ),
  );
  const matches = new Map<string, ExistingPartner>();
  for (const { data, error } of results) {
    if (error) throw error;
    for (const row of data ?? []) {
      const owner = row.owner as { email: string | null } | null;
      matches.set(row.external_id!, {
        ...row,
        external_id: row.external_id!,
        owner_email: owner?.email ?? null,
        commission_rate: row.commission_rate === null ? null : Number(row.commission_rate),
      });
    }
  }
  return matches;
}
