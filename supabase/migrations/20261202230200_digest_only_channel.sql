-- A "digest only" channel: an event type chosen so reaches the person in their digest and
-- nowhere else, neither in the bell nor by email. The fan-out still writes its notification
-- (the digest is gathered from notifications, and exactly once holds for it as for the
-- rest) but marks it as not shown in the app.

alter table public.notification_preferences drop constraint notification_preferences_delivery_known;
alter table public.notification_preferences add constraint notification_preferences_delivery_known
  check (delivery in ('in_app', 'email', 'digest', 'digest_only', 'off'));
comment on column public.notification_preferences.delivery is 'in_app (the bell only), email (the bell and an email each time), digest (the bell and the periodic digest), digest_only (the periodic digest alone), off (nothing).';

alter table public.notifications add column shown_in_app boolean not null default true;
comment on column public.notifications.shown_in_app is 'Shown in the bell; false for a digest-only event type, which only the digest gathers.';
create index notifications_user_shown_unread_idx on public.notifications (user_id, created_at desc)
  where read_at is null and shown_in_app;

-- The fan-out, now marking digest-only notifications as not shown in the app (and, as
-- before, writing no event email for them). Redefines public.jobs_fan_out(integer) of
-- 20261202160300.
create or replace function public.jobs_fan_out(p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  claimed bigint[];
  written integer;
  emails integer;
  hooks integer;
begin
  select array_agg(id order by id) into claimed
    from (select id from private.outbox_events
           where processed_at is null
           order by id
           limit greatest(1, least(coalesce(p_limit, 500), 5000))
           for update skip locked) waiting;
  if claimed is null then
    return jsonb_build_object('events', 0, 'notifications', 0, 'emails', 0, 'webhooks', 0);
  end if;

  with fanned as (
    select x.org_id, x.user_id, x.audience, x.event_type, x.batch_id,
           private.notification_delivery(x.org_id, x.user_id, x.audience, x.event_type) as delivery,
           (array_agg(x.partner_id order by x.id))[1] as partner_id,
           (array_agg(x.source_table order by x.id))[1] as source_table,
           (array_agg(x.source_id order by x.id))[1] as source_id,
           (array_agg(x.payload order by x.id))[1] as payload,
           count(*) as event_count, min(x.id) as first_event_id, max(x.occurred_at) as occurred_at
      from (select e.id, e.org_id, e.partner_id, e.event_type, e.source_table, e.source_id, e.payload,
                   e.batch_id, e.occurred_at, r.user_id, r.audience
              from private.outbox_events e
             cross join lateral private.event_recipients(e) r
             where e.id = any (claimed)) x
     group by x.org_id, x.user_id, x.audience, x.event_type, x.batch_id
  ), upserted as (
    insert into public.notifications as n
      (org_id, user_id, audience, event_type, partner_id, source_table, source_id, payload,
       event_count, batch_key, first_event_id, occurred_at, shown_in_app)
    select f.org_id, f.user_id, f.audience, f.event_type, f.partner_id, f.source_table, f.source_id, f.payload,
           f.event_count, f.event_type || ':' || f.batch_id, f.first_event_id, f.occurred_at,
           f.delivery <> 'digest_only'
      from fanned f
     where f.delivery <> 'off'
    on conflict on constraint notifications_once_per_batch do update
       set event_count = n.event_count + excluded.event_count,
           occurred_at = greatest(n.occurred_at, excluded.occurred_at),
           read_at = null
    returning n.id, n.org_id, n.user_id, n.event_type, n.batch_key
  ), mailed as (
    insert into private.email_deliveries (org_id, user_id, kind, notification_id, batch_id)
    select u.org_id, u.user_id, 'event', u.id, f.batch_id
      from upserted u
      join fanned f on f.user_id = u.user_id and f.event_type || ':' || f.batch_id = u.batch_key
     where f.delivery = 'email'
    on conflict on constraint email_deliveries_once_per_notification do nothing
    returning 1
  ), hooked as (
    insert into public.webhook_deliveries (org_id, endpoint_id, outbox_event_id, event_type, body)
    select e.org_id, w.id, e.id, e.event_type,
           jsonb_build_object(
             'type', e.event_type,
             'timestamp', e.occurred_at,
             'data', jsonb_strip_nulls(jsonb_build_object(
               'event_id', e.id, 'organization_id', e.org_id, 'partner_id', e.partner_id,
               'record_type', e.source_table, 'record_id', e.source_id, 'actor_id', e.actor_id)) || e.payload)
      from private.outbox_events e
      join public.webhook_endpoints w on w.org_id = e.org_id and w.enabled and e.event_type = any (w.event_types)
     where e.id = any (claimed)
    on conflict on constraint webhook_deliveries_once_per_event do nothing
    returning 1
  )
  select (select count(*) from upserted), (select count(*) from mailed), (select count(*) from hooked)
    into written, emails, hooks;

  update private.outbox_events set processed_at = now() where id = any (claimed);
  return jsonb_build_object('events', cardinality(claimed), 'notifications', written, 'emails', emails, 'webhooks', hooks);
end
$$;
comment on function public.jobs_fan_out(integer) is 'Runner: claims up to p_limit waiting outbox events (skip locked), writes their notifications (merged per person and batch), email rows and webhook deliveries, and marks them processed, in one transaction. service_role only.';
revoke all on function public.jobs_fan_out(integer) from public, anon, authenticated, service_role;
grant execute on function public.jobs_fan_out(integer) to service_role;
