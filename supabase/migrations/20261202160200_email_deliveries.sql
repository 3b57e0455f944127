-- Email: one message per notification whose delivery is `email`, and digests (daily for
-- staff, weekly for partner users) of those whose delivery is `digest`. Each email is a row
-- written in the transaction that wrote its notification (so exactly once in the database);
-- sending is at least once: a runner that dies after sending and before recording sends
-- again when its lease runs out, with the same Message-ID.

create table private.email_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null constraint email_deliveries_kind_known check (kind in ('event', 'digest')),
  notification_id uuid references public.notifications (id) on delete cascade
    constraint email_deliveries_once_per_notification unique,
  -- the writing transaction of an event email: sent only once the whole batch is fanned out
  batch_id bigint,
  -- digests: the period they gather (a day for staff, an ISO week for partner users)
  period_key text,
  period_start timestamptz,
  period_end timestamptz,
  status text not null default 'pending'
    constraint email_deliveries_status_known check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz not null default clock_timestamp(),
  constraint email_deliveries_digest_once unique (user_id, org_id, kind, period_key),
  constraint email_deliveries_shape check (
    (kind = 'event' and notification_id is not null) or (kind = 'digest' and period_key is not null))
);
comment on table private.email_deliveries is 'Emails to send: one per email-delivery notification, one per person and digest period. Never exposed; the runner claims, sends and records.';
create index email_deliveries_waiting_idx on private.email_deliveries (next_attempt_at) where status = 'pending';

alter table private.email_deliveries enable row level security;
revoke all on table private.email_deliveries from public, anon, authenticated, service_role;

-- The fan-out, now also writing an email row for each notification whose delivery is email
-- (once: a later chunk of the same batch merges into the notification and finds the row).
-- Redefines public.jobs_fan_out(integer) of 20261202160000.
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
begin
  select array_agg(id order by id) into claimed
    from (select id from private.outbox_events
           where processed_at is null
           order by id
           limit greatest(1, least(coalesce(p_limit, 500), 5000))
           for update skip locked) waiting;
  if claimed is null then
    return jsonb_build_object('events', 0, 'notifications', 0, 'emails', 0);
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
       event_count, batch_key, first_event_id, occurred_at)
    select f.org_id, f.user_id, f.audience, f.event_type, f.partner_id, f.source_table, f.source_id, f.payload,
           f.event_count, f.event_type || ':' || f.batch_id, f.first_event_id, f.occurred_at
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
  )
  select (select count(*) from upserted), (select count(*) from mailed) into written, emails;

  update private.outbox_events set processed_at = now() where id = any (claimed);
  return jsonb_build_object('events', cardinality(claimed), 'notifications', written, 'emails', emails);
end
$$;
comment on function public.jobs_fan_out(integer) is 'Runner: claims up to p_limit waiting outbox events (skip locked), writes their notifications (merged per person and batch) and email rows, and marks them processed, in one transaction. service_role only.';
revoke all on function public.jobs_fan_out(integer) from public, anon, authenticated, service_role;
grant execute on function public.jobs_fan_out(integer) to service_role;

-- Digests: for each person with digest-delivery notifications in a period that has ended,
-- one digest row (the unique key makes a second run write nothing). Staff: the previous day
-- in the organization's time zone; partner users: the previous ISO week.
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
     and private.notification_delivery(c.org_id, c.user_id, c.audience, c.event_type) = 'digest'
  on conflict on constraint email_deliveries_digest_once do nothing;
  get diagnostics added = row_count;
  return added;
end
$$;
comment on function private.enqueue_digests(timestamptz) is 'Writes one digest email row per person and ended period (staff: yesterday; partner users: last week) that had digest notifications; once each.';
revoke all on function private.enqueue_digests(timestamptz) from public, anon, authenticated, service_role;

-- The sweep now also writes the digests that are due. Redefines public.jobs_sweep() of 20261202160000.
create or replace function public.jobs_sweep()
returns integer
language sql
security definer
set search_path = ''
as $$
  select private.sweep_due_events(now()) + private.enqueue_digests(now())
$$;
comment on function public.jobs_sweep() is 'Runner: writes the time-based events and the digests due now, each once however often it runs. service_role only.';
revoke all on function public.jobs_sweep() from public, anon, authenticated, service_role;
grant execute on function public.jobs_sweep() to service_role;

-- Claims up to p_limit emails that are due, for p_lease_seconds: another runner skips them
-- until then. An event email waits while its batch is still being fanned out, so a bulk
-- change sends one email with the final count.
create or replace function public.jobs_claim_emails(p_limit integer default 50, p_lease_seconds integer default 120)
returns table (
  id uuid, kind text, user_id uuid, org_id uuid, to_email text, recipient_name text, audience text,
  org_name text, org_currency text, org_time_zone text,
  notification jsonb, digest jsonb)
language plpgsql
security definer
set search_path = ''
as $$
begin
  return query
  with due as (
    select d.id
      from private.email_deliveries d
     where d.status = 'pending' and d.next_attempt_at <= now()
       and (d.locked_until is null or d.locked_until < now())
       and (d.batch_id is null or not exists (
              select from private.outbox_events e where e.batch_id = d.batch_id and e.processed_at is null))
     order by d.next_attempt_at
     limit greatest(1, least(coalesce(p_limit, 50), 500))
     for update skip locked
  ), locked as (
    update private.email_deliveries d
       set locked_until = now() + make_interval(secs => greatest(10, coalesce(p_lease_seconds, 120))),
           attempts = d.attempts + 1
      from due
     where d.id = due.id
    returning d.*
  )
  select l.id, l.kind, l.user_id, l.org_id, p.email, p.display_name,
         coalesce(n.audience, case when exists (select from public.org_members m where m.user_id = l.user_id and m.org_id = l.org_id)
                                   then 'staff' else 'partner' end),
         o.name, o.currency, o.time_zone,
         case when n.id is not null then jsonb_build_object(
           'id', n.id, 'event_type', n.event_type, 'partner_id', n.partner_id, 'source_table', n.source_table,
           'payload', n.payload, 'event_count', n.event_count, 'occurred_at', n.occurred_at,
           'partner_name', (select pa.name from public.partners pa where pa.id = n.partner_id)) end,
         case when l.kind = 'digest' then jsonb_build_object(
           'period_key', l.period_key, 'period_start', l.period_start, 'period_end', l.period_end,
           'items', coalesce((
             select jsonb_agg(jsonb_build_object(
                      'event_type', dn.event_type, 'partner_id', dn.partner_id, 'source_table', dn.source_table,
                      'payload', dn.payload, 'event_count', dn.event_count, 'occurred_at', dn.occurred_at,
                      'partner_name', (select pa.name from public.partners pa where pa.id = dn.partner_id))
                    order by dn.created_at)
               from public.notifications dn
              where dn.user_id = l.user_id and dn.org_id = l.org_id
                and dn.created_at >= l.period_start and dn.created_at < l.period_end
                and private.notification_delivery(dn.org_id, dn.user_id, dn.audience, dn.event_type) = 'digest'),
             '[]'::jsonb)) end
    from locked l
    join public.profiles p on p.id = l.user_id
    join public.organizations o on o.id = l.org_id
    left join public.notifications n on n.id = l.notification_id;
end
$$;
comment on function public.jobs_claim_emails(integer, integer) is 'Runner: leases up to p_limit due emails (skip locked) and returns what each needs to be written. service_role only.';
revoke all on function public.jobs_claim_emails(integer, integer) from public, anon, authenticated, service_role;
grant execute on function public.jobs_claim_emails(integer, integer) to service_role;

-- Records a send: sent, skipped (nothing to say, or no address), or failed with a retry after
-- 1, 2, 4, 8 minutes; failed for good after 5 attempts.
create or replace function public.jobs_record_email(p_id uuid, p_outcome text, p_error text default null)
returns void
language sql
security definer
set search_path = ''
as $$
  update private.email_deliveries d
     set status = case p_outcome when 'sent' then 'sent' when 'skipped' then 'skipped'
                                 else case when d.attempts >= 5 then 'failed' else 'pending' end end,
         sent_at = case when p_outcome = 'sent' then now() end,
         next_attempt_at = case when p_outcome = 'failed' then now() + make_interval(mins => power(2, d.attempts - 1)::int)
                                else d.next_attempt_at end,
         locked_until = null,
         last_error = left(p_error, 500)
   where d.id = p_id
$$;
comment on function public.jobs_record_email(uuid, text, text) is 'Runner: records an email as sent, skipped, or failed (retried with backoff up to 5 attempts). service_role only.';
revoke all on function public.jobs_record_email(uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.jobs_record_email(uuid, text, text) to service_role;

-- One-click unsubscribe from an email's kind, without signing in: the app verifies the
-- signed link, then calls this. An event email's type stops emailing (the bell stays);
-- a digest's `*` turns every digest type of the person to the bell only.
create or replace function public.unsubscribe_email(p_user_id uuid, p_org_id uuid, p_event_type text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  who_audience text;
  changed integer;
begin
  if exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = p_user_id) then
    who_audience := 'staff';
  elsif exists (select from public.partner_users u where u.org_id = p_org_id and u.id = p_user_id) then
    who_audience := 'partner';
  else
    return 0;
  end if;
  insert into public.notification_preferences as np (org_id, user_id, event_type, delivery)
  select p_org_id, p_user_id, t.event_type, 'in_app'
    from unnest(private.audience_event_types(who_audience)) as t(event_type)
   where (p_event_type = '*' and private.notification_delivery(p_org_id, p_user_id, who_audience, t.event_type) = 'digest')
      or (p_event_type <> '*' and t.event_type = p_event_type
          and private.notification_delivery(p_org_id, p_user_id, who_audience, t.event_type) in ('email', 'digest'))
  on conflict on constraint notification_preferences_once do update set delivery = 'in_app';
  get diagnostics changed = row_count;
  return changed;
end
$$;
comment on function public.unsubscribe_email(uuid, uuid, text) is 'Turns a person''s emails of one event type (or every digest type, with *) to the bell only; called by the app after it verified a signed unsubscribe link. service_role only.';
revoke all on function public.unsubscribe_email(uuid, uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.unsubscribe_email(uuid, uuid, text) to service_role;
