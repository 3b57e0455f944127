-- Records a whole batch of email sends in one call, for the same reason as webhook attempts:
-- one round trip per email held the outbox benchmark's emails minutes behind their changes.
-- The outcome rules are jobs_record_email's: sent, skipped, or failed and retried after 1, 2,
-- 4, 8 minutes, failed for good after 5 attempts.

create or replace function public.jobs_record_emails(p_results jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  recorded integer;
begin
  if jsonb_typeof(p_results) is distinct from 'array' then
    raise exception 'p_results must be a JSON array of {id, outcome, error}' using errcode = '22023';
  end if;
  update private.email_deliveries d
     set status = case r.outcome when 'sent' then 'sent' when 'skipped' then 'skipped'
                                 else case when d.attempts >= 5 then 'failed' else 'pending' end end,
         sent_at = case when r.outcome = 'sent' then now() end,
         next_attempt_at = case when r.outcome not in ('sent', 'skipped')
                                then now() + make_interval(mins => power(2, greatest(d.attempts, 1) - 1)::int)
                                else d.next_attempt_at end,
         locked_until = null,
         last_error = left(r.error, 500)
    from jsonb_to_recordset(p_results) as r(id uuid, outcome text, error text)
   where d.id = r.id;
  get diagnostics recorded = row_count;
  return recorded;
end
$$;
comment on function public.jobs_record_emails(jsonb) is 'Runner: records a batch of email sends ([{id, outcome: sent|skipped|failed, error}]) in one call, with jobs_record_email''s retry rules. service_role only.';
revoke all on function public.jobs_record_emails(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.jobs_record_emails(jsonb) to service_role;
