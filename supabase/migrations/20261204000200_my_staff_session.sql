-- Who the signed-in person is in each organization, and where they stand with two-factor
-- sign-in, in one call. Every admin page asked twice before its own reads could start:
-- my_mfa_status() (what the session may do) and then org_members with the organizations
-- embedded (which orgs it works in). The answer is my_mfa_status()'s rows plus, for the
-- organizations this session may act in, the details the pages format with: exactly what
-- the org_members and organizations policies let the session read, no more. Below aal2,
-- where the gate holds, those details stay null.
create or replace function public.my_staff_session()
returns table (org_id uuid, org_name text, role text, mfa_required text, applies boolean,
               has_verified_factor boolean, session_aal text, allowed boolean,
               org_slug text, currency text, time_zone text, locale text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id, o.name, m.role, o.mfa_required, private.mfa_applies(o.mfa_required, m.role),
         (select private.has_verified_factor()), (select private.session_aal()), a.allowed,
         case when a.allowed then o.slug end,
         case when a.allowed then o.currency end,
         case when a.allowed then o.time_zone end,
         case when a.allowed then o.locale end
    from public.org_members m
    join public.organizations o on o.id = m.org_id
   cross join lateral (select private.staff_session_allowed(o.mfa_required, m.role) as allowed) a
   where m.user_id = auth.uid()
   order by m.created_at
$$;
comment on function public.my_staff_session() is 'The caller''s memberships with each organization''s two-factor requirement and whether this session meets it (as my_mfa_status), and, where it does, the organization''s slug, currency, time zone and locale (null where the session may not act as staff). Readable at aal1. Security definer: reads only the caller''s own rows.';
revoke all on function public.my_staff_session() from public, anon, authenticated, service_role;
grant execute on function public.my_staff_session() to authenticated;
