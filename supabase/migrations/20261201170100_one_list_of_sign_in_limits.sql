-- Which limits each sign-in action meets, written once. auth_limit_check (looks) and
-- auth_limit_record (counts) each carried their own copy of this list, so a limit added to
-- one could be missed in the other; both now read it from private.auth_limit_take.

create or replace function private.auth_limit_take(p_action text, p_email text, p_address text, p_count integer)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  case p_action
    when 'password' then
      return greatest(
        private.rate_limit_take('password.account_address', p_email || ' ' || p_address, p_count, true),
        private.rate_limit_take('password.address', p_address, p_count, true),
        private.rate_limit_take('password.account', p_email, p_count, true));
    when 'otp_verify' then
      return greatest(
        private.rate_limit_take('otp_verify.email', p_email, p_count, true),
        private.rate_limit_take('otp_verify.address', p_address, p_count, true));
    when 'otp_request' then
      return greatest(
        private.rate_limit_take('otp_request.email', p_email, p_count, true),
        private.rate_limit_take('otp_request.address', p_address, p_count, true));
    when 'recover' then
      return private.rate_limit_take('recover.address', p_address, p_count, true);
    else
      raise exception 'unknown sign-in action "%"', p_action using errcode = '22023';
  end case;
end
$$;
comment on function private.auth_limit_take(text, text, text, integer) is 'The limits a sign-in action meets: counts p_count hits on each (0: only looks) and returns the longest wait, in seconds (0: allowed).';
revoke all on function private.auth_limit_take(text, text, text, integer) from public, anon, authenticated, service_role;

create or replace function public.auth_limit_check(p_action text, p_email text, p_address text)
returns integer
language sql
volatile -- it deletes ended windows on the way
security definer
set search_path = ''
as $$
  select private.auth_limit_take(p_action, p_email, p_address, 0)
$$;
comment on function public.auth_limit_check(text, text, text) is 'Seconds until this email may try p_action from this address (0: now). Counts nothing. service_role only: the app calls it before the auth server.';

create or replace function public.auth_limit_record(p_action text, p_email text, p_address text)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  wait integer := private.auth_limit_take(p_action, p_email, p_address, 1);
  person uuid;
  org uuid;
begin
  -- A new code starts with a clean slate of wrong guesses.
  if p_action = 'otp_request' and wait = 0 then
    perform private.rate_limit_clear('otp_verify.email', p_email);
  end if;

  if wait > 0 and p_action in ('password', 'otp_verify') then
    select id into person from auth.users where email = lower(trim(p_email));
    if person is not null then
      for org in
        select m.org_id from public.org_members m where m.user_id = person
        union
        select u.org_id from public.partner_users u where u.id = person
      loop
        perform private.insert_audit_entry(org, person, 'system',
          case p_action when 'password' then 'auth.sign_in_throttled' else 'auth.code_throttled' end,
          'auth_user', person::text, null, null, null,
          jsonb_build_object('retry_after_seconds', wait), p_address, null);
      end loop;
    end if;
  end if;
  return wait;
end
$$;
comment on function public.auth_limit_record(text, text, text) is 'Counts a failed sign-in, a wrong code, or a link or reset asked for; returns the seconds to wait (0: more tries left). Audits repeated failures. service_role only.';

-- create or replace keeps the grants: service_role alone runs both, as before.
