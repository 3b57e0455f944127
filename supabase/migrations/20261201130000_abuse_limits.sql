-- Abuse limits, kept in Postgres so every instance of the app (and every direct caller of
-- PostgREST) shares them: nothing is counted in an app server's memory.
--
-- Sign-in limits are checked by the app before it calls the auth server, through functions
-- only service_role may run (otherwise anyone could record failures against a chosen
-- person through PostgREST). Write and portal-event limits are enforced here, in triggers
-- and definer functions, because a flood can go straight to PostgREST.
--
-- Counters are fixed windows keyed by a SHA-256 of the subject (an email, an address, a user
-- id), so they hold no address or email in clear. Expired counters are deleted by the next
-- hit on the same key, and a sweep of every expired counter runs on about one hit in a
-- hundred (and through private.sweep_rate_limits(), for a scheduled job).

create table private.rate_limit_rules (
  kind text primary key,
  max_hits integer not null constraint rate_limit_rules_max_hits_positive check (max_hits > 0),
  window_seconds integer not null constraint rate_limit_rules_window_positive check (window_seconds > 0),
  description text not null
);
comment on table private.rate_limit_rules is 'One row per limit: at most max_hits per key within window_seconds. Tests and operators tune them here; never exposed.';

insert into private.rate_limit_rules (kind, max_hits, window_seconds, description) values
  ('password.account_address', 5, 900, 'Failed password sign-ins for one account from one client address.'),
  ('password.address', 30, 900, 'Failed password sign-ins from one client address, any account.'),
  ('password.account', 50, 900, 'Failed password sign-ins for one account from any address: the looser ceiling, so one stranger cannot lock a person out.'),
  ('otp_request.email', 5, 3600, 'Sign-in links and codes asked for one email.'),
  ('otp_request.address', 30, 3600, 'Sign-in links and codes asked from one client address.'),
  ('otp_verify.email', 5, 900, 'Wrong codes entered for one email: after that the code is spent (its life is at most 900 s).'),
  ('otp_verify.address', 30, 900, 'Wrong codes entered from one client address.'),
  ('recover.address', 10, 3600, 'Password reset emails asked from one client address.'),
  ('write.user', 600, 60, 'Writes (insert, update, delete statements) by one signed-in person: generous, so a person working fast is never stopped.'),
  ('portal_event.user', 60, 60, 'Portal sign-in and account-switch events logged by one partner user.');

create table private.rate_limit_counters (
  kind text not null references private.rate_limit_rules (kind) on delete cascade,
  key_hash text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  constraint rate_limit_counters_pkey primary key (kind, key_hash, window_start)
);
comment on table private.rate_limit_counters is 'Hits per limit, key and window. Rows of ended windows are deleted by later hits and by private.sweep_rate_limits().';
create index rate_limit_counters_window_idx on private.rate_limit_counters (window_start);

-- The clock the limits read. A test moves it forward to see a window end; it is zero otherwise.
create table private.rate_limit_clock (
  id boolean primary key default true constraint rate_limit_clock_single_row check (id),
  offset_seconds integer not null default 0
);
comment on table private.rate_limit_clock is 'Shifts the limits'' clock (tests only); one row, zero in production.';
insert into private.rate_limit_clock default values;

revoke all on table private.rate_limit_rules, private.rate_limit_counters, private.rate_limit_clock
  from public, anon, authenticated, service_role;

create or replace function private.rate_limit_now()
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select now() + make_interval(secs => coalesce((select offset_seconds from private.rate_limit_clock), 0))
$$;

create or replace function private.rate_limit_key(p_subject text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(lower(trim(p_subject)), 'sha256'), 'hex')
$$;

-- Counts one hit (p_count = 1) or only looks (p_count = 0), and returns how many seconds remain
-- until the subject may act again (0: it may). With p_full_blocks, a window that has reached
-- its limit blocks (the next try would go over: sign-in checks); without, only a window gone
-- over it does (the hit just counted is the one being decided: writes).
create or replace function private.rate_limit_take(p_kind text, p_subject text, p_count integer, p_full_blocks boolean)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  rule private.rate_limit_rules;
  clock timestamptz := private.rate_limit_now();
  started timestamptz;
  key text := private.rate_limit_key(p_subject);
  used integer;
begin
  if p_subject is null or trim(p_subject) = '' then
    return 0;
  end if;
  select * into rule from private.rate_limit_rules where kind = p_kind;
  if not found then
    raise exception 'unknown rate limit "%"', p_kind using errcode = '22023';
  end if;
  started := to_timestamp(floor(extract(epoch from clock) / rule.window_seconds) * rule.window_seconds);

  delete from private.rate_limit_counters
   where kind = p_kind and key_hash = key and window_start < started;
  if random() < 0.01 then
    perform private.sweep_rate_limits();
  end if;

  if p_count > 0 then
    insert into private.rate_limit_counters as c (kind, key_hash, window_start, hits)
    values (p_kind, key, started, p_count)
    on conflict (kind, key_hash, window_start) do update set hits = c.hits + excluded.hits
    returning hits into used;
  else
    select hits into used from private.rate_limit_counters
     where kind = p_kind and key_hash = key and window_start = started;
  end if;

  if coalesce(used, 0) > rule.max_hits or (p_full_blocks and coalesce(used, 0) >= rule.max_hits) then
    return greatest(1, ceil(extract(epoch from (started + make_interval(secs => rule.window_seconds) - clock)))::integer);
  end if;
  return 0;
end
$$;
comment on function private.rate_limit_take(text, text, integer, boolean) is 'Counts a hit for (kind, subject) in the current window, or only looks when p_count is 0. Returns the seconds until the subject may act again (0: allowed).';

create or replace function private.rate_limit_clear(p_kind text, p_subject text)
returns void
language sql
security definer
set search_path = ''
as $$
  delete from private.rate_limit_counters where kind = p_kind and key_hash = private.rate_limit_key(p_subject)
$$;

create or replace function private.sweep_rate_limits()
returns integer
language sql
security definer
set search_path = ''
as $$
  with swept as (
    delete from private.rate_limit_counters c
     using private.rate_limit_rules r
     where r.kind = c.kind
       and c.window_start + make_interval(secs => r.window_seconds) < private.rate_limit_now()
    returning 1
  )
  select count(*)::integer from swept
$$;
comment on function private.sweep_rate_limits() is 'Deletes every counter whose window has ended; returns how many.';

revoke all on function private.rate_limit_now(), private.rate_limit_key(text),
  private.rate_limit_take(text, text, integer, boolean), private.rate_limit_clear(text, text),
  private.sweep_rate_limits() from public, anon, authenticated, service_role;

-- The sign-in limits the app checks before calling the auth server ------------------------
-- p_action: 'password' (a failed password sign-in), 'otp_request' (a link or code asked for),
-- 'otp_verify' (a wrong code), 'recover' (a password reset asked for).

-- Before the call: may this email, from this address, try now? Counts nothing.
create or replace function public.auth_limit_check(p_action text, p_email text, p_address text)
returns integer
language plpgsql
volatile -- it deletes ended windows on the way
security definer
set search_path = ''
as $$
declare
  wait integer := 0;
begin
  case p_action
    when 'password' then
      wait := greatest(
        private.rate_limit_take('password.account_address', p_email || ' ' || p_address, 0, true),
        private.rate_limit_take('password.address', p_address, 0, true),
        private.rate_limit_take('password.account', p_email, 0, true));
    when 'otp_verify' then
      wait := greatest(
        private.rate_limit_take('otp_verify.email', p_email, 0, true),
        private.rate_limit_take('otp_verify.address', p_address, 0, true));
    when 'otp_request' then
      wait := greatest(
        private.rate_limit_take('otp_request.email', p_email, 0, true),
        private.rate_limit_take('otp_request.address', p_address, 0, true));
    when 'recover' then
      wait := private.rate_limit_take('recover.address', p_address, 0, true);
    else
      raise exception 'unknown sign-in action "%"', p_action using errcode = '22023';
  end case;
  return wait;
end
$$;
comment on function public.auth_limit_check(text, text, text) is 'Seconds until this email may try p_action from this address (0: now). Counts nothing. service_role only: the app calls it before the auth server.';

-- After the call: counts a failed password or a wrong code, or a link or reset asked for.
-- Returns the seconds to wait before the next try (0: more tries left). Crossing a limit of
-- failures writes one audit entry per organization the account belongs to.
create or replace function public.auth_limit_record(p_action text, p_email text, p_address text)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  wait integer := 0;
  person uuid;
  org uuid;
begin
  case p_action
    when 'password' then
      wait := greatest(
        private.rate_limit_take('password.account_address', p_email || ' ' || p_address, 1, true),
        private.rate_limit_take('password.address', p_address, 1, true),
        private.rate_limit_take('password.account', p_email, 1, true));
    when 'otp_verify' then
      wait := greatest(
        private.rate_limit_take('otp_verify.email', p_email, 1, true),
        private.rate_limit_take('otp_verify.address', p_address, 1, true));
    when 'otp_request' then
      wait := greatest(
        private.rate_limit_take('otp_request.email', p_email, 1, true),
        private.rate_limit_take('otp_request.address', p_address, 1, true));
      -- A new code starts with a clean slate of wrong guesses.
      if wait = 0 then
        perform private.rate_limit_clear('otp_verify.email', p_email);
      end if;
    when 'recover' then
      wait := private.rate_limit_take('recover.address', p_address, 1, true);
    else
      raise exception 'unknown sign-in action "%"', p_action using errcode = '22023';
  end case;

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

-- After a successful sign-in: the failures of this account from this address are forgiven.
create or replace function public.auth_limit_succeeded(p_action text, p_email text, p_address text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_action = 'password' then
    perform private.rate_limit_clear('password.account_address', p_email || ' ' || p_address);
  elsif p_action = 'otp_verify' then
    perform private.rate_limit_clear('otp_verify.email', p_email);
  end if;
end
$$;
comment on function public.auth_limit_succeeded(text, text, text) is 'Forgives the failures of this account from this address after a successful sign-in. service_role only.';

revoke all on function public.auth_limit_check(text, text, text), public.auth_limit_record(text, text, text),
  public.auth_limit_succeeded(text, text, text) from public, anon, authenticated;
grant execute on function public.auth_limit_check(text, text, text), public.auth_limit_record(text, text, text),
  public.auth_limit_succeeded(text, text, text) to service_role;

-- Writes by a signed-in person ------------------------------------------------------------
-- A statement trigger on every business table: a bulk change is one statement, so it counts once.
create or replace function private.limit_writes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  wait integer;
begin
  if auth.uid() is null or coalesce(auth.role(), '') <> 'authenticated' then
    return null;
  end if;
  wait := private.rate_limit_take('write.user', auth.uid()::text, 1, false);
  if wait > 0 then
    raise exception 'too many changes in a short time; try again in % seconds', wait
      using errcode = '54000', hint = 'retry_after=' || wait;
  end if;
  return null;
end
$$;
comment on function private.limit_writes() is 'BEFORE statement trigger on business tables: at most write.user statements per person per window; raises 54000 with retry_after in the hint.';
revoke all on function private.limit_writes() from public, anon, authenticated, service_role;

do $$
declare
  target text;
begin
  foreach target in array array[
    'organizations', 'org_members', 'profiles', 'partners', 'partner_notes', 'partner_referrals',
    'partner_commissions', 'partner_tasks', 'partner_documents', 'partner_training', 'partner_resources',
    'partner_users', 'partner_access', 'user_preferences']
  loop
    execute format(
      'create trigger %I before insert or update or delete on public.%I for each statement execute function private.limit_writes()',
      target || '_write_limit', target);
  end loop;
end
$$;

-- Portal events: the same function as before, with its limit in front.
create or replace function public.record_portal_event(p_event text, p_partner_id uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  me public.partner_users;
  wait integer;
begin
  if p_event not in ('portal.sign_in', 'portal.account_switched') then
    raise exception 'unknown portal event "%"', p_event using errcode = '22023';
  end if;
  select * into me from public.partner_users where id = auth.uid() and is_active;
  if not found then
    raise exception 'only active partner users record portal events' using errcode = '42501';
  end if;
  wait := private.rate_limit_take('portal_event.user', me.id::text, 1, false);
  if wait > 0 then
    raise exception 'too many portal events in a short time; try again in % seconds', wait
      using errcode = '54000', hint = 'retry_after=' || wait;
  end if;
  if p_partner_id is not null and not exists (
    select from public.partner_access a
     where a.partner_user_id = me.id and a.partner_id = p_partner_id and a.revoked_at is null
       and (a.starts_at is null or a.starts_at <= now()) and (a.ends_at is null or a.ends_at > now())) then
    raise exception 'no access to this partner' using errcode = '42501';
  end if;
  perform private.write_audit(me.org_id, p_event, 'partner_user', me.id::text, p_partner_id, null, null,
    jsonb_strip_nulls(jsonb_build_object('partner_id', p_partner_id, 'email', me.email)));
end
$$;
comment on function public.record_portal_event(text, uuid) is 'Partner users log their own portal.sign_in or portal.account_switched (to a partner they hold an in-force grant on), at most portal_event.user a window.';
revoke all on function public.record_portal_event(text, uuid) from public, anon;
grant execute on function public.record_portal_event(text, uuid) to authenticated;
