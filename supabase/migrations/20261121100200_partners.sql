-- Partners: the directory's rows. Archived in normal work, hard-deleted by leads (children go with them).

create table public.partners (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(trim(name)) between 1 and 200),
  status text not null default 'prospect'
    check (status in ('prospect', 'onboarding', 'active', 'paused', 'churned')),
  tier text not null default 'registered'
    check (tier in ('registered', 'silver', 'gold', 'platinum')),
  owner_id uuid references public.profiles (id) on delete set null,
  region text check (region is null or char_length(region) between 1 and 100),
  website text check (website is null or website ~* '^https?://[^\s]+$'),
  primary_contact_name text check (primary_contact_name is null or char_length(primary_contact_name) <= 200),
  primary_contact_email text check (primary_contact_email is null or primary_contact_email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  commission_rate numeric(5, 2) check (commission_rate is null or commission_rate between 0 and 100),
  tags text[] not null default '{}' check (array_position(tags, null) is null),
  external_id text check (external_id is null or char_length(external_id) between 1 and 200),
  archived_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Target of the (partner_id, org_id) foreign keys of every partner child: a child can
  -- only ever belong to a partner of its own organization.
  unique (id, org_id),
  unique (org_id, external_id)
);
comment on table public.partners is 'Partner companies of an organization: the directory. Archived rather than deleted in normal work.';
comment on column public.partners.id is 'Partner id.';
comment on column public.partners.org_id is 'The organization running the partner program.';
comment on column public.partners.name is 'Company name.';
comment on column public.partners.status is 'Lifecycle: prospect, onboarding, active, paused, churned.';
comment on column public.partners.tier is 'Program tier, lowest to highest: registered, silver, gold, platinum.';
comment on column public.partners.owner_id is 'Staff member (of the same organization) who manages the partner.';
comment on column public.partners.region is 'Free-text sales region (EMEA, North America, ...).';
comment on column public.partners.website is 'http(s) URL of the partner.';
comment on column public.partners.primary_contact_name is 'Main contact at the partner.';
comment on column public.partners.primary_contact_email is 'Main contact''s email.';
comment on column public.partners.commission_rate is 'Default commission, percent of deal value (0-100).';
comment on column public.partners.tags is 'Free labels.';
comment on column public.partners.external_id is 'Stable key from another system; CSV import upserts on (org_id, external_id).';
comment on column public.partners.archived_at is 'When archived (hidden from the directory by default); null when live.';
comment on column public.partners.created_by is 'Who created it; null for the system. No FK: outlives the person.';
comment on column public.partners.created_at is 'Set by trigger.';
comment on column public.partners.updated_at is 'Set by trigger on every write; the grid uses it to detect concurrent edits.';

-- The directory at 100k partners: every filter and sort has an index led by org_id
-- (owner first for its foreign key; both are equality filters, so order is free).
create index partners_org_name_idx on public.partners (org_id, name, id);
-- The filter indexes carry the partner id, so a member's count is an index-only scan: the
-- select policy reads org_id and id on every counted row (staff, or a granted partner), and
-- without id each row is fetched from the heap (a member's count was ~7x the service role's).
create index partners_org_status_id_idx on public.partners (org_id, status) include (id);
create index partners_org_tier_id_idx on public.partners (org_id, tier) include (id);
create index partners_owner_org_id_idx on public.partners (owner_id, org_id) include (id);
create index partners_org_region_id_idx on public.partners (org_id, region) include (id);
create index partners_org_updated_at_idx on public.partners (org_id, updated_at desc, id);
create index partners_org_created_at_idx on public.partners (org_id, created_at desc, id);
create index partners_org_live_idx on public.partners (org_id, name) where archived_at is null;
create index partners_name_trgm_idx on public.partners using gin (name extensions.gin_trgm_ops);
create index partners_contact_email_trgm_idx on public.partners using gin (primary_contact_email extensions.gin_trgm_ops);
create index partners_tags_idx on public.partners using gin (tags);

-- Is this person staff of that organization? For triggers (owner, assignee checks).
create or replace function private.is_staff_of(p_org_id uuid, p_user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select from public.org_members where org_id = p_org_id and user_id = p_user_id)
$$;
comment on function private.is_staff_of(uuid, uuid) is 'True when the person is a member (any role) of the organization. For triggers, not policies.';
revoke all on function private.is_staff_of(uuid, uuid) from public, anon;
-- invoker triggers (owner and assignee checks) call it as the signed-in role
grant execute on function private.is_staff_of(uuid, uuid) to authenticated, service_role;

create or replace function private.check_partner()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.owner_id is not null
     and (tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id)
     and not private.is_staff_of(new.org_id, new.owner_id) then
    raise exception 'the owner must be staff of the partner''s organization' using errcode = '23503';
  end if;
  new.primary_contact_email := lower(new.primary_contact_email);
  return new;
end
$$;
comment on function private.check_partner() is 'BEFORE INSERT/UPDATE on partners: owner is staff of the org; contact email lowercased.';
revoke all on function private.check_partner() from public, anon, authenticated;

create trigger partners_check before insert or update on public.partners
  for each row execute function private.check_partner();
create trigger partners_reparenting before update on public.partners
  for each row execute function private.refuse_reparenting('id', 'org_id');
create trigger partners_timestamps before insert or update on public.partners
  for each row execute function private.set_timestamps();
create trigger partners_created_by before insert or update on public.partners
  for each row execute function private.set_created_by();

alter table public.partners enable row level security;

revoke all on table public.partners from public, anon, authenticated, service_role;
grant select, delete on table public.partners to authenticated;
grant insert (id, org_id, name, status, tier, owner_id, region, website, primary_contact_name,
              primary_contact_email, commission_rate, tags, external_id, archived_at),
      update (name, status, tier, owner_id, region, website, primary_contact_name,
              primary_contact_email, commission_rate, tags, external_id, archived_at)
  on table public.partners to authenticated;
grant select, insert, update, delete on table public.partners to service_role;
