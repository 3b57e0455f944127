-- Descending pages by index. A page by offset (the first page of a view, a jump to page N)
-- ordered `key desc nulls last`, which no index here can give: the keyset indexes are
-- ascending, read backward they give `desc nulls first`. So every descending sort read and
-- sorted all of the organization's partners: 450-850 ms for the first page sorted by
-- -updated_at at a million partners, and 1.2-1.7 s for a common word searched so. A key
-- that is never null (name, status and tier order, the two instants) now orders by its
-- plain direction, which a backward scan reads; a nullable one (region, commission rate)
-- reads its values and then its nulls as two ranges, as the cursor pages already did,
-- counting the values only when the page starts among the nulls.
--
-- A text search's page walks the sort's index when its matches are dense enough, rather
-- than when they pass the summary's exact limit: a page of n rows costs about n / density
-- rows walked against every match read through the trigram indexes, so the walk wins once
-- matches² > n × rows. At 100k partners a common word (4,800 matches) read and sorted every
-- match where 2,000 index rows would do; at a million the two rules agree.

create or replace function private.directory_search_walks(
  p_org_id uuid,
  p_status text[],
  p_tier text[],
  p_owner_id uuid,
  p_region text,
  p_search text,
  p_include_archived boolean,
  p_page_size integer)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  select e.matches * e.matches > greatest(p_page_size, 1)::numeric * greatest(c.reltuples, 1)::numeric
    from pg_catalog.pg_class c
   cross join (select private.directory_match_estimate(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                                       p_include_archived) as matches) e
   where c.oid = 'public.partners'::regclass
$$;
comment on function private.directory_search_walks(uuid, text[], text[], uuid, text, text, boolean, integer) is 'True when a page of p_page_size rows of a directory text search is cheaper walking the sort''s index than reading every match through the trigram indexes: the sample''s matches squared above the page size times the table''s rows. Security invoker.';
revoke all on function private.directory_search_walks(uuid, text[], text[], uuid, text, text, boolean, integer) from public, anon;
grant execute on function private.directory_search_walks(uuid, text[], text[], uuid, text, text, boolean, integer) to authenticated, service_role;

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
  skip bigint := greatest(coalesce(p_offset, 0), 0);
begin
  if key_type is null then
    raise exception 'unknown directory sort %', p_sort using errcode = '22023';
  end if;
  col := format('p.%I', p_sort);
  filter := private.directory_filter_sql(p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived,
    coalesce(p_search, '') <> ''
      and not private.directory_search_walks(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                             p_include_archived, (size + skip)::integer));
  body := 'select p.* from public.partners p where ' || filter;

  if cursor_id is null and not nullable then
    -- no nulls to place: the plain direction, which a forward or backward index scan reads
    return query execute
      format('%s order by %s %s, p.id %s offset $8 limit $9', body, col, dir, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, skip, size;
    return;
  end if;
  if cursor_id is null then
    -- the values' range, then the nulls' (nulls last in both directions), each an index range
    return query execute
      format('%s and %s is not null order by %s %s, p.id %s offset $8 limit $9', body, col, col, dir, dir)
      using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, skip, size;
    get diagnostics taken = row_count;
    if taken < size then
      if taken = 0 and skip > 0 then
        -- the page starts among the nulls: skip as many of them as the offset passes values
        execute format('select count(*) from public.partners p where %s and %s is not null', filter, col)
          into more
          using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived;
        skip := greatest(skip - more, 0);
      else
        skip := 0;
      end if;
      return query execute
        format('%s and %s is null order by p.id %s offset $8 limit $9', body, col, dir)
        using p_org_id, p_status, p_tier, p_owner_id, p_region, p_search, p_include_archived, skip, size - taken;
    end if;
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

-- The page asked directory_search_exceeds() which path to take; nothing asks it now.
drop function private.directory_search_exceeds(uuid, text[], text[], uuid, text, text, boolean, integer);
