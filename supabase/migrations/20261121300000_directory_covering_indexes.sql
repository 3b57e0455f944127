-- The directory's filter indexes carry the partner id, so a member's exact count is an
-- index-only scan: the partners SELECT policy reads org_id and id on every counted row
-- (staff OR granted partner), and without id in the index each row is fetched from the
-- heap. Measured by `npm run bench` at 100k partners: the member's count of one status
-- went from ~7x to ~1.5-2x the service role's. Same key columns as the indexes they
-- replace, so every query that used those still can.

create index partners_org_status_id_idx on public.partners (org_id, status) include (id);
create index partners_org_tier_id_idx on public.partners (org_id, tier) include (id);
create index partners_owner_org_id_idx on public.partners (owner_id, org_id) include (id);
create index partners_org_region_id_idx on public.partners (org_id, region) include (id);

drop index public.partners_org_status_idx;
drop index public.partners_org_tier_idx;
drop index public.partners_owner_org_idx;
drop index public.partners_org_region_idx;
