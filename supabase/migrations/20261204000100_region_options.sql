-- The region filter and the region editor's suggestions, searched on the server as the
-- person types: the directory page read the org's distinct regions once and showed the
-- first 40, so an org with more could not filter for the rest. The distinct regions come
-- from the metric buckets (a row per status, tier, owner, region and archived), never from
-- the partners themselves.
create or replace function public.partner_region_options(
  p_org_id uuid,
  p_pattern text default null,
  p_limit integer default 20)
returns setof text
language sql
stable
security invoker
set search_path = ''
as $$
  select distinct b.region
    from public.partner_metric_buckets b
   where b.org_id = p_org_id and b.region is not null and b.partners > 0
     and (p_pattern is null or b.region ilike p_pattern)
   order by 1
   limit least(greatest(coalesce(p_limit, 20), 1), 100)
$$;
comment on function public.partner_region_options(uuid, text, integer) is 'Distinct regions of the org''s partners (archived ones included) matching an ILIKE pattern, A to Z, at most p_limit (1..100): the region picker. From partner_metric_buckets. Security invoker: RLS applies (staff only).';
revoke all on function public.partner_region_options(uuid, text, integer) from public, anon;
grant execute on function public.partner_region_options(uuid, text, integer) to authenticated, service_role;
