-- Records a whole batch of webhook attempts in one call. One PostgREST round trip per
-- attempt capped the runner at about a hundred deliveries a second (the outbox benchmark);
-- a batch is one statement for the successes, which are nearly every attempt, and the
-- single-attempt function for each failure, so retries, giving up and disabling an
-- endpoint keep exactly one definition.

create or replace function public.jobs_record_webhooks(p_results jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  clock timestamptz := private.webhook_now();
  succeeded integer;
  failure record;
  outcome text;
  retried integer := 0;
  failed integer := 0;
  disabled integer := 0;
begin
  if jsonb_typeof(p_results) is distinct from 'array' then
    raise exception 'p_results must be a JSON array of {id, status_code, duration_ms, error}' using errcode = '22023';
  end if;

  with results as (
    select r.id, r.status_code, r.duration_ms
      from jsonb_to_recordset(p_results) as r(id uuid, status_code integer, duration_ms integer)
     where r.status_code between 200 and 299
  ), done as (
    update public.webhook_deliveries d
       set status = 'succeeded', delivered_at = clock, locked_until = null, last_status_code = r.status_code,
           last_duration_ms = r.duration_ms, last_error = null
      from results r
     where d.id = r.id
    returning d.endpoint_id
  ), healthy as (
    update public.webhook_endpoints w
       set failing_since = null
     where w.id in (select distinct endpoint_id from done) and w.failing_since is not null
  )
  select count(*)::integer into succeeded from done;

  for failure in
    select r.id, r.status_code, r.duration_ms, r.error
      from jsonb_to_recordset(p_results) as r(id uuid, status_code integer, duration_ms integer, error text)
     where r.status_code is null or r.status_code not between 200 and 299
     order by r.id
  loop
    outcome := public.jobs_record_webhook(failure.id, coalesce(failure.status_code, 0), failure.duration_ms, failure.error);
    case outcome
      when 'retry' then retried := retried + 1;
      when 'failed' then failed := failed + 1;
      when 'disabled' then disabled := disabled + 1;
      else null;
    end case;
  end loop;

  return jsonb_build_object('succeeded', succeeded, 'retry', retried, 'failed', failed, 'disabled', disabled);
end
$$;
comment on function public.jobs_record_webhooks(jsonb) is 'Runner: records a batch of webhook attempts ([{id, status_code, duration_ms, error}]) in one call; failures go through jobs_record_webhook (retry schedule, give up, disable). service_role only.';
revoke all on function public.jobs_record_webhooks(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.jobs_record_webhooks(jsonb) to service_role;
