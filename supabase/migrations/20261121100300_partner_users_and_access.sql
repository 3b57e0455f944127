-- Partner users (external people signing in to the portal) and their grants on partners.

create table public.partner_users (
  id uuid primary key references public.profiles (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  name text check (name is null or char_length(name) <= 200),
  is_active boolean not null default true,
  deactivated_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, org_id),
  check ((is_active and deactivated_at is null) or (not is_active and deactivated_at is not null))
);
comment on table public.partner_users is 'External people of partners who sign in to the read-only portal. Keyed by the auth user id; deactivated, never deleted.';
comment on column public.partner_users.id is 'The auth.users id (= profiles.id).';
comment on column public.partner_users.org_id is 'The organization whose portal they use.';
comment on column public.partner_users.email is 'Sign-in email (lowercased).';
comment on column public.partner_users.name is 'Full name.';
comment on column public.partner_users.is_active is 'False when deactivated: every grant then gives nothing, on the very next request.';
comment on column public.partner_users.deactivated_at is 'When deactivated (set by trigger); null while active.';
comment on column public.partner_users.created_by is 'Who invited them. No FK: outlives the person.';
comment on column public.partner_users.created_at is 'Set by trigger.';
comment on column public.partner_users.updated_at is 'Set by trigger on every write.';

create index partner_users_org_id_idx on public.partner_users (org_id);

create table public.partner_access (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  partner_user_id uuid not null,
  scope text[] not null default array['referrals', 'commissions', 'documents', 'training', 'activity']
    check (scope <@ array['referrals', 'commissions', 'documents', 'training', 'activity']
           and array_position(scope, null) is null),
  granted_by uuid,
  granted_at timestamptz not null default now(),
  starts_at timestamptz,
  ends_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (partner_user_id, partner_id),
  check (starts_at is null or ends_at is null or ends_at > starts_at),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade,
  foreign key (partner_user_id, org_id) references public.partner_users (id, org_id) on delete cascade
);
comment on table public.partner_access is 'Grants a partner user one partner. In force when not revoked, the user is active, starts_at <= now() (or null) and ends_at > now() (or null). Revoked, never deleted.';
comment on column public.partner_access.id is 'Grant id.';
comment on column public.partner_access.org_id is 'Organization of the partner and of the partner user (enforced by both foreign keys).';
comment on column public.partner_access.partner_id is 'The partner granted.';
comment on column public.partner_access.partner_user_id is 'The partner user receiving access.';
comment on column public.partner_access.scope is 'Portal sections beyond the overview: referrals, commissions, documents, training, activity.';
comment on column public.partner_access.granted_by is 'Who granted it (set by trigger from the caller). No FK: outlives the person.';
comment on column public.partner_access.granted_at is 'When granted (set by trigger).';
comment on column public.partner_access.starts_at is 'Inclusive start of the window; null = already started.';
comment on column public.partner_access.ends_at is 'Exclusive end of the window; null = open-ended.';
comment on column public.partner_access.revoked_at is 'When revoked; a revoked grant gives nothing. Set to null to restore.';
comment on column public.partner_access.revoked_by is 'Who revoked it (set by trigger).';
comment on column public.partner_access.created_at is 'Set by trigger.';
comment on column public.partner_access.updated_at is 'Set by trigger on every write.';

create index partner_access_partner_org_idx on public.partner_access (partner_id, org_id);
create index partner_access_user_org_idx on public.partner_access (partner_user_id, org_id);

-- A person is staff or a partner user, never both. Both sides take the same advisory
-- lock on the person so two concurrent inserts cannot each miss the other.
create or replace function private.keep_staff_and_partner_users_apart()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  person uuid := (to_jsonb(new) ->> case when tg_table_name = 'org_members' then 'user_id' else 'id' end)::uuid;
begin
  perform pg_advisory_xact_lock(hashtextextended('partnerdesk.person:' || person::text, 0));
  if tg_table_name = 'org_members' then
    if exists (select from public.partner_users where id = person) then
      raise exception 'this person is a partner user and cannot also be staff' using errcode = '23P01';
    end if;
  elsif exists (select from public.org_members where user_id = person) then
    raise exception 'this person is staff and cannot also be a partner user' using errcode = '23P01';
  end if;
  return new;
end
$$;
comment on function private.keep_staff_and_partner_users_apart() is 'BEFORE INSERT on org_members and partner_users: a person is either staff or a partner user, never both.';
revoke all on function private.keep_staff_and_partner_users_apart() from public, anon, authenticated;

create trigger org_members_not_partner_user before insert or update of user_id on public.org_members
  for each row execute function private.keep_staff_and_partner_users_apart();
create trigger partner_users_not_staff before insert or update of id on public.partner_users
  for each row execute function private.keep_staff_and_partner_users_apart();

create or replace function private.check_partner_user()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.email := lower(new.email);
  if tg_op = 'INSERT' then
    new.deactivated_at := case when new.is_active then null else now() end;
  elsif new.is_active is distinct from old.is_active then
    new.deactivated_at := case when new.is_active then null else now() end;
  else
    new.deactivated_at := old.deactivated_at;
  end if;
  return new;
end
$$;
comment on function private.check_partner_user() is 'BEFORE INSERT/UPDATE on partner_users: lowercases email, keeps deactivated_at in step with is_active.';
revoke all on function private.check_partner_user() from public, anon, authenticated;

-- Partner users and grants are never deleted (deactivate / revoke instead). Only the
-- cascade from a deleted organization, partner or auth user (erasure) may remove them.
create or replace function private.refuse_delete_unless_parent_gone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select from public.organizations where id = old.org_id) then
    return old;
  end if;
  if tg_table_name = 'partner_users' then
    if not exists (select from auth.users where id = old.id) then
      return old;
    end if;
    raise exception 'partner users are never deleted' using errcode = '42501', hint = 'Deactivate the partner user instead.';
  end if;
  if not exists (select from public.partners where id = old.partner_id)
     or not exists (select from public.partner_users where id = old.partner_user_id)
     or not exists (select from auth.users where id = old.partner_user_id) then
    return old;
  end if;
  raise exception 'access grants are never deleted' using errcode = '42501', hint = 'Revoke the grant instead.';
end
$$;
comment on function private.refuse_delete_unless_parent_gone() is 'BEFORE DELETE on partner_users and partner_access: refused, except when the organization, partner or auth user is being deleted.';
revoke all on function private.refuse_delete_unless_parent_gone() from public, anon, authenticated;

create or replace function private.stamp_partner_access()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.granted_by := coalesce(auth.uid(), new.granted_by);
    if auth.uid() is not null or new.granted_at is null then
      new.granted_at := now();
    end if;
    if new.revoked_at is not null then
      new.revoked_by := coalesce(auth.uid(), new.revoked_by);
    end if;
  else
    new.granted_by := old.granted_by;
    new.granted_at := old.granted_at;
    if new.revoked_at is distinct from old.revoked_at then
      new.revoked_by := case when new.revoked_at is null then null else coalesce(auth.uid(), new.revoked_by) end;
      if new.revoked_at is not null and auth.uid() is not null then
        new.revoked_at := now();
      end if;
    else
      new.revoked_by := old.revoked_by;
    end if;
  end if;
  return new;
end
$$;
comment on function private.stamp_partner_access() is 'BEFORE INSERT/UPDATE on partner_access: granted_by/granted_at/revoked_by from the caller; a signed-in revocation takes effect now.';
revoke all on function private.stamp_partner_access() from public, anon, authenticated;

create trigger partner_users_check before insert or update on public.partner_users
  for each row execute function private.check_partner_user();
create trigger partner_users_never_deleted before delete on public.partner_users
  for each row execute function private.refuse_delete_unless_parent_gone();
create trigger partner_users_reparenting before update on public.partner_users
  for each row execute function private.refuse_reparenting('id', 'org_id');
create trigger partner_users_timestamps before insert or update on public.partner_users
  for each row execute function private.set_timestamps();
create trigger partner_users_created_by before insert or update on public.partner_users
  for each row execute function private.set_created_by();

create trigger partner_access_stamp before insert or update on public.partner_access
  for each row execute function private.stamp_partner_access();
create trigger partner_access_never_deleted before delete on public.partner_access
  for each row execute function private.refuse_delete_unless_parent_gone();
create trigger partner_access_reparenting before update on public.partner_access
  for each row execute function private.refuse_reparenting('org_id', 'partner_id', 'partner_user_id');
create trigger partner_access_timestamps before insert or update on public.partner_access
  for each row execute function private.set_timestamps();

alter table public.partner_users enable row level security;
alter table public.partner_access enable row level security;

revoke all on table public.partner_users, public.partner_access from public, anon, authenticated, service_role;
grant select, insert (id, org_id, email, name, is_active), update (name, is_active)
  on table public.partner_users to authenticated;
grant select, insert (id, org_id, partner_id, partner_user_id, scope, starts_at, ends_at, revoked_at),
      update (scope, starts_at, ends_at, revoked_at)
  on table public.partner_access to authenticated;
-- Partner users are deactivated and grants revoked, never deleted, by the service role too.
grant select, insert, update on table public.partner_users, public.partner_access to service_role;
