-- A digest gathers the digest-only event types too. Redefines private.enqueue_digests(timestamptz)
-- of 20261202160200.

create or replace function private.enqueue_digests(p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  added integer;
begin
  with periods as (
    select o.id as org_id, o.time_zone,
           ((p_now at time zone o.time_zone)::date - 1) as staff_day,
           (date_trunc('week', (p_now at time zone o.time_zone)) - interval '1 week')::date as partner_week
      from public.organizations o
  ), candidates as (
    select n.org_id, n.user_id, n.audience,
           case n.audience when 'staff' then 'day:' || p.staff_day else 'week:' || p.partner_week end as period_key,
           case n.audience when 'staff' then p.staff_day::timestamp at time zone p.time_zone
                else p.partner_week::timestamp at time zone p.time_zone end as period_start,
           case n.audience when 'staff' then (p.staff_day + 1)::timestamp at time zone p.time_zone
                else (p.partner_week + 7)::timestamp at time zone p.time_zone end as period_end,
           n.event_type, n.created_at
      from public.notifications n
      join periods p on p.org_id = n.org_id
     where n.created_at >= (least(p.staff_day, p.partner_week)::timestamp at time zone p.time_zone)
  )
  insert into private.email_deliveries (org_id, user_id, kind, period_key, period_start, period_end)
  select distinct c.org_id, c.user_id, 'digest', c.period_key, c.period_start, c.period_end
    from candidates c
   where c.created_at >= c.period_start and c.created_at < c.period_end
     and private.notification_delivery(c.org_id, c.user_id, c.audience, c.event_type) in ('digest', 'digest_only')
  on conflict on constraint email_deliveries_digest_once do nothing;
  get diagnostics added = row_count;
  return added;
end
$$;
comment on function private.enqueue_digests(timestamptz) is 'Writes one digest email row per person and ended period (staff: yesterday; partner users: last week) that had digest or digest-only notifications; once each.';
revoke all on function private.enqueue_digests(timestamptz) from public, anon, authenticated, service_role;
