-- A partner user reads their own partner-user row and grants through definer functions too.
--
-- Their own rows carry staff people's ids (partner_users.created_by: who invited them;
-- partner_access.granted_by and revoked_by), which the portal never shows. Read directly,
-- a policy can only hand over the whole row; these functions name what the portal needs.
-- The matrix's "a partner user: own row / own grants" is served here; the tables' select
-- policies become staff-only.

create or replace function public.portal_me()
returns table (id uuid, name text, email text, is_active boolean)
language sql
rows 1
stable
security definer
set search_path = ''
as $$
  select u.id, u.name, u.email, u.is_active from public.partner_users u where u.id = auth.uid()
$$;
comment on function public.portal_me() is 'The calling partner user''s own name, email and whether they are active (also once every grant is out of force, so the portal can say there is no account to show); no row for anyone else.';

create or replace function public.portal_accounts()
returns table (partner_id uuid, name text, scope text[])
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select a.partner_id, p.name, a.scope
    from public.partner_access a
    join public.partners p on p.id = a.partner_id
   where a.partner_user_id = auth.uid()
     and a.partner_id = any (array(select private.granted_partner_ids()))
   order by p.name, p.id
$$;
comment on function public.portal_accounts() is 'The calling partner user''s grants in force: each partner''s id, name and the grant''s portal sections. Nothing once a grant is out of force.';

revoke all on function public.portal_me(), public.portal_accounts() from public, anon;
grant execute on function public.portal_me(), public.portal_accounts() to authenticated, service_role;

drop policy "Partner users are visible to staff and to themselves" on public.partner_users;
create policy "Partner users are visible to staff"
  on public.partner_users for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Grants are visible to staff and, in force, to their holder" on public.partner_access;
create policy "Grants are visible to staff"
  on public.partner_access for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
