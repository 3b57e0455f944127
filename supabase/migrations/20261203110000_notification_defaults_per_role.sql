-- Notification defaults per role. A lead wants an email when a commission falls due; a viewer
-- wants the digest. So the built-in default is per role (admin, manager, member, viewer, and
-- partner for partner users), and admins set the organization's default per role too.
--
-- How a person hears of an event type, first match wins:
--   1. their own choice (user_id set);
--   2. the organization's default for their role (user_id null, role set);
--   3. the organization's default for everyone (user_id null, role null), as before roles;
--   4. the built-in default of their role (private.role_default_delivery).
-- A staff recipient's role is their org_members role in that organization; a partner user's
-- is partner.
--
-- Redefines private.notification_delivery(uuid, uuid, text, text) of 20261202160000 (same
-- signature, so the fan-out, the digests, the claimed emails and unsubscribe follow it
-- unchanged); drops and recreates public.my_notification_settings(uuid) of 20261202160100
-- with one more column.

-- preferences: an organization default may name a role ----------------------------------------------
alter table public.notification_preferences
  add column role text
    constraint notification_preferences_role_known check (role in ('admin', 'manager', 'member', 'viewer', 'partner')),
  add constraint notification_preferences_role_only_on_defaults check (role is null or user_id is null);
comment on column public.notification_preferences.role is 'On an organization default (user_id null): the role it applies to (admin, manager, member, viewer, partner); null for everyone. Always null on a person''s own row.';

alter table public.notification_preferences drop constraint notification_preferences_once;
alter table public.notification_preferences
  add constraint notification_preferences_once unique nulls not distinct (org_id, user_id, event_type, role);

comment on table public.notification_preferences is 'How a person hears of each event type (user_id set), or the organization''s default set by its admins (user_id null), for one role or, with role null, for everyone.';

-- Admins write a role's default by naming the role; a person's row cannot carry one (the check
-- above). The policies already let only admins touch rows whose user_id is null.
revoke insert on table public.notification_preferences from authenticated;
grant insert (org_id, user_id, role, event_type, delivery) on table public.notification_preferences to authenticated;

-- Built-in defaults -------------------------------------------------------------------------------
-- The table in README.md ("Notification defaults per role") says the same; keep them together.
create or replace function private.role_default_delivery(p_role text, p_event_type text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when p_role = 'partner' then
      case when p_event_type in ('commission.approved', 'commission.paid', 'grant.ending') then 'email' else 'digest' end
    when p_role in ('admin', 'manager') then
      case
        when p_event_type in ('referral.created', 'referral.won', 'task.created', 'task.overdue',
                              'commission.due_soon', 'commission.overdue', 'grant.ending',
                              'webhook.endpoint_disabled') then 'email'
        when p_event_type = 'task.due_today' then 'in_app'
        else 'digest'
      end
    when p_role = 'member' then
      case
        when p_event_type in ('referral.created', 'referral.won',
                              'task.created', 'task.due_today', 'task.overdue',
                              'commission.overdue', 'webhook.endpoint_disabled') then 'email'
        else 'digest'
      end
    when p_role = 'viewer' then
      case
        when p_event_type in ('task.created', 'task.due_today', 'task.overdue') then 'in_app'
        when p_event_type = 'webhook.endpoint_disabled' then 'email'
        else 'digest'
      end
    else 'digest'
  end
$$;
comment on function private.role_default_delivery(text, text) is 'The built-in default delivery per role (admin, manager, member, viewer, partner) and event type, when neither the person nor the organization chose.';
revoke all on function private.role_default_delivery(text, text) from public, anon, authenticated, service_role;

-- The role a person is notified as in an organization: partner for a partner user, else their
-- membership's role (null once they left).
create or replace function private.notification_role(p_org_id uuid, p_user_id uuid, p_audience text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when p_audience = 'partner' then 'partner'
    else (select m.role from public.org_members m where m.org_id = p_org_id and m.user_id = p_user_id)
  end
$$;
comment on function private.notification_role(uuid, uuid, text) is 'The role whose defaults apply to a person in an organization: partner for partner users, the org_members role for staff.';
revoke all on function private.notification_role(uuid, uuid, text) from public, anon, authenticated, service_role;

-- Who hears what ---------------------------------------------------------------------------------
-- Called once per recipient of every event the fan-out claims, so it reads the preferences in
-- one union of two index lookups (the person's row; the org's rows for everyone and their role)
-- and looks the role up inline rather than through private.notification_role: each nested
-- definer call costs a search_path switch per row.
create or replace function private.notification_delivery(p_org_id uuid, p_user_id uuid, p_audience text, p_event_type text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  with who as (
    select case
      when p_audience = 'partner' then 'partner'
      else (select m.role from public.org_members m where m.org_id = p_org_id and m.user_id = p_user_id)
    end as role
  )
  select coalesce(
    (select chosen.delivery
       from (select p.delivery, 0 as rank
               from public.notification_preferences p
              where p.org_id = p_org_id and p.user_id = p_user_id and p.event_type = p_event_type
             union all
             select p.delivery, case when p.role is null then 2 else 1 end
               from public.notification_preferences p
              where p.org_id = p_org_id and p.user_id is null and p.event_type = p_event_type
                and (p.role is null or p.role = who.role)) chosen
      order by chosen.rank
      limit 1),
    private.role_default_delivery(who.role, p_event_type))
  from who
$$;
comment on function private.notification_delivery(uuid, uuid, text, text) is 'How a person hears of an event type: their choice, else the organization''s default for their role, else its default for everyone, else their role''s built-in one.';
revoke all on function private.notification_delivery(uuid, uuid, text, text) from public, anon, authenticated, service_role;

-- Settings pages ---------------------------------------------------------------------------------
-- source now tells a role's organization default (org_role) from the one for everyone (org);
-- org_default_role names the role the organization default in force was set for, so the page
-- can say so even while the person's own choice overrides it; built_in is the caller's role's.
-- A new column changes the result type, hence drop and create.
drop function public.my_notification_settings(uuid);
create function public.my_notification_settings(p_org_id uuid)
returns table (event_type text, delivery text, source text, org_default text, org_default_role text, built_in text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  who_audience text;
  who_role text;
begin
  if exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = auth.uid()) then
    who_audience := 'staff';
  elsif exists (select from public.partner_users u where u.org_id = p_org_id and u.id = auth.uid() and u.is_active) then
    who_audience := 'partner';
  else
    raise exception 'not a person of this organization' using errcode = '42501';
  end if;
  who_role := private.notification_role(p_org_id, auth.uid(), who_audience);
  return query
    select t.event_type,
           coalesce(mine.delivery, for_role.delivery, for_all.delivery, private.role_default_delivery(who_role, t.event_type)),
           case when mine.delivery is not null then 'mine'
                when for_role.delivery is not null then 'org_role'
                when for_all.delivery is not null then 'org'
                else 'built_in' end,
           coalesce(for_role.delivery, for_all.delivery),
           for_role.role,
           private.role_default_delivery(who_role, t.event_type)
      from unnest(private.audience_event_types(who_audience)) with ordinality as t(event_type, position)
      left join public.notification_preferences mine
        on mine.org_id = p_org_id and mine.user_id = auth.uid() and mine.event_type = t.event_type
      left join public.notification_preferences for_role
        on for_role.org_id = p_org_id and for_role.user_id is null and for_role.role = who_role
       and for_role.event_type = t.event_type
      left join public.notification_preferences for_all
        on for_all.org_id = p_org_id and for_all.user_id is null and for_all.role is null
       and for_all.event_type = t.event_type
     order by t.position;
end
$$;
comment on function public.my_notification_settings(uuid) is 'The caller''s notification settings in an organization: per event type their audience hears of, the delivery in force and where it comes from (mine, org_role, org, built_in).';
revoke all on function public.my_notification_settings(uuid) from public, anon, service_role;
grant execute on function public.my_notification_settings(uuid) to authenticated;

-- One role's defaults, for the organization's admins.
create or replace function public.org_role_notification_defaults(p_org_id uuid, p_role text)
returns table (event_type text, role_default text, everyone_default text, built_in text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not exists (select from public.org_members m
                  where m.org_id = p_org_id and m.user_id = auth.uid() and m.role = 'admin') then
    raise exception 'only admins set the organization''s defaults' using errcode = '42501';
  end if;
  if p_role is null or p_role not in ('admin', 'manager', 'member', 'viewer', 'partner') then
    raise exception 'unknown role %', p_role using errcode = '22023';
  end if;
  return query
    select t.event_type, for_role.delivery, for_all.delivery, private.role_default_delivery(p_role, t.event_type)
      from unnest(private.audience_event_types(case p_role when 'partner' then 'partner' else 'staff' end))
           with ordinality as t(event_type, position)
      left join public.notification_preferences for_role
        on for_role.org_id = p_org_id and for_role.user_id is null and for_role.role = p_role
       and for_role.event_type = t.event_type
      left join public.notification_preferences for_all
        on for_all.org_id = p_org_id and for_all.user_id is null and for_all.role is null
       and for_all.event_type = t.event_type
     order by t.position;
end
$$;
comment on function public.org_role_notification_defaults(uuid, text) is 'Admins: per event type one role hears of, the organization''s default for that role, its default for everyone and the role''s built-in default.';
revoke all on function public.org_role_notification_defaults(uuid, text) from public, anon, service_role;
grant execute on function public.org_role_notification_defaults(uuid, text) to authenticated;
