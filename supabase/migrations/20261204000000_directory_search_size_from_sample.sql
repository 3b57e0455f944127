-- A text search's size decided from the sample before anything is counted.
--
-- directory_search_exceeds() counted the matches up to the exact limit through the trigram
-- indexes. A bitmap scan cannot stop early, so a common word read every match first: 52,000
-- rows for "Blue" at a million partners, about half a second, and the page and the summary
-- each did it. Now the repeatable sample (directory_match_estimate) answers first, and the
-- exact count up to the limit runs only when the sample lands near the limit, where the
-- matches are few enough to count. Far above or below the limit the sample cannot be wrong
-- by a factor of two (at the limit of a million-row table it holds about 100 hits; twice
-- that is ten standard deviations away), and the exact path that follows a "below" still
-- counts every match exactly, so no answer is less exact than before.
--
-- The summary takes the sample's figure for its "about N" from the same call, instead of
-- sampling a second time.

create or replace function private.directory_search_size(
  p_org_id uuid,
  p_status text[],
  p_tier text[],
  p_owner_id uuid,
  p_region text,
  p_search text,
  p_include_archived boolean,
  p_limit integer)
returns table (estimate bigint, exceeds boolean)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  sampled bigint := private.directory_match_estimate(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                                     p_include_archived);
  found bigint;
begin
  if sampled > 2::bigint * p_limit then
    return query select sampled, true;
    return;
  end if;
  if sampled * 2 < p_limit then
    return query select sampled, false;
    return;
  end if;
  -- near the limit: at most a few times the limit matches, so count them, stopping past it
  execute format('select count(*) from (select 1 from public.partners p where %s limit %s) m',
                 private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, true),
                 p_limit + 1)
    into found
    using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived;
  return query select sampled, found > p_limit;
end
$$;
comment on function private.directory_search_size(uuid, text[], text[], uuid, text, text, boolean, integer) is 'How many partners a directory filter with a text search matches, estimated from the repeatable sample, and whether more than p_limit do: from the sample when it is over twice the limit or under half of it, else counted up to p_limit + 1 through the trigram indexes. Security invoker.';
revoke all on function private.directory_search_size(uuid, text[], text[], uuid, text, text, boolean, integer) from public, anon;
grant execute on function private.directory_search_size(uuid, text[], text[], uuid, text, text, boolean, integer) to authenticated, service_role;

create or replace function public.partner_directory_summary(
  p_org_id uuid,
  p_status text[] default null,
  p_tier text[] default null,
  p_owner_id uuid default null,
  p_region text default null,
  p_search text default null,
  p_include_archived boolean default false,
  p_exact_limit integer default 10000)
returns table (matching_partners bigint, matching_is_estimate boolean, active_partners bigint,
               pipeline_value numeric, owed_commission numeric)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  size record;
begin
  if coalesce(p_search, '') <> '' then
    select s.estimate, s.exceeds into size
      from private.directory_search_size(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                         p_include_archived, p_exact_limit) s;
    if size.exceeds then
      return query select greatest(size.estimate, p_exact_limit + 1::bigint), true, null::bigint, null::numeric, null::numeric;
      return;
    end if;
  end if;
  return query
  select m.matching_partners, false, m.active_partners, m.pipeline_value, m.owed_commission
    from public.partner_directory_metrics(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                          p_include_archived) m;
end
$$;
comment on function public.partner_directory_summary(uuid, text[], text[], uuid, text, text, boolean, integer) is 'How many partners match the directory filter, and its hero metrics. Exact (partner_directory_metrics), unless a text search matches more than p_exact_limit partners (directory_search_size): then matching_partners is the sample''s estimate (matching_is_estimate) and the metrics are null, never estimated. Security invoker: RLS applies.';
