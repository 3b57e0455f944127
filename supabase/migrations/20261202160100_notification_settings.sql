-- What each person's notification settings page shows: the event types their audience can
-- hear of, and how each reaches them now (their choice, the organization's default, or the
-- built-in one). The list of types per audience lives here, beside private.event_recipients,
-- so the page offers exactly what the runner can send.

create or replace function private.audience_event_types(p_audience text)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select case p_audience
    when 'staff' then array[
      'referral.created', 'referral.won', 'referral.lost',
      'partner.status_changed', 'partner.tier_changed', 'partner.owner_changed',
      'task.created', 'task.due_today', 'task.overdue',
      'commission.due_soon', 'commission.overdue',
      'grant.ending', 'training.expiring', 'webhook.endpoint_disabled']
    when 'partner' then array[
      'commission.approved', 'commission.paid', 'document.added', 'training.expiring', 'grant.ending']
    else array[]::text[]
  end
$$;
comment on function private.audience_event_types(text) is 'Event types an audience (staff, partner) can be notified of, in the order settings pages list them.';
revoke all on function private.audience_event_types(text) from public, anon, authenticated, service_role;

-- The caller's settings in one organization. Refuses anyone who is neither staff nor an
-- active partner user there.
create or replace function public.my_notification_settings(p_org_id uuid)
returns table (event_type text, delivery text, source text, org_default text, built_in text)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  who_audience text;
begin
  if exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = auth.uid()) then
    who_audience := 'staff';
  elsif exists (select from public.partner_users u where u.org_id = p_org_id and u.id = auth.uid() and u.is_active) then
    who_audience := 'partner';
  else
    raise exception 'not a person of this organization' using errcode = '42501';
  end if;
  return query
    select t.event_type,
           coalesce(mine.delivery, org.delivery, private.default_notification_delivery(who_audience, t.event_type)),
           case when mine.delivery is not null then 'mine' when org.delivery is not null then 'org' else 'built_in' end,
           org.delivery,
           private.default_notification_delivery(who_audience, t.event_type)
      from unnest(private.audience_event_types(who_audience)) with ordinality as t(event_type, position)
      left join public.notification_preferences mine
        on mine.org_id = p_org_id and mine.user_id = auth.uid() and mine.event_type = t.event_type
      left join public.notification_preferences org
        on org.org_id = p_org_id and org.user_id is null and org.event_type = t.event_type
     order by t.position;
end
$$;
comment on function public.my_notification_settings(uuid) is 'The caller''s notification settings in an organization: per event type their audience hears of, the delivery in force and where it comes from.';
revoke all on function public.my_notification_settings(uuid) from public, anon, service_role;
grant execute on function public.my_notification_settings(uuid) to authenticated;

-- The organization's defaults for its admins: every event type either audience hears of.
create or replace function public.org_notification_defaults(p_org_id uuid)
returns table (event_type text, audiences text[], org_default text, staff_built_in text, partner_built_in text)
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
  return query
    with types as (
      select t.event_type, min(t.position + case a.audience when 'staff' then 0 else 100 end) as position,
             array_agg(a.audience order by a.audience desc) as audiences
        from (values ('staff'), ('partner')) as a(audience)
       cross join lateral unnest(private.audience_event_types(a.audience)) with ordinality as t(event_type, position)
       group by t.event_type
    )
    select types.event_type, types.audiences, org.delivery,
           case when 'staff' = any (types.audiences) then private.default_notification_delivery('staff', types.event_type) end,
           case when 'partner' = any (types.audiences) then private.default_notification_delivery('partner', types.event_type) end
      from types
      left join public.notification_preferences org
        on org.org_id = p_org_id and org.user_id is null and org.event_type = types.event_type
     order by types.position;
end
$$;
comment on function public.org_notification_defaults(uuid) is 'Admins: the organization''s default delivery per event type, beside the built-in defaults of each audience.';
revoke all on function public.org_notification_defaults(uuid) from public, anon, service_role;
grant execute on function public.org_notification_defaults(uuid) to authenticated;
