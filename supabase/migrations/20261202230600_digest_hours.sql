-- The hour a person's digest goes out, in the organization's time zone: their own choice,
-- else the organization's default set by its admins (user_id null), else 08:00. Staff get
-- theirs daily at that hour, partner users on Mondays at it.

create table public.notification_digest_hours (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid references auth.users (id) on delete cascade,
  hour smallint not null constraint notification_digest_hours_hour_range check (hour between 0 and 23),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notification_digest_hours_once unique nulls not distinct (org_id, user_id)
);
comment on table public.notification_digest_hours is 'When digests go out: a person''s hour (user_id set) or the organization''s default (user_id null), in the organization''s time zone.';
comment on column public.notification_digest_hours.id is 'Row id.';
comment on column public.notification_digest_hours.org_id is 'The organization whose digests it times.';
comment on column public.notification_digest_hours.user_id is 'The person; null for the organization''s default.';
comment on column public.notification_digest_hours.hour is 'Hour of the day, 0 to 23, in the organization''s time zone (staff daily, partner users on Mondays).';
comment on column public.notification_digest_hours.created_at is 'Set by trigger.';
comment on column public.notification_digest_hours.updated_at is 'Set by trigger on every write.';

create index notification_digest_hours_user_idx on public.notification_digest_hours (user_id);

create trigger notification_digest_hours_timestamps before insert or update on public.notification_digest_hours
  for each row execute function private.set_timestamps();
create trigger notification_digest_hours_reparenting before update on public.notification_digest_hours
  for each row execute function private.refuse_reparenting('org_id', 'user_id');

alter table public.notification_digest_hours enable row level security;

-- Everyone of the organization reads its default (their page shows what applies); a person
-- reads and sets their own; admins set the default.
create policy "Digest hours are read by their person and the organization"
  on public.notification_digest_hours for select to authenticated
  using ((org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids())))
         and (user_id = (select auth.uid()) or user_id is null));
create policy "Digest hours are set by their person, defaults by admins"
  on public.notification_digest_hours for insert to authenticated
  with check ((user_id = (select auth.uid())
               and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
              or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));
create policy "Digest hours are changed by their person, defaults by admins"
  on public.notification_digest_hours for update to authenticated
  using ((user_id = (select auth.uid())
          and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
         or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))))
  with check ((user_id = (select auth.uid())
               and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
              or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));
create policy "Digest hours are cleared by their person, defaults by admins"
  on public.notification_digest_hours for delete to authenticated
  using ((user_id = (select auth.uid())
          and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
         or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));

revoke all on table public.notification_digest_hours from public, anon, authenticated, service_role;
grant select, insert (org_id, user_id, hour), update (hour), delete on table public.notification_digest_hours to authenticated;
grant select, insert, update, delete on table public.notification_digest_hours to service_role;

create or replace function private.digest_hour(p_org_id uuid, p_user_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select hour from public.notification_digest_hours where org_id = p_org_id and user_id = p_user_id),
    (select hour from public.notification_digest_hours where org_id = p_org_id and user_id is null),
    8)::integer
$$;
comment on function private.digest_hour(uuid, uuid) is 'The hour a person''s digest goes out in the organization''s time zone: theirs, else the organization''s, else 8.';
revoke all on function private.digest_hour(uuid, uuid) from public, anon, authenticated, service_role;
