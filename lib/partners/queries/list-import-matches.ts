import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { IMPORT_MATCH_SELECT, toExistingPartner } from "../csv/import-matches";
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
      supabase.from("partners").select(IMPORT_MATCH_SELECT).eq("org_id", orgId).in("external_id", ids),
    ),
  );
  const matches = new Map<string, ExistingPartner>();
  for (const { data, error } of results) {
    if (error) throw error;
    for (const row of data ?? []) matches.set(row.external_id!, toExistingPartner(row));
  }
  return matches;
}
