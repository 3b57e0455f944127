-- Digests go out at each person's hour in the organization's time zone (08:00 unless
-- chosen): staff daily, covering the 24 hours before that hour; partner users on Mondays,
-- covering the week before. A period is two wall-clock instants of the zone, so across a
-- daylight-saving change a day is 23 or 25 hours and still one digest, and the unique
-- (person, period) key keeps a sweep run twice, or by two runners, to one row. Only the
-- latest period that has ended is written: a runner down for days sends one digest, not a
-- backlog. Redefines private.enqueue_digests(timestamptz) of 20261202230300.

create or replace function private.enqueue_digests(p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  added integer;
begin
  with people as (
    select distinct n.org_id, n.user_id, n.audience
      from public.notifications n
     where n.created_at >= p_now - interval '15 days' and n.created_at < p_now
  ), timed as (
    select pe.org_id, pe.user_id, pe.audience, o.time_zone,
           case pe.audience when 'staff' then interval '1 day' else interval '7 days' end as span,
           p_now at time zone o.time_zone as local_now,
           case pe.audience
             when 'staff' then date_trunc('day', p_now at time zone o.time_zone)
             else date_trunc('week', p_now at time zone o.time_zone)
           end + make_interval(hours => private.digest_hour(pe.org_id, pe.user_id)) as send_local
      from people pe
      join public.organizations o on o.id = pe.org_id
  ), ended as (
    select t.org_id, t.user_id, t.audience, t.time_zone, t.span,
           case when t.local_now >= t.send_local then t.send_local else t.send_local - t.span end as end_local
      from timed t
  ), due as (
    select e.org_id, e.user_id,
           case e.audience when 'staff' then 'day:' else 'week:' end || (e.end_local - e.span)::date::text as period_key,
           (e.end_local - e.span) at time zone e.time_zone as period_start,
           e.end_local at time zone e.time_zone as period_end
      from ended e
  )
  insert into private.email_deliveries (org_id, user_id, kind, period_key, period_start, period_end)
  select d.org_id, d.user_id, 'digest', d.period_key, d.period_start, d.period_end
    from due d
   where not exists (select from private.email_deliveries w
                      where w.user_id = d.user_id and w.org_id = d.org_id and w.kind = 'digest'
                        and w.period_key = d.period_key)
     and exists (select
                   from (select distinct n.audience, n.event_type
                           from public.notifications n
                          where n.user_id = d.user_id and n.org_id = d.org_id
                            and n.created_at >= d.period_start and n.created_at < d.period_end) kinds
                  where private.notification_delivery(d.org_id, d.user_id, kinds.audience, kinds.event_type)
                        in ('digest', 'digest_only'))
  on conflict on constraint email_deliveries_digest_once do nothing;
  get diagnostics added = row_count;
  return added;
end
$$;
comment on function private.enqueue_digests(timestamptz) is 'Writes one digest email row per person for the latest period ended at p_now (staff: the day before their hour; partner users: the week before Monday at their hour, in the organization''s time zone) that had digest or digest-only notifications; once each.';
revoke all on function private.enqueue_digests(timestamptz) from public, anon, authenticated, service_role;
