-- Two-factor sign-in, enforced in the database. A staff member's requests whose token is
-- below aal2 see and change nothing of an organization that requires a second factor of
-- them, and nothing of any organization once they have a verified factor of their own (the
-- factor they chose protects them at the API too, not only in the app). The gate sits in
-- the staff helpers every policy and definer function goes through, so nothing escapes it.
-- At aal1 a person may still learn where they stand (public.my_mfa_status) so the app can
-- lead them to their code or to setting up a factor.

alter table public.organizations add column mfa_required text not null default 'none'
  constraint organizations_mfa_required_check check (mfa_required in ('none', 'admins', 'staff'));
comment on column public.organizations.mfa_required is 'Who must sign in with a second factor (aal2) to use the organization: none, admins, or staff (every member). Admins change it; audited as organization.updated.';

-- Admins change it through the existing admin update policy.
grant update (mfa_required) on table public.organizations to authenticated;

-- The caller's assurance level, as the auth server signed it into the token.
create or replace function private.session_aal()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif((select auth.jwt()) ->> 'aal', ''), 'aal1')
$$;
comment on function private.session_aal() is 'aal1 or aal2: the assurance level of the caller''s token (aal1 when the claim is missing).';

-- plpgsql: auth.mfa_factors belongs to the auth server, which creates it when it starts.
create or replace function private.has_verified_factor()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select from auth.mfa_factors f where f.user_id = auth.uid() and f.status = 'verified');
end
$$;
comment on function private.has_verified_factor() is 'True when the caller has a verified second factor (auth.mfa_factors).';

create or replace function private.mfa_applies(p_required text, p_role text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_required = 'staff' or (p_required = 'admins' and p_role = 'admin')
$$;
comment on function private.mfa_applies(text, text) is 'True when an organization''s requirement (none, admins, staff) covers a member of this role.';

-- True when the caller's session may act as staff of an organization with this requirement
-- in this role. Each sub-select runs once per statement.
create or replace function private.staff_session_allowed(p_required text, p_role text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select (select private.session_aal()) = 'aal2'
      or (not private.mfa_applies(p_required, p_role) and not (select private.has_verified_factor()))
$$;
comment on function private.staff_session_allowed(text, text) is 'The aal gate: aal2, or neither the organization''s requirement nor a verified factor of the caller asks for it.';

create or replace function private.staff_org_ids()
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select m.org_id
    from public.org_members m
    join public.organizations o on o.id = m.org_id
   where m.user_id = auth.uid()
     and private.staff_session_allowed(o.mfa_required, m.role)
$$;
comment on function private.staff_org_ids() is 'Organizations where the caller is staff (any role) and their session meets the organization''s two-factor requirement and their own.';

create or replace function private.org_ids_with_role(p_roles text[])
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select m.org_id
    from public.org_members m
    join public.organizations o on o.id = m.org_id
   where m.user_id = auth.uid()
     and m.role = any (p_roles)
     and private.staff_session_allowed(o.mfa_required, m.role)
$$;
comment on function private.org_ids_with_role(text[]) is 'Organizations where the caller has one of the roles (editors: admin, manager, member; leads: admin, manager) and their session meets the two-factor requirements.';

-- What the app reads at aal1 to lead a person on: their memberships, what each organization
-- asks of them, whether they have a factor, and whether this session already meets it.
create or replace function public.my_mfa_status()
returns table (org_id uuid, org_name text, role text, mfa_required text, applies boolean,
               has_verified_factor boolean, session_aal text, allowed boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id, o.name, m.role, o.mfa_required, private.mfa_applies(o.mfa_required, m.role),
         (select private.has_verified_factor()), (select private.session_aal()),
         private.staff_session_allowed(o.mfa_required, m.role)
    from public.org_members m
    join public.organizations o on o.id = m.org_id
   where m.user_id = auth.uid()
   order by m.created_at
$$;
comment on function public.my_mfa_status() is 'The caller''s memberships with each organization''s two-factor requirement and whether this session meets it. Readable at aal1, so the app can ask for a code or lead to setting up a factor.';

-- The gate's parts run inside the definer helpers, as their owner: no API role calls them.
revoke all on function private.session_aal(), private.has_verified_factor(), private.mfa_applies(text, text),
  private.staff_session_allowed(text, text), public.my_mfa_status()
  from public, anon, authenticated, service_role;
grant execute on function public.my_mfa_status() to authenticated;

-- Wrong second-factor codes meet the sign-in limits: per account and per address, as
-- wrong email codes do. The app checks before it asks the auth server to verify.
insert into private.rate_limit_rules (kind, max_hits, window_seconds, description) values
  ('mfa_verify.account', 5, 900, 'Wrong authenticator codes entered for one account.'),
  ('mfa_verify.address', 30, 900, 'Wrong authenticator codes entered from one client address.');

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
    when 'mfa_verify' then
      return greatest(
        private.rate_limit_take('mfa_verify.account', p_email, p_count, true),
        private.rate_limit_take('mfa_verify.address', p_address, p_count, true));
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
comment on function private.auth_limit_take(text, text, text, integer) is 'The limits a sign-in action meets (password, otp_verify, mfa_verify, otp_request, recover): counts p_count hits on each (0: only looks) and returns the longest wait, in seconds (0: allowed).';
