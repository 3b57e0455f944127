-- The directory's pages by cursor, and its count without walking every match.
--
-- 1. partner_directory_page(): one page of the directory in one total order, nulls last,
--    ties broken by id in the sort's direction: (key, id) ascending or descending. With
--    p_after_id (or p_before_id) the page starts right after (or ends right before) that
--    row, a row comparison on an index led by (org_id, key, id), so a page at a depth of
--    100k costs what the first page does; without a cursor it pages by offset (a jump to
--    page N). A nullable key (region, commission rate) is read in two ranges, its values
--    and then its nulls, so each range stays an index range. Security invoker: RLS applies.
--    A text search that matches few partners reads them through the trigram indexes; one
--    that matches many walks the sort's index and stops at the page, as a page of a large
--    directory does.
--
-- 2. partner_directory_summary(): how many partners match and the hero metrics, exact, as
--    partner_directory_metrics() computes them, unless a text search matches more than
--    p_exact_limit partners: then the count is the planner's estimate (flagged) and the
--    money sums are left out (null), so no search walks every match and no money is guessed.

-- The cursor's order needs the key and id in one direction; the older indexes of
-- updated_at and created_at hold them in opposite directions.
create index partners_org_region_key_idx on public.partners (org_id, region, id);
create index partners_org_commission_rate_key_idx on public.partners (org_id, commission_rate, id);
create index partners_org_updated_at_key_idx on public.partners (org_id, updated_at, id);
create index partners_org_created_at_key_idx on public.partners (org_id, created_at, id);

-- The filter every directory read applies, as SQL over $1 org, $2 statuses, $3 tiers,
-- $4 owner, $5 region, $6 search, $7 archived included. Only the filters that are set
-- appear, so each query is planned for what it asks.
create or replace function private.directory_filter_sql(
  p_status text[],
  p_tier text[],
  p_owner_id uuid,
  p_region text,
  p_search text,
  p_include_archived boolean,
  p_search_by_ids boolean)
returns text
language sql
immutable
set search_path = ''
as $$
  select concat_ws(' and ',
    'p.org_id = $1',
    case when not coalesce(p_include_archived, false) then 'p.archived_at is null' end,
    case when p_status is not null then 'p.status = any ($2)' end,
    case when p_tier is not null then 'p.tier = any ($3)' end,
    case when p_owner_id is not null then 'p.owner_id = $4' end,
    case when p_region is not null then 'p.region = $5' end,
    case when coalesce(p_search, '') <> '' then
      case when p_search_by_ids
        then 'p.id in (select private.directory_search_ids($1, $6))'
        else '(p.name ilike ''%'' || $6 || ''%'' or p.primary_contact_email ilike ''%'' || $6 || ''%'')'
      end
    end)
$$;
comment on function private.directory_filter_sql(text[], text[], uuid, text, text, boolean, boolean) is 'The WHERE clause of a directory read for the filters that are set, over positional parameters ($1 org … $7 archived included). Builds text only; callers run it as themselves.';
revoke all on function private.directory_filter_sql(text[], text[], uuid, text, text, boolean, boolean) from public, anon;
grant execute on function private.directory_filter_sql(text[], text[], uuid, text, text, boolean, boolean) to authenticated, service_role;

-- Whether a text search matches more than p_limit partners (with the other filters), found
-- through the trigram indexes and stopping at p_limit + 1.
create or replace function private.directory_search_exceeds(
  p_org_id uuid,
  p_status text[],
  p_tier text[],
  p_owner_id uuid,
  p_region text,
  p_search text,
  p_include_archived boolean,
  p_limit integer)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  found bigint;
begin
  execute format('select count(*) from (select 1 from public.partners p where %s limit %s) m',
                 private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, true),
                 p_limit + 1)
    into found
    using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived;
  return found > p_limit;
end
$$;
comment on function private.directory_search_exceeds(uuid, text[], text[], uuid, text, text, boolean, integer) is 'True when the directory filter with a text search matches more than p_limit partners; counts at most p_limit + 1. Security invoker.';
revoke all on function private.directory_search_exceeds(uuid, text[], text[], uuid, text, text, boolean, integer) from public, anon;
grant execute on function private.directory_search_exceeds(uuid, text[], text[], uuid, text, text, boolean, integer) to authenticated, service_role;

create or replace function public.partner_directory_page(
  p_org_id uuid,
  p_sort text default 'name',
  p_descending boolean default false,
  p_after_key text default null,
  p_after_id uuid default null,
  p_before_key text default null,
  p_before_id uuid default null,
  p_offset integer default 0,
  p_limit integer default 100,
  p_status text[] default null,
  p_tier text[] default null,
  p_owner_id uuid default null,
  p_region text default null,
  p_search text default null,
  p_include_archived boolean default false)
returns setof public.partners
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  key_type text := case p_sort
    when 'name' then 'text' when 'region' then 'text'
    when 'status_rank' then 'smallint' when 'tier_rank' then 'smallint'
    when 'commission_rate' then 'numeric'
    when 'updated_at' then 'timestamptz' when 'created_at' then 'timestamptz' end;
  nullable boolean := p_sort in ('region', 'commission_rate');
  backward boolean := p_before_id is not null;
  cursor_id uuid := coalesce(p_before_id, p_after_id);
  cursor_key text := case when p_before_id is not null then p_before_key else p_after_key end;
  -- Reading backward walks the order in reverse (nulls first); PostgREST's order puts the page right.
  dir text := case when p_descending <> backward then 'desc' else 'asc' end;
  op text := case when p_descending <> backward then '<' else '>' end;
  col text;
  filter text;
  body text;
  taken bigint := 0;
  more bigint := 0;
  size integer := least(greatest(coalesce(p_limit, 100), 1), 500);
begin
  if key_type is null then
    raise exception 'unknown directory sort %', p_sort using errcode = '22023';
  end if;
  col := format('p.%I', p_sort);
  filter := private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
    coalesce(p_search, '') <> ''
      and not private.directory_search_exceeds(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                               p_include_archived, 10000));
  body := 'select p.* from public.partners p where ' || filter;

  if cursor_id is null then
    return query execute
      format('%s order by %s %s nulls last, p.id %s offset $8 limit $9', body, col, dir, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
            greatest(coalesce(p_offset, 0), 0), size;
    return;
  end if;

  -- The values' range comes before the nulls' going forward, after them going backward.
  if not backward and cursor_key is not null then
    return query execute
      format('%s and (%s, p.id) %s ($8::%s, $9) order by %s %s, p.id %s limit $10',
             body, col, op, key_type, col, dir, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
            cursor_key, cursor_id, size;
    get diagnostics taken = row_count;
  end if;
  if nullable and taken < size and (cursor_key is null or not backward) then
    return query execute
      format('%s and %s is null%s order by p.id %s limit $10',
             body, col, case when cursor_key is null then format(' and p.id %s $9', op) else '' end, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
            cursor_key, cursor_id, size - taken;
    get diagnostics more = row_count;
    taken := taken + more;
  end if;
  if backward and taken < size then
    return query execute
      format('%s and %s is not null%s order by %s %s, p.id %s limit $10',
             body, col,
             case when cursor_key is not null then format(' and (%s, p.id) %s ($8::%s, $9)', col, op, key_type) else '' end,
             col, dir, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
            cursor_key, cursor_id, size - taken;
  end if;
end
$$;
comment on function public.partner_directory_page(uuid, text, boolean, text, uuid, text, uuid, integer, integer, text[], text[], uuid, text, text, boolean) is 'One page of the partner directory for an organization, filter and sort (a partners column: name, status_rank, tier_rank, region, commission_rate, updated_at, created_at), nulls last, ties by id in the same direction. After or before a cursor row (its key as text and its id), or at an offset. Security invoker: RLS applies.';
revoke all on function public.partner_directory_page(uuid, text, boolean, text, uuid, text, uuid, integer, integer, text[], text[], uuid, text, text, boolean) from public, anon;
grant execute on function public.partner_directory_page(uuid, text, boolean, text, uuid, text, uuid, integer, integer, text[], text[], uuid, text, text, boolean) to authenticated, service_role;

-- The planner's estimate of how many partners match a filter with a text search (from the
-- column statistics, without reading the matches). Volatile only because plpgsql runs EXPLAIN
-- nowhere else; it reads and writes nothing.
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
volatile
security invoker
set search_path = ''
as $$
declare
  plan jsonb;
begin
  execute format('explain (format json) select 1 from public.partners p where %s',
                 private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, false))
    into plan
    using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived;
  return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
end
$$;
comment on function private.directory_match_estimate(uuid, text[], text[], uuid, text, text, boolean) is 'The planner''s estimate of the partners a directory filter with a text search matches, from EXPLAIN, reading no rows. Security invoker.';
revoke all on function private.directory_match_estimate(uuid, text[], text[], uuid, text, text, boolean) from public, anon;
grant execute on function private.directory_match_estimate(uuid, text[], text[], uuid, text, text, boolean) to authenticated, service_role;

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
begin
  if coalesce(p_search, '') = ''
     or not private.directory_search_exceeds(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                             p_include_archived, p_exact_limit) then
    return query
    select m.matching_partners, false, m.active_partners, m.pipeline_value, m.owed_commission
      from public.partner_directory_metrics(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                            p_include_archived) m;
    return;
  end if;
  return query
  select greatest(private.directory_match_estimate(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                                   p_include_archived), p_exact_limit + 1::bigint), true,
         null::bigint, null::numeric, null::numeric;
end
$$;
comment on function public.partner_directory_summary(uuid, text[], text[], uuid, text, text, boolean, integer) is 'How many partners match the directory filter, and its hero metrics. Exact (partner_directory_metrics), unless a text search matches more than p_exact_limit partners: then matching_partners is the planner''s estimate (matching_is_estimate) and the metrics are null, never estimated. Security invoker: RLS applies.';
revoke all on function public.partner_directory_summary(uuid, text[], text[], uuid, text, text, boolean, integer) from public, anon;
grant execute on function public.partner_directory_summary(uuid, text[], text[], uuid, text, text, boolean, integer) to authenticated, service_role;
