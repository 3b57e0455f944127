-- The permission matrix of DESIGN.md, cell by cell.
-- Helpers take no row argument and return the caller's ids as a set; policies wrap them in
-- a subquery, `col = any ((select private.helper()))`, so Postgres runs each once per
-- statement (a semi-join or hashed subplan) and never per row. They are security definer
-- (they read membership and grants behind RLS), stable, search_path = '', and not
-- executable by anon. Being evaluated per statement, a revoked or expired grant stops
-- working on the very next request.
-- One permissive policy per table, role and action; staff and partner-user conditions are OR'd.

-- Helpers -----------------------------------------------------------------------------------------
create or replace function private.staff_org_ids()
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select org_id from public.org_members where user_id = auth.uid()
$$;
comment on function private.staff_org_ids() is 'Organizations where the caller is staff (any role).';

create or replace function private.org_ids_with_role(p_roles text[])
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select org_id from public.org_members
   where user_id = auth.uid() and role = any (p_roles)
$$;
comment on function private.org_ids_with_role(text[]) is 'Organizations where the caller has one of the roles (editors: admin, manager, member; leads: admin, manager).';

create or replace function private.granted_partner_ids(p_scope text default null)
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select a.partner_id
    from public.partner_access a
    join public.partner_users u on u.id = a.partner_user_id
   where a.partner_user_id = auth.uid()
     and u.is_active
     and a.revoked_at is null
     and (a.starts_at is null or a.starts_at <= now())
     and (a.ends_at is null or a.ends_at > now())
     and (p_scope is null or p_scope = any (a.scope))
$$;
comment on function private.granted_partner_ids(text) is 'Partners the caller (a partner user) holds an in-force grant on, with the scope when given (null = overview, any grant).';

create or replace function private.partner_user_org_ids()
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select org_id from public.partner_users where id = auth.uid() and is_active
$$;
comment on function private.partner_user_org_ids() is 'The organization of the caller when they are an active partner user.';

create or replace function private.visible_profile_ids()
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select distinct id from (
    select auth.uid() as id
    union all
    -- staff see staff and partner users of the organizations they belong to
    select m.user_id from public.org_members m
     where m.org_id in (select private.staff_org_ids())
    union all
    select pu.id from public.partner_users pu
     where pu.org_id in (select private.staff_org_ids())
    union all
    -- partner users see the owners of the partners granted to them
    select p.owner_id from public.partners p
     where p.id in (select private.granted_partner_ids()) and p.owner_id is not null
  ) people
  where id is not null
$$;
comment on function private.visible_profile_ids() is 'Profiles the caller may read: self, people of their staff organizations, owners of their granted partners.';

create or replace function private.visible_resource_ids()
returns setof uuid
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select distinct r.id
    from public.partners p
    join public.partner_resources r on r.org_id = p.org_id
   where p.id in (select private.granted_partner_ids())
     and array_position(array['registered', 'silver', 'gold', 'platinum'], r.min_tier)
      <= array_position(array['registered', 'silver', 'gold', 'platinum'], p.tier)
$$;
comment on function private.visible_resource_ids() is 'Resources at or below the tier of a partner the caller (a partner user) holds an in-force grant on.';

revoke all on function private.staff_org_ids(), private.org_ids_with_role(text[]),
  private.granted_partner_ids(text), private.partner_user_org_ids(), private.visible_profile_ids(),
  private.visible_resource_ids()
  from public, anon;
grant execute on function private.staff_org_ids(), private.org_ids_with_role(text[]),
  private.granted_partner_ids(text), private.partner_user_org_ids(), private.visible_profile_ids(),
  private.visible_resource_ids()
  to authenticated, service_role;

-- organizations ---------------------------------------------------------------------------------
create policy "Organizations are visible to their staff and partner users"
  on public.organizations for select to authenticated
  using (id = any ((select private.staff_org_ids())) or id = any ((select private.partner_user_org_ids())));
create policy "Organizations are editable by their admins"
  on public.organizations for update to authenticated
  using (id = any ((select private.org_ids_with_role(array['admin']))))
  with check (id = any ((select private.org_ids_with_role(array['admin']))));

-- org_members -----------------------------------------------------------------------------------
create policy "Members are visible to staff of the organization"
  on public.org_members for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
create policy "Members are added by admins"
  on public.org_members for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin']))));
create policy "Member roles are changed by admins"
  on public.org_members for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin']))));
create policy "Members are removed by admins"
  on public.org_members for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));

-- profiles --------------------------------------------------------------------------------------
create policy "Profiles are visible to people who work with them"
  on public.profiles for select to authenticated
  using (id = any ((select private.visible_profile_ids())));
create policy "Profiles are created by their owner"
  on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));
create policy "Profiles are editable by their owner"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- partners --------------------------------------------------------------------------------------
-- The directory counts tens of thousands of partners per page view, and this policy is
-- checked on every counted row. `= any (array(select helper()))` still runs each helper
-- once per statement (an InitPlan), and each row then compares against a one- or
-- two-element array; as `= any ((select helper()))` it was a hashed sub-plan probed per
-- row, and a member's page query cost 1.55x the service role's (npm run bench).
create policy "Partners are visible to staff and to their partner users"
  on public.partners for select to authenticated
  using (org_id = any (array(select private.staff_org_ids())) or id = any (array(select private.granted_partner_ids())));
create policy "Partners are created by editors"
  on public.partners for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Partners are editable by editors"
  on public.partners for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Partners are deleted by leads"
  on public.partners for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_notes (internal) ----------------------------------------------------------------------
create policy "Notes are visible to staff"
  on public.partner_notes for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
create policy "Notes are written by editors"
  on public.partner_notes for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Notes are editable by their author"
  on public.partner_notes for update to authenticated
  using (author_id = (select auth.uid()) and org_id = any ((select private.staff_org_ids())))
  with check (author_id = (select auth.uid()) and org_id = any ((select private.staff_org_ids())));
create policy "Notes are deleted by their author or leads"
  on public.partner_notes for delete to authenticated
  using ((author_id = (select auth.uid()) and org_id = any ((select private.staff_org_ids())))
         or org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_referrals -----------------------------------------------------------------------------
create policy "Referrals are visible to staff and, by scope, to partner users"
  on public.partner_referrals for select to authenticated
  using (org_id = any ((select private.staff_org_ids()))
         or partner_id = any ((select private.granted_partner_ids('referrals'))));
create policy "Referrals are created by editors"
  on public.partner_referrals for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Referrals are editable by editors"
  on public.partner_referrals for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Referrals are deleted by leads"
  on public.partner_referrals for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_commissions (state machine and pending-only delete are triggers) ----------------------
create policy "Commissions are visible to staff and, by scope, to partners"
  on public.partner_commissions for select to authenticated
  using (org_id = any ((select private.staff_org_ids()))
         or partner_id = any ((select private.granted_partner_ids('commissions'))));
create policy "Commissions are created by leads"
  on public.partner_commissions for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Commissions are moved along their states by leads"
  on public.partner_commissions for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Pending commissions are deleted by leads"
  on public.partner_commissions for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))) and status = 'pending');

-- partner_tasks (internal) ----------------------------------------------------------------------
create policy "Tasks are visible to staff"
  on public.partner_tasks for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
create policy "Tasks are created by editors"
  on public.partner_tasks for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Tasks are editable by editors"
  on public.partner_tasks for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Tasks are deleted by editors"
  on public.partner_tasks for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));

-- partner_documents -----------------------------------------------------------------------------
create policy "Documents are visible to staff, shared ones to partner users"
  on public.partner_documents for select to authenticated
  using (org_id = any ((select private.staff_org_ids()))
         or (visibility = 'shared' and partner_id = any ((select private.granted_partner_ids('documents')))));
create policy "Documents are added by editors"
  on public.partner_documents for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Documents are editable by editors"
  on public.partner_documents for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Documents are deleted by editors"
  on public.partner_documents for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));

-- partner_training ------------------------------------------------------------------------------
create policy "Training is visible to staff and, by scope, to partner users"
  on public.partner_training for select to authenticated
  using (org_id = any ((select private.staff_org_ids()))
         or partner_id = any ((select private.granted_partner_ids('training'))));
create policy "Training is recorded by editors"
  on public.partner_training for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Training is editable by editors"
  on public.partner_training for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));
create policy "Training is deleted by editors"
  on public.partner_training for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager', 'member']))));

-- partner_resources -----------------------------------------------------------------------------
create policy "Resources are visible to staff and to partner users by tier"
  on public.partner_resources for select to authenticated
  using (org_id = any ((select private.staff_org_ids())) or id = any ((select private.visible_resource_ids())));
create policy "Resources are added by leads"
  on public.partner_resources for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Resources are editable by leads"
  on public.partner_resources for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Resources are deleted by leads"
  on public.partner_resources for delete to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_activity_log (written by triggers only) -----------------------------------------------
-- The timeline is a section of its own, but its referral, commission, document and
-- training events carry those sections' details (client names, values, amounts, titles):
-- a partner user sees such an event only when the grant also includes its section.
create policy "Activity is visible to staff and, by scope, to partner users"
  on public.partner_activity_log for select to authenticated
  using (
    org_id = any ((select private.staff_org_ids()))
    or (
      partner_visible
      and partner_id = any ((select private.granted_partner_ids('activity')))
      and case source_table
            when 'partner_referrals' then partner_id = any ((select private.granted_partner_ids('referrals')))
            when 'partner_commissions' then partner_id = any ((select private.granted_partner_ids('commissions')))
            when 'partner_documents' then partner_id = any ((select private.granted_partner_ids('documents')))
            when 'partner_training' then partner_id = any ((select private.granted_partner_ids('training')))
            else true
          end
    )
  );

-- audit_log (written by triggers and definer functions only) ------------------------------------
create policy "Audit entries are visible to admins"
  on public.audit_log for select to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));

-- partner_users ---------------------------------------------------------------------------------
create policy "Partner users are visible to staff and to themselves"
  on public.partner_users for select to authenticated
  using (org_id = any ((select private.staff_org_ids())) or id = (select auth.uid()));
create policy "Partner users are invited by leads"
  on public.partner_users for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Partner users are deactivated and reactivated by leads"
  on public.partner_users for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_access --------------------------------------------------------------------------------
create policy "Grants are visible to staff and to the partner user holding it"
  on public.partner_access for select to authenticated
  using (org_id = any ((select private.staff_org_ids())) or partner_user_id = (select auth.uid()));
create policy "Grants are given by leads"
  on public.partner_access for insert to authenticated
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));
create policy "Grants are revoked, rescoped and rescheduled by leads"
  on public.partner_access for update to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))))
  with check (org_id = any ((select private.org_ids_with_role(array['admin', 'manager']))));

-- partner_stats (written by triggers only) ------------------------------------------------------
create policy "Partner roll-ups are visible to staff"
  on public.partner_stats for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

-- user_preferences ------------------------------------------------------------------------------
create policy "Preferences are visible to their owner"
  on public.user_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Preferences are created by their owner"
  on public.user_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "Preferences are editable by their owner"
  on public.user_preferences for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Preferences are deleted by their owner"
  on public.user_preferences for delete to authenticated
  using (user_id = (select auth.uid()));
