-- Tenancy and people: organizations (tenants), profiles (every person the app shows),
-- org_members (staff and their role). Partner users live in their own migration.

-- organizations ----------------------------------------------------------------------------
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(trim(name)) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 63),
  currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  time_zone text not null default 'UTC',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Tenants. Every business row carries org_id; nothing is visible across organizations.';
comment on column public.organizations.id is 'Organization id.';
comment on column public.organizations.name is 'Display name.';
comment on column public.organizations.slug is 'URL-safe unique handle (lowercase words joined by hyphens).';
comment on column public.organizations.currency is 'ISO 4217 code; every amount in the organization is in it (commissions are checked against it).';
comment on column public.organizations.time_zone is 'IANA time zone; "today", "overdue" and periods are computed in it.';
comment on column public.organizations.created_by is 'Who created it (auth user id); null when created by the system. No FK: outlives the person.';
comment on column public.organizations.created_at is 'Set by trigger.';
comment on column public.organizations.updated_at is 'Set by trigger on every write.';

create or replace function private.check_organization()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception 'unknown time zone "%"', new.time_zone using errcode = '22023';
  end if;
  return new;
end
$$;
comment on function private.check_organization() is 'BEFORE INSERT/UPDATE on organizations: the time zone must be a known IANA name.';

create trigger organizations_check before insert or update of time_zone on public.organizations
  for each row execute function private.check_organization();
create trigger organizations_timestamps before insert or update on public.organizations
  for each row execute function private.set_timestamps();
create trigger organizations_created_by before insert or update on public.organizations
  for each row execute function private.set_created_by();

alter table public.organizations enable row level security;

-- profiles ---------------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text check (email is null or email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  display_name text check (display_name is null or char_length(display_name) <= 200),
  avatar_url text check (avatar_url is null or avatar_url ~* '^https?://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per person (staff or partner user) the app shows by name: owners, assignees, actors. Created by a trigger on auth.users.';
comment on column public.profiles.id is 'The auth.users id.';
comment on column public.profiles.email is 'Copy of auth.users.email, kept in sync by trigger; not writable by the person.';
comment on column public.profiles.display_name is 'Name shown in the app.';
comment on column public.profiles.avatar_url is 'Optional picture URL.';
comment on column public.profiles.created_at is 'Set by trigger.';
comment on column public.profiles.updated_at is 'Set by trigger on every write.';

create trigger profiles_timestamps before insert or update on public.profiles
  for each row execute function private.set_timestamps();

alter table public.profiles enable row level security;

-- Sign-up: every new auth user gets a profile; email changes follow.
create or replace function private.handle_auth_user_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.profiles (id, email, display_name)
    values (
      new.id,
      lower(new.email),
      coalesce(
        nullif(trim(new.raw_user_meta_data ->> 'display_name'), ''),
        nullif(trim(new.raw_user_meta_data ->> 'full_name'), ''),
        nullif(trim(new.raw_user_meta_data ->> 'name'), ''),
        split_part(new.email, '@', 1)))
    on conflict (id) do nothing;
  elsif new.email is distinct from old.email then
    update public.profiles set email = lower(new.email) where id = new.id;
  end if;
  return new;
end
$$;
comment on function private.handle_auth_user_change() is 'AFTER INSERT/UPDATE OF email on auth.users: creates the profile (display name from user metadata or the email) and syncs email.';
revoke all on function private.handle_auth_user_change() from public, anon, authenticated;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_auth_user_change();
create trigger on_auth_user_email_changed after update of email on auth.users
  for each row execute function private.handle_auth_user_change();

-- org_members ------------------------------------------------------------------------------
create table public.org_members (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text not null check (role in ('admin', 'manager', 'member', 'viewer')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
comment on table public.org_members is 'Staff of an organization and their role. A person is staff or a partner user, never both.';
comment on column public.org_members.org_id is 'The organization.';
comment on column public.org_members.user_id is 'The staff member (profiles.id = auth.users.id).';
comment on column public.org_members.role is 'admin (everything), manager (leads: + delete partners, commissions, partner users), member (editor), viewer (read only).';
comment on column public.org_members.created_by is 'Who added the member; null for the system. No FK: outlives the person.';
comment on column public.org_members.created_at is 'Set by trigger.';
comment on column public.org_members.updated_at is 'Set by trigger on every write.';

create index org_members_user_id_idx on public.org_members (user_id);

-- The last admin of an organization can be neither demoted nor removed. The org row is
-- locked first so two admins demoting each other concurrently cannot both succeed.
-- When the organization itself is being deleted, its members go with it.
create or replace function private.keep_last_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'admin' or (tg_op = 'UPDATE' and new.role = 'admin' and new.org_id = old.org_id) then
    return coalesce(new, old);
  end if;
  perform from public.organizations where id = old.org_id for update;
  if not found then
    return coalesce(new, old);
  end if;
  if not exists (
    select from public.org_members
    where org_id = old.org_id and role = 'admin' and user_id <> old.user_id
  ) then
    raise exception 'an organization keeps at least one admin'
      using errcode = '23514', hint = 'Make another member admin first.';
  end if;
  return coalesce(new, old);
end
$$;
comment on function private.keep_last_admin() is 'BEFORE UPDATE/DELETE on org_members: refuses to demote or remove the last admin of an organization.';
revoke all on function private.keep_last_admin() from public, anon, authenticated;

create trigger org_members_keep_last_admin before update or delete on public.org_members
  for each row execute function private.keep_last_admin();
create trigger org_members_reparenting before update on public.org_members
  for each row execute function private.refuse_reparenting('org_id', 'user_id');
create trigger org_members_timestamps before insert or update on public.org_members
  for each row execute function private.set_timestamps();
create trigger org_members_created_by before insert or update on public.org_members
  for each row execute function private.set_created_by();

alter table public.org_members enable row level security;

-- Grants ------------------------------------------------------------------------------------
revoke all on table public.organizations, public.profiles, public.org_members from public, anon, authenticated, service_role;
grant select, update (name, slug, currency, time_zone) on table public.organizations to authenticated;
grant select, insert (id, display_name, avatar_url), update (display_name, avatar_url) on table public.profiles to authenticated;
grant select, insert (org_id, user_id, role), update (role), delete on table public.org_members to authenticated;
grant select, insert, update, delete on table public.organizations, public.org_members to service_role;
-- A profile goes with its auth user (the foreign key cascades); nobody deletes one directly.
grant select, insert, update on table public.profiles to service_role;
