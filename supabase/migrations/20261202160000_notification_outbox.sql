-- Notifications: an outbox written in the same transaction as the change that caused it,
-- drained by a stateless runner (POST/GET /api/jobs/run) through definer functions only
-- service_role may run. Nothing is kept in an app server's memory, and any number of
-- runners may work at once: each claims its rows with FOR UPDATE SKIP LOCKED.
--
-- Exactly once inside the database: a runner fans a claimed event out to its recipients'
-- notifications and marks it processed in one transaction, so a runner killed mid-batch
-- leaves its events unprocessed (rolled back) for the next one, and nothing is written twice.

-- The one list of notification event types: every timeline event type (as
-- partner_activity_log's check names them) plus the time-based ones a sweep writes and the
-- system's own. lib/notifications/event-types.ts holds the same list; a test holds them together.
create or replace function private.notification_event_types()
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array[
    -- from the timeline
    'partner.created', 'partner.imported', 'partner.status_changed', 'partner.tier_changed',
    'partner.owner_changed', 'partner.archived',
    'referral.created', 'referral.status_changed', 'referral.won', 'referral.lost',
    'commission.created', 'commission.approved', 'commission.paid', 'commission.voided',
    'task.created', 'task.completed', 'document.added', 'note.added',
    -- time-based, written by private.sweep_due_events()
    'commission.due_soon', 'commission.overdue', 'task.due_today', 'task.overdue',
    'grant.ending', 'training.expiring',
    -- the system's own
    'webhook.endpoint_disabled'
  ]
$$;
comment on function private.notification_event_types() is 'Every notification event type: the timeline''s, the time-based ones, the system''s. Shared by the outbox, notifications, preferences, the UI and webhooks.';
revoke all on function private.notification_event_types() from public, anon, authenticated, service_role;
-- The check constraints below call it as whoever writes the row (a person marking a notification read).
grant execute on function private.notification_event_types() to authenticated, service_role;

-- outbox -----------------------------------------------------------------------------------------
create table private.outbox_events (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  partner_id uuid,
  event_type text not null
    constraint outbox_events_event_type_known check (event_type = any (private.notification_event_types())),
  source_table text,
  source_id uuid,
  activity_id uuid constraint outbox_events_activity_once unique,
  dedupe_key text constraint outbox_events_dedupe_once unique,
  actor_id uuid,
  payload jsonb not null default '{}' constraint outbox_events_payload_object check (jsonb_typeof(payload) = 'object'),
  batch_id bigint not null default (pg_catalog.pg_current_xact_id()::text::bigint),
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default clock_timestamp(),
  processed_at timestamptz
);
comment on table private.outbox_events is 'Events waiting to be delivered (in the app, by email, to webhooks). Written by triggers and the sweep in the changing transaction; drained by the runner. Never exposed.';
comment on column private.outbox_events.activity_id is 'The partner_activity_log row this event mirrors: at most one event per timeline row.';
comment on column private.outbox_events.dedupe_key is 'Time-based events: type, row and date, so a sweep run twice writes each once.';
comment on column private.outbox_events.batch_id is 'The writing transaction: a bulk change or an import is one batch, merged into one notification per recipient.';
comment on column private.outbox_events.created_at is 'When the change wrote the event (clock time, for the latency figures).';
comment on column private.outbox_events.processed_at is 'When the runner fanned it out; null while waiting.';

create index outbox_events_waiting_idx on private.outbox_events (id) where processed_at is null;
create index outbox_events_batch_waiting_idx on private.outbox_events (batch_id) where processed_at is null;

alter table private.outbox_events enable row level security;
revoke all on table private.outbox_events from public, anon, authenticated, service_role;

-- Every timeline row becomes an outbox event in the same transaction. Backfilled history is
-- not news, so it is left out.
create or replace function private.enqueue_activity_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.payload ? 'backfilled' then
    return new;
  end if;
  insert into private.outbox_events
    (org_id, partner_id, event_type, source_table, source_id, activity_id, actor_id, payload, occurred_at)
  values
    (new.org_id, new.partner_id, new.event_type, new.source_table, new.source_id, new.id, new.actor_id,
     new.payload, new.occurred_at)
  on conflict (activity_id) do nothing;
  return new;
end
$$;
comment on function private.enqueue_activity_event() is 'AFTER INSERT on partner_activity_log: the same event into the outbox (backfilled rows excepted).';
revoke all on function private.enqueue_activity_event() from public, anon, authenticated, service_role;

create trigger partner_activity_log_outbox after insert on public.partner_activity_log
  for each row execute function private.enqueue_activity_event();

-- notifications ----------------------------------------------------------------------------------
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  audience text not null constraint notifications_audience_known check (audience in ('staff', 'partner')),
  event_type text not null
    constraint notifications_event_type_known check (event_type = any (private.notification_event_types())),
  partner_id uuid,
  source_table text,
  source_id uuid,
  payload jsonb not null default '{}' constraint notifications_payload_object check (jsonb_typeof(payload) = 'object'),
  event_count integer not null default 1 constraint notifications_event_count_positive check (event_count > 0),
  batch_key text not null,
  first_event_id bigint not null,
  occurred_at timestamptz not null default now(),
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notifications_once_per_batch unique (user_id, batch_key)
);
comment on table public.notifications is 'In-app notifications, one per person, event type and batch (a bulk change merges). Written by the runner only; the person reads, marks read and deletes their own.';
comment on column public.notifications.user_id is 'Who it is for.';
comment on column public.notifications.audience is 'staff (admin top bar) or partner (portal top bar): decides where its link leads.';
comment on column public.notifications.event_type is 'One of private.notification_event_types().';
comment on column public.notifications.partner_id is 'The partner the (first) event is about, for the link.';
comment on column public.notifications.source_table is 'Table of the (first) record the event is about.';
comment on column public.notifications.source_id is 'Id of that record.';
comment on column public.notifications.payload is 'The (first) event''s details, as the timeline wrote them (partner-safe keys for partner users).';
comment on column public.notifications.event_count is 'How many events of the batch it stands for (a bulk change of 5,000 partners is one notification).';
comment on column public.notifications.batch_key is 'Event type and writing transaction: one notification per person and key.';
comment on column public.notifications.first_event_id is 'The first outbox event merged into it.';
comment on column public.notifications.occurred_at is 'When the (latest) event happened.';
comment on column public.notifications.read_at is 'When the person marked it read; null while unread.';

create index notifications_user_unread_idx on public.notifications (user_id, created_at desc) where read_at is null;
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);

create trigger notifications_timestamps before insert or update on public.notifications
  for each row execute function private.set_timestamps();

alter table public.notifications enable row level security;

-- Own rows, and only while the person still belongs to the organization.
create policy "Notifications are visible to their recipient"
  on public.notifications for select to authenticated
  using (user_id = (select auth.uid())
         and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))));
create policy "Notifications are marked read by their recipient"
  on public.notifications for update to authenticated
  using (user_id = (select auth.uid())
         and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
  with check (user_id = (select auth.uid()));
create policy "Notifications are dismissed by their recipient"
  on public.notifications for delete to authenticated
  using (user_id = (select auth.uid())
         and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))));

revoke all on table public.notifications from public, anon, authenticated, service_role;
grant select, update (read_at), delete on table public.notifications to authenticated;
grant select on table public.notifications to service_role;

-- preferences ------------------------------------------------------------------------------------
-- One row per person and event type (the person's choice), or per organization and event
-- type with user_id null (the admins' default for everyone). Neither: the built-in default
-- of the person's audience (private.default_notification_delivery).
create table public.notification_preferences (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid references auth.users (id) on delete cascade,
  event_type text not null
    constraint notification_preferences_event_type_known check (event_type = any (private.notification_event_types())),
  delivery text not null
    constraint notification_preferences_delivery_known check (delivery in ('in_app', 'email', 'digest', 'off')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint notification_preferences_once unique nulls not distinct (org_id, user_id, event_type)
);
comment on table public.notification_preferences is 'How a person hears of each event type (user_id set), or the organization''s default set by its admins (user_id null).';
comment on column public.notification_preferences.org_id is 'The organization the choice applies in.';
comment on column public.notification_preferences.user_id is 'The person; null for the organization''s default.';
comment on column public.notification_preferences.event_type is 'One of private.notification_event_types().';
comment on column public.notification_preferences.delivery is 'in_app (the bell only), email (the bell and an email each time), digest (the bell and the periodic digest), off (nothing).';

create trigger notification_preferences_timestamps before insert or update on public.notification_preferences
  for each row execute function private.set_timestamps();
create trigger notification_preferences_reparenting before update on public.notification_preferences
  for each row execute function private.refuse_reparenting('org_id', 'user_id', 'event_type');

alter table public.notification_preferences enable row level security;

create policy "Notification preferences are visible to their person and the defaults to admins"
  on public.notification_preferences for select to authenticated
  using ((user_id = (select auth.uid())
          and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
         or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));
create policy "Notification preferences are set by their person and the defaults by admins"
  on public.notification_preferences for insert to authenticated
  with check ((user_id = (select auth.uid())
               and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
              or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));
create policy "Notification preferences are changed by their person and the defaults by admins"
  on public.notification_preferences for update to authenticated
  using ((user_id = (select auth.uid())
          and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
         or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))))
  with check ((user_id = (select auth.uid())
               and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
              or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));
create policy "Notification preferences are cleared by their person and the defaults by admins"
  on public.notification_preferences for delete to authenticated
  using ((user_id = (select auth.uid())
          and (org_id = any ((select private.staff_org_ids())) or org_id = any ((select private.partner_user_org_ids()))))
         or (user_id is null and org_id = any ((select private.org_ids_with_role(array['admin'])))));

revoke all on table public.notification_preferences from public, anon, authenticated, service_role;
grant select, insert (org_id, user_id, event_type, delivery), update (delivery), delete
  on table public.notification_preferences to authenticated;
grant select, insert, update, delete on table public.notification_preferences to service_role;

-- Who hears what ---------------------------------------------------------------------------------
create or replace function private.default_notification_delivery(p_audience text, p_event_type text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_audience = 'partner' and p_event_type in ('commission.approved', 'commission.paid', 'grant.ending') then 'email'
    when p_audience = 'staff' and p_event_type in ('referral.created', 'referral.won', 'task.created',
                                                   'commission.overdue', 'webhook.endpoint_disabled') then 'email'
    else 'digest'
  end
$$;
comment on function private.default_notification_delivery(text, text) is 'The built-in default per audience (staff, partner) and event type, when neither the person nor the organization chose.';
revoke all on function private.default_notification_delivery(text, text) from public, anon, authenticated, service_role;

create or replace function private.notification_delivery(p_org_id uuid, p_user_id uuid, p_audience text, p_event_type text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select delivery from public.notification_preferences
      where org_id = p_org_id and user_id = p_user_id and event_type = p_event_type),
    (select delivery from public.notification_preferences
      where org_id = p_org_id and user_id is null and event_type = p_event_type),
    private.default_notification_delivery(p_audience, p_event_type))
$$;
comment on function private.notification_delivery(uuid, uuid, text, text) is 'How a person hears of an event type: their choice, else the organization''s default, else the built-in one.';
revoke all on function private.notification_delivery(uuid, uuid, text, text) from public, anon, authenticated, service_role;

-- The recipients of one event, as the events list of DESIGN.md says; never the person who
-- caused it. Partner users hear only what their in-force grant's scope shows them.
create or replace function private.event_recipients(p_event private.outbox_events)
returns table (user_id uuid, audience text)
language sql
stable
security definer
set search_path = ''
as $$
  with partner_users as (
    select a.partner_user_id as user_id, a.scope
      from public.partner_access a
      join public.partner_users u on u.id = a.partner_user_id and u.is_active
     where a.partner_id = p_event.partner_id
       and a.revoked_at is null
       and (a.starts_at is null or a.starts_at <= now())
       and (a.ends_at is null or a.ends_at > now())
  ), candidates as (
    -- the partner's owner
    select p.owner_id as user_id, 'staff'::text as audience
      from public.partners p
     where p.id = p_event.partner_id
       and p_event.event_type in ('referral.created', 'referral.won', 'referral.lost', 'partner.status_changed',
                                  'partner.tier_changed', 'partner.owner_changed', 'training.expiring')
    union
    -- the task's assignee
    select (p_event.payload ->> 'assignee_id')::uuid, 'staff'
     where p_event.event_type in ('task.created', 'task.due_today', 'task.overdue')
       and p_event.payload ? 'assignee_id'
    union
    -- leads
    select m.user_id, 'staff'
      from public.org_members m
     where m.org_id = p_event.org_id and m.role in ('admin', 'manager')
       and p_event.event_type in ('commission.due_soon', 'commission.overdue', 'grant.ending')
    union
    -- admins
    select m.user_id, 'staff'
      from public.org_members m
     where m.org_id = p_event.org_id and m.role = 'admin'
       and p_event.event_type = 'webhook.endpoint_disabled'
    union
    -- partner users, by scope
    select pu.user_id, 'partner'
      from partner_users pu
     where (p_event.event_type in ('commission.approved', 'commission.paid') and 'commissions' = any (pu.scope))
        or (p_event.event_type = 'document.added' and p_event.payload ->> 'visibility' = 'shared'
            and 'documents' = any (pu.scope))
        or (p_event.event_type = 'training.expiring' and 'training' = any (pu.scope))
    union
    -- the partner user whose grant ends
    select (p_event.payload ->> 'partner_user_id')::uuid, 'partner'
     where p_event.event_type = 'grant.ending' and p_event.payload ? 'partner_user_id'
  )
  select c.user_id, c.audience
    from candidates c
   where c.user_id is not null
     and c.user_id is distinct from p_event.actor_id
     and (case c.audience
            when 'staff' then exists (select from public.org_members m where m.org_id = p_event.org_id and m.user_id = c.user_id)
            else exists (select from public.partner_users u where u.org_id = p_event.org_id and u.id = c.user_id and u.is_active)
          end)
$$;
comment on function private.event_recipients(private.outbox_events) is 'Who hears of an outbox event (owner, assignee, leads, admins, partner users by scope), never its actor.';
revoke all on function private.event_recipients(private.outbox_events) from public, anon, authenticated, service_role;

-- Runner entry points (service_role only) ---------------------------------------------------------
-- Claims up to p_limit waiting events, writes their notifications and marks them processed,
-- all in the caller's one transaction (one PostgREST call).
create or replace function public.jobs_fan_out(p_limit integer default 500)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  claimed bigint[];
  written integer;
begin
  select array_agg(id order by id) into claimed
    from (select id from private.outbox_events
           where processed_at is null
           order by id
           limit greatest(1, least(coalesce(p_limit, 500), 5000))
           for update skip locked) waiting;
  if claimed is null then
    return jsonb_build_object('events', 0, 'notifications', 0);
  end if;

  insert into public.notifications as n
    (org_id, user_id, audience, event_type, partner_id, source_table, source_id, payload,
     event_count, batch_key, first_event_id, occurred_at)
  select x.org_id, x.user_id, x.audience, x.event_type,
         (array_agg(x.partner_id order by x.id))[1],
         (array_agg(x.source_table order by x.id))[1],
         (array_agg(x.source_id order by x.id))[1],
         (array_agg(x.payload order by x.id))[1],
         count(*), x.event_type || ':' || x.batch_id, min(x.id), max(x.occurred_at)
    from (select e.id, e.org_id, e.partner_id, e.event_type, e.source_table, e.source_id, e.payload,
                 e.batch_id, e.occurred_at, r.user_id, r.audience
            from private.outbox_events e
           cross join lateral private.event_recipients(e) r
           where e.id = any (claimed)) x
   where private.notification_delivery(x.org_id, x.user_id, x.audience, x.event_type) <> 'off'
   group by x.org_id, x.user_id, x.audience, x.event_type, x.batch_id
  on conflict on constraint notifications_once_per_batch do update
     set event_count = n.event_count + excluded.event_count,
         occurred_at = greatest(n.occurred_at, excluded.occurred_at),
         read_at = null;
  get diagnostics written = row_count;

  update private.outbox_events set processed_at = now() where id = any (claimed);
  return jsonb_build_object('events', cardinality(claimed), 'notifications', written);
end
$$;
comment on function public.jobs_fan_out(integer) is 'Runner: claims up to p_limit waiting outbox events (skip locked), writes their notifications (merged per person and batch) and marks them processed, in one transaction. service_role only.';
revoke all on function public.jobs_fan_out(integer) from public, anon, authenticated, service_role;
grant execute on function public.jobs_fan_out(integer) to service_role;

-- Time-based events. Each has a dedupe key of its row and date, so a sweep run twice (or by
-- two runners at once) writes each event once. Days are the organization's.
create or replace function private.sweep_due_events(p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  written integer := 0;
  added integer;
begin
  -- commissions due within 3 days, and overdue ones (still pending or approved)
  insert into private.outbox_events (org_id, partner_id, event_type, source_table, source_id, dedupe_key, payload, occurred_at)
  select c.org_id, c.partner_id,
         case when c.due_at < p_now then 'commission.overdue' else 'commission.due_soon' end,
         'partner_commissions', c.id,
         (case when c.due_at < p_now then 'commission.overdue:' else 'commission.due_soon:' end)
           || c.id || ':' || (c.due_at at time zone o.time_zone)::date,
         jsonb_build_object('amount', c.amount, 'currency', c.currency, 'due_at', c.due_at),
         p_now
    from public.partner_commissions c
    join public.organizations o on o.id = c.org_id
   where c.status in ('pending', 'approved') and c.due_at is not null and c.due_at < p_now + interval '3 days'
  on conflict (dedupe_key) do nothing;
  get diagnostics added = row_count;
  written := written + added;

  -- open tasks due today, and overdue ones (in the organization's time zone)
  insert into private.outbox_events (org_id, partner_id, event_type, source_table, source_id, dedupe_key, payload, occurred_at)
  select t.org_id, t.partner_id, d.event_type, 'partner_tasks', t.id,
         d.event_type || ':' || t.id || ':' || t.due_date,
         jsonb_strip_nulls(jsonb_build_object('title', t.title, 'assignee_id', t.assignee_id, 'due_date', t.due_date)),
         p_now
    from public.partner_tasks t
    join public.organizations o on o.id = t.org_id
   cross join lateral (select case when t.due_date = (p_now at time zone o.time_zone)::date then 'task.due_today'
                                   else 'task.overdue' end as event_type) d
   where t.status in ('todo', 'in_progress') and t.due_date is not null
     and t.due_date <= (p_now at time zone o.time_zone)::date
  on conflict (dedupe_key) do nothing;
  get diagnostics added = row_count;
  written := written + added;

  -- grants ending within 7 days
  insert into private.outbox_events (org_id, partner_id, event_type, source_table, source_id, dedupe_key, payload, occurred_at)
  select a.org_id, a.partner_id, 'grant.ending', 'partner_access', a.id,
         'grant.ending:' || a.id || ':' || a.ends_at,
         jsonb_build_object('partner_user_id', a.partner_user_id, 'ends_at', a.ends_at),
         p_now
    from public.partner_access a
   where a.revoked_at is null and a.ends_at > p_now and a.ends_at <= p_now + interval '7 days'
  on conflict (dedupe_key) do nothing;
  get diagnostics added = row_count;
  written := written + added;

  -- training and certifications expiring within 30 days
  insert into private.outbox_events (org_id, partner_id, event_type, source_table, source_id, dedupe_key, payload, occurred_at)
  select tr.org_id, tr.partner_id, 'training.expiring', 'partner_training', tr.id,
         'training.expiring:' || tr.id || ':' || tr.expires_on,
         jsonb_build_object('name', tr.name, 'kind', tr.kind, 'expires_on', tr.expires_on),
         p_now
    from public.partner_training tr
    join public.organizations o on o.id = tr.org_id
   where tr.status = 'completed' and tr.expires_on is not null
     and tr.expires_on >= (p_now at time zone o.time_zone)::date
     and tr.expires_on <= (p_now at time zone o.time_zone)::date + 30
  on conflict (dedupe_key) do nothing;
  get diagnostics added = row_count;
  return written + added;
end
$$;
comment on function private.sweep_due_events(timestamptz) is 'Writes the time-based outbox events due at p_now (commissions due or overdue, tasks due or overdue, grants ending, training expiring), each once.';
revoke all on function private.sweep_due_events(timestamptz) from public, anon, authenticated, service_role;

create or replace function public.jobs_sweep()
returns integer
language sql
security definer
set search_path = ''
as $$
  select private.sweep_due_events(now())
$$;
comment on function public.jobs_sweep() is 'Runner: writes the time-based events due now, each once however often it runs. service_role only.';
revoke all on function public.jobs_sweep() from public, anon, authenticated, service_role;
grant execute on function public.jobs_sweep() to service_role;
