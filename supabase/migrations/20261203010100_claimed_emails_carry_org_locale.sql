-- Emails are written in the organization's locale: the claimed row carries it beside the
-- currency and time zone. A new output column changes the function's row type, so it is
-- dropped and created again (same arguments, same grants).
-- Redefines public.jobs_claim_emails(integer, integer) of 20261202230400.

drop function public.jobs_claim_emails(integer, integer);

create function public.jobs_claim_emails(p_limit integer default 50, p_lease_seconds integer default 120)
returns table (
  id uuid, kind text, user_id uuid, org_id uuid, to_email text, recipient_name text, audience text,
  org_name text, org_currency text, org_time_zone text, org_locale text,
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
         o.name, o.currency, o.time_zone, o.locale,
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
                and private.notification_delivery(dn.org_id, dn.user_id, dn.audience, dn.event_type) in ('digest', 'digest_only')),
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
