-- The directory sorts status and tier in program order (prospect before onboarding, registered
-- below silver), not alphabetically. The order lives in the database, next to the check that
-- lists the values, as a sort key the API can order by and an index can serve at 100k partners.

alter table public.partners
  add column status_rank smallint generated always as (
    case status
      when 'prospect' then 1
      when 'onboarding' then 2
      when 'active' then 3
      when 'paused' then 4
      when 'churned' then 5
    end
  ) stored,
  add column tier_rank smallint generated always as (
    case tier
      when 'registered' then 1
      when 'silver' then 2
      when 'gold' then 3
      when 'platinum' then 4
    end
  ) stored;
comment on column public.partners.status_rank is 'Sort key: the status''s place in the partner lifecycle (1 prospect … 5 churned). Generated from status.';
comment on column public.partners.tier_rank is 'Sort key: the tier''s place in the program, lowest first (1 registered … 4 platinum). Generated from tier.';

create index partners_org_status_rank_idx on public.partners (org_id, status_rank, id);
create index partners_org_tier_rank_idx on public.partners (org_id, tier_rank, id);
