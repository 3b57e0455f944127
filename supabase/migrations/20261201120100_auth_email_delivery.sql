-- Whether the auth server's emails are failing right now. The portal's sign-in page must
-- answer a known and an unknown email alike; an unknown email never reaches the mail
-- provider, so while the provider fails, the app remembers it here (not in its own
-- memory: any instance may answer the next request) and answers every request as failed.

create table private.auth_email_delivery (
  id boolean primary key default true check (id),
  failing_until timestamptz,
  updated_at timestamptz not null default now()
);
comment on table private.auth_email_delivery is 'One row: until when auth emails count as failing, after the mail provider last refused one.';
comment on column private.auth_email_delivery.id is 'Always true: the table holds one row.';
comment on column private.auth_email_delivery.failing_until is 'Sends count as failing until then; null once one went through.';
comment on column private.auth_email_delivery.updated_at is 'When an outcome was last recorded.';

alter table private.auth_email_delivery enable row level security;
revoke all on table private.auth_email_delivery from public, anon, authenticated, service_role;

create or replace function public.record_auth_email_outcome(p_outcome text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  failing boolean;
begin
  if p_outcome = 'failed' then
    insert into private.auth_email_delivery (id, failing_until, updated_at)
    values (true, now() + interval '5 minutes', now())
    on conflict (id) do update set failing_until = excluded.failing_until, updated_at = excluded.updated_at;
    return true;
  elsif p_outcome = 'sent' then
    update private.auth_email_delivery set failing_until = null, updated_at = now() where failing_until is not null;
    return false;
  elsif p_outcome = 'unsent' then
    select failing_until > now() into failing from private.auth_email_delivery;
    return coalesce(failing, false);
  end if;
  raise exception 'outcome must be failed, sent or unsent' using errcode = '22023';
end
$$;
comment on function public.record_auth_email_outcome(text) is
  'Records what became of an auth email: failed (the provider refused; sends count as failing for 5 minutes), sent (clears that), unsent (no email was due, for example an unknown address). Returns whether sends count as failing. service_role only.';
revoke all on function public.record_auth_email_outcome(text) from public, anon, authenticated;
grant execute on function public.record_auth_email_outcome(text) to service_role;
