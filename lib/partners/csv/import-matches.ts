import type { ExistingPartner } from "./import-rows";

/** The columns an import compares, read with the caller's client (RLS applies). */
export const IMPORT_MATCH_SELECT =
  "external_id, name, status, tier, region, website, primary_contact_name, primary_contact_email, commission_rate, tags, owner:profiles!partners_owner_id_fkey(email)";

type MatchRow = {
  external_id: string | null;
  name: string;
  status: string;
  tier: string;
  region: string | null;
  website: string | null;
  primary_contact_name: string | null;
  primary_contact_email: string | null;
  commission_rate: number | string | null;
  tags: string[];
  owner: unknown;
};

export function toExistingPartner(row: MatchRow): ExistingPartner {
  const owner = row.owner as { email: string | null } | null;
  return {
    external_id: row.external_id ?? "",
    name: row.name,
    status: row.status,
    tier: row.tier,
    owner_email: owner?.email ?? null,
    region: row.region,
    website: row.website,
    primary_contact_name: row.primary_contact_name,
    primary_contact_email: row.primary_contact_email,
    commission_rate: row.commission_rate === null ? null : Number(row.commission_rate),
    tags: row.tags,
  };
}
