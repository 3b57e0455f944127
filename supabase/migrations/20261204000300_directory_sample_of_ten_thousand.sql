-- The search estimate's sample, from about 50,000 rows to about 10,000. Its cost is the
-- ILIKE on every sampled row, linear in their number: 50,000 rows took 65-75 ms at a million
-- partners, as much as the rest of the request, and each search asks it twice (the page and
-- the summary). 10,000 rows take 12-15 ms. For the searches that reach the estimate (more
-- than 10,000 matches) a 10,000-row sample holds hundreds of hits, a few percent of error
-- where the screen shows two figures ("about 50,000"); at the exact limit of a million-row
-- table it holds about 100, and the summary only trusts it beyond a factor of two.
create or replace function private.directory_match_estimate(
  p_org_id uuid,
  p_status text[],
  p_tier text[],
  p_owner_id uuid,
  p_region text,
  p_search text,
  p_include_archived boolean)
returns bigint
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  table_rows numeric;
  percent numeric;
  hits bigint;
begin
  select greatest(c.reltuples, 1) into table_rows from pg_catalog.pg_class c where c.oid = 'public.partners'::regclass;
  percent := least(100, greatest(0.1, round(100 * 10000 / table_rows, 3)));
  execute format('select count(*) from public.partners p tablesample system (%s) repeatable (0) where %s',
                 percent,
                 private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, false))
    into hits
    using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived;
  return round(hits * 100 / percent);
end
$$;
comment on function private.directory_match_estimate(uuid, text[], text[], uuid, text, text, boolean) is 'An estimate of the partners a directory filter with a text search matches: the matches in a repeatable sample of about 10,000 partners, scaled up. Security invoker.';
