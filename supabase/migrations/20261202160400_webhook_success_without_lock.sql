-- Recording a successful webhook attempt no longer locks its endpoint's row, so concurrent
-- deliveries to one endpoint are recorded side by side (the outbox benchmark showed them
-- queueing behind each other). Redefines public.jobs_record_webhook(uuid, integer, integer, text)
-- of 20261202160300.

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

  if p_status_code between 200 and 299 then
    update public.webhook_deliveries
       set status = 'succeeded', delivered_at = clock, locked_until = null, last_status_code = p_status_code,
           last_duration_ms = p_duration_ms, last_error = null
     where id = p_id;
    update public.webhook_endpoints set failing_since = null where id = d.endpoint_id and failing_since is not null;
    return 'succeeded';
  end if;

  -- Only a failure locks the endpoint row: successes (nearly every call) never wait on each other.
  select * into w from public.webhook_endpoints where id = d.endpoint_id for update;
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
