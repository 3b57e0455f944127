-- Webhooks: admins register endpoints; every outbox event an endpoint subscribes to becomes
-- one delivery row (its id is the Standard Webhooks `webhook-id`, stable across retries),
-- written in the fan-out's transaction. The runner signs and sends at least once, retries on
-- a schedule kept here, and disables an endpoint that has failed for a whole day, telling
-- the organization's admins through a webhook.endpoint_disabled event.

create table private.webhook_settings (
  id boolean primary key default true constraint webhook_settings_single_row check (id),
  retry_schedule_seconds integer[] not null default array[5, 300, 1800, 7200, 18000, 36000, 36000]
    constraint webhook_settings_schedule_positive check (cardinality(retry_schedule_seconds) > 0 and 0 < all (retry_schedule_seconds)),
  give_up_after interval not null default interval '24 hours',
  disable_after interval not null default interval '24 hours',
  clock_offset_seconds integer not null default 0
);
comment on table private.webhook_settings is 'Retry schedule (seconds after each failed attempt; the last repeats), how long a delivery is retried, how long an endpoint may fail before it is disabled, and a clock offset the tests move. One row.';
insert into private.webhook_settings default values;
alter table private.webhook_settings enable row level security;
revoke all on table private.webhook_settings from public, anon, authenticated, service_role;

create or replace function private.webhook_now()
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  select now() + make_interval(secs => (select clock_offset_seconds from private.webhook_settings))
$$;
comment on function private.webhook_now() is 'The webhooks'' clock: now, moved by webhook_settings.clock_offset_seconds (tests only).';
revoke all on function private.webhook_now() from public, anon, authenticated, service_role;

create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  url text not null constraint webhook_endpoints_url_http check (url ~* '^https?://[^\s/]+' and char_length(url) <= 2000),
  description text constraint webhook_endpoints_description_length check (description is null or char_length(description) <= 500),
  event_types text[] not null
    constraint webhook_endpoints_event_types_known check (
      cardinality(event_types) > 0 and event_types <@ private.notification_event_types()),
  enabled boolean not null default true,
  disabled_at timestamptz,
  disabled_reason text,
  failing_since timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, org_id)
);
comment on table public.webhook_endpoints is 'Where an organization''s events are sent (admins only). The signing secret lives in private.webhook_secrets, out of every API role''s reach.';
comment on column public.webhook_endpoints.url is 'http(s) URL; private, loopback and link-local addresses are refused at every delivery unless the deployment allows them.';
comment on column public.webhook_endpoints.event_types is 'The event types it receives (private.notification_event_types()).';
comment on column public.webhook_endpoints.enabled is 'Receives deliveries. Turned off by the runner after a day of failures.';
comment on column public.webhook_endpoints.failing_since is 'First failure since the last success; null while healthy.';

create trigger webhook_endpoints_timestamps before insert or update on public.webhook_endpoints
  for each row execute function private.set_timestamps();
create trigger webhook_endpoints_created_by before insert on public.webhook_endpoints
  for each row execute function private.set_created_by();
create trigger webhook_endpoints_reparenting before update on public.webhook_endpoints
  for each row execute function private.refuse_reparenting('org_id');

alter table public.webhook_endpoints enable row level security;
create policy "Webhook endpoints are visible to admins"
  on public.webhook_endpoints for select to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));
create policy "Webhook endpoints are changed by admins"
  on public.webhook_endpoints for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin']))));
create policy "Webhook endpoints are removed by admins"
  on public.webhook_endpoints for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));

revoke all on table public.webhook_endpoints from public, anon, authenticated, service_role;
grant select, update (url, description, event_types, enabled), delete on table public.webhook_endpoints to authenticated;
grant select on table public.webhook_endpoints to service_role;

-- Re-enabling an endpoint starts its failure clock afresh.
create or replace function private.reset_webhook_failures()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.enabled and not old.enabled then
    new.failing_since := null;
    new.disabled_at := null;
    new.disabled_reason := null;
  end if;
  return new;
end
$$;
comment on function private.reset_webhook_failures() is 'BEFORE UPDATE on webhook_endpoints: turning an endpoint back on clears its failure record.';
revoke all on function private.reset_webhook_failures() from public, anon, authenticated, service_role;
create trigger webhook_endpoints_reset_failures before update of enabled on public.webhook_endpoints
  for each row execute function private.reset_webhook_failures();

create table private.webhook_secrets (
  endpoint_id uuid primary key references public.webhook_endpoints (id) on delete cascade,
  secret text not null,
  rotated_at timestamptz not null default now()
);
comment on table private.webhook_secrets is 'Signing secret per endpoint (whsec_…). Admins see it once, when it is made; only the runner reads it.';
alter table private.webhook_secrets enable row level security;
revoke all on table private.webhook_secrets from public, anon, authenticated, service_role;

create or replace function private.new_webhook_secret()
returns text
language sql
volatile
set search_path = ''
as $$
  select 'whsec_' || encode(extensions.gen_random_bytes(32), 'base64')
$$;
revoke all on function private.new_webhook_secret() from public, anon, authenticated, service_role;

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  endpoint_id uuid not null,
  outbox_event_id bigint,
  event_type text not null
    constraint webhook_deliveries_event_type_known check (event_type = any (private.notification_event_types() || 'webhook.ping'::text)),
  body jsonb not null,
  status text not null default 'pending'
    constraint webhook_deliveries_status_known check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_duration_ms integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  constraint webhook_deliveries_once_per_event unique (endpoint_id, outbox_event_id),
  foreign key (endpoint_id, org_id) references public.webhook_endpoints (id, org_id) on delete cascade
);
comment on table public.webhook_deliveries is 'One message per event and endpoint; id is its webhook-id. The log admins read (status, last response code and duration, attempts). Written by the runner only.';
create index webhook_deliveries_endpoint_idx on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'pending';

alter table public.webhook_deliveries enable row level security;
create policy "Webhook deliveries are visible to admins"
  on public.webhook_deliveries for select to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));
revoke all on table public.webhook_deliveries from public, anon, authenticated, service_role;
grant select on table public.webhook_deliveries to authenticated, service_role;

-- Admin functions (checked inside) -------------------------------------------------------------
create or replace function private.assert_webhook_admin(p_endpoint_id uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  endpoint_org uuid;
begin
  select e.org_id into endpoint_org
    from public.webhook_endpoints e
    join public.org_members m on m.org_id = e.org_id and m.user_id = auth.uid() and m.role = 'admin'
   where e.id = p_endpoint_id;
  if endpoint_org is null then
    raise exception 'webhook endpoint not found' using errcode = 'P0002';
  end if;
  return endpoint_org;
end
$$;
revoke all on function private.assert_webhook_admin(uuid) from public, anon, authenticated, service_role;

create or replace function public.create_webhook_endpoint(
  p_org_id uuid, p_url text, p_description text, p_event_types text[], p_enabled boolean default true)
returns table (id uuid, secret text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  endpoint_id uuid;
  new_secret text := private.new_webhook_secret();
begin
  if not exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = auth.uid() and m.role = 'admin') then
    raise exception 'only admins register webhook endpoints' using errcode = '42501';
  end if;
  insert into public.webhook_endpoints (org_id, url, description, event_types, enabled)
  values (p_org_id, p_url, nullif(trim(p_description), ''), p_event_types, coalesce(p_enabled, true))
  returning webhook_endpoints.id into endpoint_id;
  insert into private.webhook_secrets (endpoint_id, secret) values (endpoint_id, new_secret);
  return query select endpoint_id, new_secret;
end
$$;
comment on function public.create_webhook_endpoint(uuid, text, text, text[], boolean) is 'Admins: registers an endpoint and returns its signing secret, the only time it is shown.';
revoke all on function public.create_webhook_endpoint(uuid, text, text, text[], boolean) from public, anon, service_role;
grant execute on function public.create_webhook_endpoint(uuid, text, text, text[], boolean) to authenticated;

create or replace function public.rotate_webhook_secret(p_endpoint_id uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_secret text := private.new_webhook_secret();
begin
  perform private.assert_webhook_admin(p_endpoint_id);
  insert into private.webhook_secrets (endpoint_id, secret) values (p_endpoint_id, new_secret)
  on conflict (endpoint_id) do update set secret = excluded.secret, rotated_at = now();
  return new_secret;
end
$$;
comment on function public.rotate_webhook_secret(uuid) is 'Admins: replaces an endpoint''s signing secret and returns the new one, the only time it is shown.';
revoke all on function public.rotate_webhook_secret(uuid) from public, anon, service_role;
grant execute on function public.rotate_webhook_secret(uuid) to authenticated;

create or replace function public.resend_webhook_delivery(p_delivery_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  endpoint uuid;
begin
  select d.endpoint_id into endpoint from public.webhook_deliveries d where d.id = p_delivery_id;
  if endpoint is null then
    raise exception 'webhook delivery not found' using errcode = 'P0002';
  end if;
  perform private.assert_webhook_admin(endpoint);
  update public.webhook_deliveries
     set status = 'pending', next_attempt_at = private.webhook_now(), locked_until = null
   where id = p_delivery_id;
end
$$;
comment on function public.resend_webhook_delivery(uuid) is 'Admins: sends a delivery again (same webhook-id, so a deduplicating receiver sees one message).';
revoke all on function public.resend_webhook_delivery(uuid) from public, anon, service_role;
grant execute on function public.resend_webhook_delivery(uuid) to authenticated;

create or replace function public.ping_webhook_endpoint(p_endpoint_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  endpoint_org uuid := private.assert_webhook_admin(p_endpoint_id);
  delivery uuid;
begin
  insert into public.webhook_deliveries (org_id, endpoint_id, event_type, body, next_attempt_at)
  values (endpoint_org, p_endpoint_id, 'webhook.ping',
          jsonb_build_object('type', 'webhook.ping', 'timestamp', now(), 'data', jsonb_build_object('endpoint_id', p_endpoint_id)),
          private.webhook_now())
  returning id into delivery;
  return delivery;
end
$$;
comment on function public.ping_webhook_endpoint(uuid) is 'Admins: queues a test ping to an endpoint (sent by the next runner, even while disabled).';
revoke all on function public.ping_webhook_endpoint(uuid) from public, anon, service_role;
grant execute on function public.ping_webhook_endpoint(uuid) to authenticated;

-- The fan-out, now also writing one webhook delivery per event and subscribed endpoint.
-- Redefines public.jobs_fan_out(integer) of 20261202160200.
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

-- Leases due deliveries of enabled endpoints (pings go to disabled ones too) with their
-- secrets, for the runner alone.
create or replace function public.jobs_claim_webhooks(p_limit integer default 50, p_lease_seconds integer default 60)
returns table (id uuid, endpoint_id uuid, url text, secret text, event_type text, body jsonb, attempts integer, created_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
begin
  return query
  with due as (
    select d.id
      from public.webhook_deliveries d
      join public.webhook_endpoints w on w.id = d.endpoint_id
     where d.status = 'pending' and d.next_attempt_at <= private.webhook_now()
       and (d.locked_until is null or d.locked_until < private.webhook_now())
       and (w.enabled or d.event_type = 'webhook.ping')
     order by d.next_attempt_at
     limit greatest(1, least(coalesce(p_limit, 50), 1000))
     for update of d skip locked
  ), locked as (
    update public.webhook_deliveries d
       set locked_until = private.webhook_now() + make_interval(secs => greatest(10, coalesce(p_lease_seconds, 60))),
           attempts = d.attempts + 1,
           last_attempt_at = private.webhook_now()
      from due
     where d.id = due.id
    returning d.*
  )
  select l.id, l.endpoint_id, w.url, s.secret, l.event_type, l.body, l.attempts, l.created_at
    from locked l
    join public.webhook_endpoints w on w.id = l.endpoint_id
    join private.webhook_secrets s on s.endpoint_id = l.endpoint_id;
end
$$;
comment on function public.jobs_claim_webhooks(integer, integer) is 'Runner: leases up to p_limit due webhook deliveries (skip locked) with their URL and signing secret. service_role only.';
revoke all on function public.jobs_claim_webhooks(integer, integer) from public, anon, authenticated, service_role;
grant execute on function public.jobs_claim_webhooks(integer, integer) to service_role;

-- Records one attempt. A 2xx is a success and clears the endpoint's failures; anything else
-- is retried on the schedule until give_up_after has passed since the delivery was made, and
-- an endpoint failing for disable_after is disabled, its admins told.
create or replace function public.jobs_record_webhook(p_id uuid, p_status_code integer, p_duration_ms integer, p_error text default null)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.webhook_deliveries;
  w public.webhook_endpoints;
  settings private.webhook_settings;
  clock timestamptz := private.webhook_now();
  outcome text;
begin
  select * into d from public.webhook_deliveries where id = p_id for update;
  if not found then
    return 'missing';
  end if;
  select * into settings from private.webhook_settings;
  select * into w from public.webhook_endpoints where id = d.endpoint_id for update;

  if p_status_code between 200 and 299 then
    update public.webhook_deliveries
       set status = 'succeeded', delivered_at = clock, locked_until = null, last_status_code = p_status_code,
           last_duration_ms = p_duration_ms, last_error = null
     where id = p_id;
    update public.webhook_endpoints set failing_since = null where id = w.id and failing_since is not null;
    return 'succeeded';
  end if;

  outcome := case when d.event_type = 'webhook.ping' or clock - d.created_at >= settings.give_up_after then 'failed' else 'retry' end;
  update public.webhook_deliveries
     set status = case outcome when 'failed' then 'failed' else 'pending' end,
         next_attempt_at = clock + make_interval(secs => settings.retry_schedule_seconds[
                             least(greatest(d.attempts, 1), cardinality(settings.retry_schedule_seconds))]),
         locked_until = null, last_status_code = p_status_code, last_duration_ms = p_duration_ms,
         last_error = left(p_error, 500)
   where id = p_id;

  if d.event_type <> 'webhook.ping' and w.enabled then
    update public.webhook_endpoints set failing_since = coalesce(failing_since, clock) where id = w.id
      returning * into w;
    if clock - w.failing_since >= settings.disable_after then
      update public.webhook_endpoints
         set enabled = false, disabled_at = clock,
             disabled_reason = 'Every delivery failed for ' || settings.disable_after::text
       where id = w.id;
      insert into private.outbox_events (org_id, event_type, source_table, source_id, dedupe_key, payload)
      values (w.org_id, 'webhook.endpoint_disabled', 'webhook_endpoints', w.id,
              'webhook.endpoint_disabled:' || w.id || ':' || clock,
              jsonb_build_object('url', w.url, 'endpoint_id', w.id))
      on conflict (dedupe_key) do nothing;
      return 'disabled';
    end if;
  end if;
  return outcome;
end
$$;
comment on function public.jobs_record_webhook(uuid, integer, integer, text) is 'Runner: records a webhook attempt (status code or 0, duration, error); schedules the retry, gives up after give_up_after, disables a failing endpoint and tells its admins. service_role only.';
revoke all on function public.jobs_record_webhook(uuid, integer, integer, text) from public, anon, authenticated, service_role;
grant execute on function public.jobs_record_webhook(uuid, integer, integer, text) to service_role;
