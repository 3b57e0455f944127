-- The directory's text search and counts at 100k partners.
--
-- 1. Search through the trigram indexes. `name ilike '%term%'` can use partners_name_trgm_idx
--    and partners_contact_email_trgm_idx, but not under RLS: ILIKE (texticlike) is not
--    leakproof, so Postgres evaluates the policy before it and never turns it into an index
--    condition. As the member, the search was a sequential scan of every partner (~120 ms for
--    the count, ~230 ms for the metrics join, measured at 100k). private.directory_search_ids()
--    runs the same ILIKE with its owner's rights, so the planner uses both trigram indexes
--    (BitmapOr), and checks itself that the caller is staff of the org; the callers below are
--    security invoker and join its ids back to partners, so RLS still decides what is seen.
--    Same matching as before: the same ILIKE on name and primary_contact_email.
--
-- 2. partner_directory_metrics(): active partners, pipeline value, owed commission, and
--    matching_partners, how many partners match the filter (the grid's aria-rowcount and
--    pager). Without a search they are sums of the buckets, so the page query never counts
--    (count=exact scanned every matching row); with a search, a join of the matching
--    partners to partner_stats.
--
-- 3. partner_directory_search(): the page query for a search, as a table function PostgREST
--    can filter, sort, embed and page like the partners table itself.
--
-- 4. partner_directory_regions(): the org's distinct regions from the buckets (a few hundred
--    rows), instead of walking the (org_id, region) index one PostgREST request per region.

create or replace function private.directory_search_ids(p_org_id uuid, p_search text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 1000
as $$
  select p.id
    from public.partners p
   where p.org_id = p_org_id
     and (p_org_id in (select private.staff_org_ids()) or (select auth.role()) = 'service_role')
     and (p.name ilike '%' || p_search || '%' or p.primary_contact_email ilike '%' || p_search || '%')
$$;
comment on function private.directory_search_ids(uuid, text) is 'Ids of the org''s partners whose name or primary contact email contains p_search (ILIKE, through the trigram indexes, which RLS would rule out). Staff of the org and the service role only; callers join the ids back to partners under RLS.';
revoke all on function private.directory_search_ids(uuid, text) from public, anon;
grant execute on function private.directory_search_ids(uuid, text) to authenticated, service_role;

-- The directory's hero metrics for an organization and the directory's filters. Security
-- invoker: RLS decides what the caller sees, as in the grid itself.
create or replace function public.partner_directory_metrics(
  p_org_id uuid,
  p_status text[] default null,
  p_tier text[] default null,
  p_owner_id uuid default null,
  p_region text default null,
  p_search text default null,
  p_include_archived boolean default false)
returns table (active_partners bigint, pipeline_value numeric, owed_commission numeric, matching_partners bigint)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if p_search is null or p_search = '' then
    return query
    select coalesce(sum(b.partners) filter (where b.status = 'active'), 0)::bigint,
           coalesce(sum(b.pipeline_value), 0),
           coalesce(sum(b.owed_commission), 0),
           coalesce(sum(b.partners), 0)::bigint
      from public.partner_metric_buckets b
     where b.org_id = p_org_id
       and (p_include_archived or not b.archived)
       and (p_status is null or b.status = any (p_status))
       and (p_tier is null or b.tier = any (p_tier))
       and (p_owner_id is null or b.owner_id = p_owner_id)
       and (p_region is null or b.region = p_region);
  else
    return query
    select count(*) filter (where p.status = 'active'),
           coalesce(sum(s.pipeline_value), 0),
           coalesce(sum(s.commission_owed), 0),
           count(*)
      from public.partners p
      left join public.partner_stats s on s.partner_id = p.id
     where p.id in (select private.directory_search_ids(p_org_id, p_search))
       and p.org_id = p_org_id
       and (p_include_archived or p.archived_at is null)
       and (p_status is null or p.status = any (p_status))
       and (p_tier is null or p.tier = any (p_tier))
       and (p_owner_id is null or p.owner_id = p_owner_id)
       and (p_region is null or p.region = p_region);
  end if;
end
$$;
comment on function public.partner_directory_metrics(uuid, text[], text[], uuid, text, text, boolean) is 'Hero metrics of the partner directory for an organization and filter: active partners, pipeline value, owed commission, and how many partners match. Sums partner_metric_buckets; with a text search, joins the matching partners (trigram search) to partner_stats. Security invoker: RLS applies (staff only).';
revoke all on function public.partner_directory_metrics(uuid, text[], text[], uuid, text, text, boolean) from public, anon;
grant execute on function public.partner_directory_metrics(uuid, text[], text[], uuid, text, text, boolean) to authenticated, service_role;

create or replace function public.partner_directory_search(p_org_id uuid, p_search text)
returns setof public.partners
language sql
stable
security invoker
set search_path = ''
as $$
  select p.*
    from public.partners p
   where p.org_id = p_org_id
     and p.id in (select private.directory_search_ids(p_org_id, p_search))
$$;
comment on function public.partner_directory_search(uuid, text) is 'The org''s partners whose name or primary contact email contains p_search (ILIKE, trigram indexes), for the directory to filter, sort and page further. Security invoker: RLS applies.';
revoke all on function public.partner_directory_search(uuid, text) from public, anon;
grant execute on function public.partner_directory_search(uuid, text) to authenticated, service_role;

create or replace function public.partner_directory_regions(p_org_id uuid)
returns setof text
language sql
stable
security invoker
set search_path = ''
as $$
  select distinct b.region
    from public.partner_metric_buckets b
   where b.org_id = p_org_id and b.region is not null and b.partners > 0
   order by 1
$$;
comment on function public.partner_directory_regions(uuid) is 'Distinct regions of the org''s partners (archived ones included), from partner_metric_buckets: the directory''s region filter. Security invoker: RLS applies (staff only).';
revoke all on function public.partner_directory_regions(uuid) from public, anon;
grant execute on function public.partner_directory_regions(uuid) to authenticated, service_role;
