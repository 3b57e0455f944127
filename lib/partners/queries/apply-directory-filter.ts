import type { DirectoryFilter } from "../directory-params";

/** The PostgREST filter methods the directory uses; both select and update builders have them. */
export interface FilterableQuery {
  eq(column: string, value: string): this;
  in(column: string, values: readonly string[]): this;
  is(column: string, value: null): this;
  or(filters: string): this;
}

/**
 * Applies a directory filter to a partners query. The caller adds the org itself
 * (`.eq("org_id", orgId)`): every query names its org explicitly, RLS or not. The text
 * search matches partial names and contact emails (trigram indexes); `q` is already
 * stripped of characters that mean something to ILIKE or to or=(). `search: false` leaves the
 * text search to the caller.
 */
export function applyDirectoryFilter<Q extends FilterableQuery>(
  query: Q,
  filter: DirectoryFilter,
  { search = true }: { search?: boolean } = {},
): Q {
  let q = query;
  if (!filter.archived) q = q.is("archived_at", null);
  if (filter.status.length) q = q.in("status", filter.status);
  if (filter.tier.length) q = q.in("tier", filter.tier);
  if (filter.owner) q = q.eq("owner_id", filter.owner);
  if (filter.region) q = q.eq("region", filter.region);
  if (search && filter.q) q = q.or(`name.ilike.*${filter.q}*,primary_contact_email.ilike.*${filter.q}*`);
  return q;
}
