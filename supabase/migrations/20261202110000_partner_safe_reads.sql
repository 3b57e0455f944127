-- Partner users read partners and their organization only through partner-safe columns.
--
-- Staff and partner users are both `authenticated`, so column privileges cannot keep
-- partners.tags, external_id or created_by (or organizations.slug and created_by) from a
-- partner user while staff keep them. A security-invoker view cannot either: it applies the
-- table's policy, and once that policy gives partner users nothing the view returns nothing
-- to them (tests/db/33-partner-columns measures it). So the select policies of partners and
-- organizations now give partner users nothing, and they read through the two definer
-- functions below, which name the safe columns and filter by the caller's in-force grants.
-- The staff directory, import and export keep reading the table as before.
--
-- A grant out of force (not started, ended, revoked, or on a deactivated user) gives nothing:
-- no partner, no organization, and no grant row either.

-- partners and organizations: staff only, directly ---------------------------------------------
drop policy "Partners are visible to staff and to their partner users" on public.partners;
-- `= any (array(select ...))` as before: one InitPlan per statement, a small array per row.
create policy "Partners are visible to staff"
  on public.partners for select to authenticated
  using (org_id = any (array(select private.staff_org_ids())));

drop policy "Organizations are visible to their staff and partner users" on public.organizations;
create policy "Organizations are visible to their staff"
  on public.organizations for select to authenticated
  using (id = any ((select private.staff_org_ids())));

-- A partner user's own grants, while in force ------------------------------------------------
-- Grants are unique per (user, partner), so "the partner is among the caller's in-force
-- grants" is "this grant is in force".
drop policy "Grants are visible to staff and to the partner user holding it" on public.partner_access;
create policy "Grants are visible to staff and, in force, to their holder"
  on public.partner_access for select to authenticated
  using (org_id = any ((select private.staff_org_ids()))
         or (partner_user_id = (select auth.uid()) and partner_id = any ((select private.granted_partner_ids()))));

-- Partner-safe reads -------------------------------------------------------------------------
create or replace function public.portal_partners()
returns table (
  id uuid, org_id uuid, name text, status text, tier text, region text, website text, owner_id uuid)
language sql
rows 10
stable
security definer
set search_path = ''
as $$
  select p.id, p.org_id, p.name, p.status, p.tier, p.region, p.website, p.owner_id
    from public.partners p
   where p.id = any (array(select private.granted_partner_ids()))
      or p.org_id = any (array(select private.staff_org_ids()))
   order by p.name, p.id
$$;
comment on function public.portal_partners() is 'The partner-safe columns (id, org, name, status, tier, region, website, owner) of the partners the caller may see: a partner user''s in-force grants, or a staff member''s organizations. The portal reads partners only through this; staff-only columns (tags, external_id, created_by, contact, commission rate, archive) never leave it.';

create or replace function public.portal_organizations()
returns table (id uuid, name text, currency text, time_zone text, locale text)
language sql
rows 2
stable
security definer
set search_path = ''
as $$
  select o.id, o.name, o.currency, o.time_zone, o.locale
    from public.organizations o
   where o.id = any (array(
           select p.org_id from public.partners p where p.id = any (array(select private.granted_partner_ids()))))
      or o.id = any (array(select private.staff_org_ids()))
   order by o.name, o.id
$$;
comment on function public.portal_organizations() is 'Name, currency, time zone and locale of the organizations the caller may see: for a partner user, the organization of a partner they hold an in-force grant on (none once every grant is out of force); for staff, their organizations.';

revoke all on function public.portal_partners(), public.portal_organizations() from public, anon;
grant execute on function public.portal_partners(), public.portal_organizations() to authenticated, service_role;

-- The portal's summaries read partners and organizations through the same functions --------------
-- Same signatures, results and security invoker as before: RLS on referrals and commissions
-- still decides what is counted; only the partner and organization rows now come through the
-- partner-safe functions instead of the tables.
create or replace function public.portal_partner_rollups(p_partner_id uuid)
returns table (
  partner_id uuid, currency text,
  referrals_submitted integer, referrals_qualified integer, referrals_in_progress integer,
  referrals_won integer, referrals_lost integer, referrals_total integer,
  pipeline_value numeric, won_value numeric,
  commission_earned numeric, commission_pending numeric, commission_approved numeric,
  commission_paid numeric, commission_owed numeric, commission_overdue numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, o.currency,
         r.submitted, r.qualified, r.in_progress, r.won, r.lost, r.total, r.pipeline, r.won_value,
         c.earned, c.pending, c.approved, c.paid, c.owed, c.overdue
    from public.portal_partners() p
    join public.portal_organizations() o on o.id = p.org_id
   cross join lateral (
     select count(*) filter (where x.status = 'submitted')::integer as submitted,
            count(*) filter (where x.status = 'qualified')::integer as qualified,
            count(*) filter (where x.status = 'in_progress')::integer as in_progress,
            count(*) filter (where x.status = 'won')::integer as won,
            count(*) filter (where x.status = 'lost')::integer as lost,
            count(*)::integer as total,
            coalesce(sum(x.estimated_value) filter (where x.status in ('submitted', 'qualified', 'in_progress')), 0) as pipeline,
            coalesce(sum(coalesce(x.actual_value, x.estimated_value)) filter (where x.status = 'won'), 0) as won_value
       from public.partner_referrals x where x.partner_id = p.id) r
   cross join lateral (
     select coalesce(sum(x.amount) filter (where x.status <> 'void'), 0) as earned,
            coalesce(sum(x.amount) filter (where x.status = 'pending'), 0) as pending,
            coalesce(sum(x.amount) filter (where x.status = 'approved'), 0) as approved,
            coalesce(sum(x.amount) filter (where x.status = 'paid'), 0) as paid,
            coalesce(sum(x.amount) filter (where x.status in ('pending', 'approved')), 0) as owed,
            coalesce(sum(x.amount) filter (where x.status in ('pending', 'approved') and x.due_at < now()), 0) as overdue
       from public.partner_commissions x where x.partner_id = p.id) c
   where p.id = p_partner_id
$$;

create or replace function public.portal_commission_statement(p_partner_id uuid)
returns table (
  period date, is_total boolean, commissions integer,
  earned numeric, pending numeric, approved numeric, paid numeric, owed numeric, voided numeric, currency text)
language sql
stable
security invoker
set search_path = ''
as $$
  select date_trunc('month', c.earned_at at time zone o.time_zone)::date as period,
         grouping(date_trunc('month', c.earned_at at time zone o.time_zone)) = 1 as is_total,
         count(*)::integer,
         coalesce(sum(c.amount) filter (where c.status <> 'void'), 0),
         coalesce(sum(c.amount) filter (where c.status = 'pending'), 0),
         coalesce(sum(c.amount) filter (where c.status = 'approved'), 0),
         coalesce(sum(c.amount) filter (where c.status = 'paid'), 0),
         coalesce(sum(c.amount) filter (where c.status in ('pending', 'approved')), 0),
         coalesce(sum(c.amount) filter (where c.status = 'void'), 0),
         o.currency
    from public.partner_commissions c
    join public.portal_organizations() o on o.id = c.org_id
   where c.partner_id = p_partner_id
   group by grouping sets ((date_trunc('month', c.earned_at at time zone o.time_zone), o.currency), (o.currency))
   order by 2, 1 desc
$$;

create or replace function public.portal_commission_summary()
returns table (
  partner_id uuid, partner_name text, is_total boolean, currency text,
  owed numeric, paid numeric, overdue numeric, overdue_count integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, p.name, grouping(p.id) = 1, o.currency,
         coalesce(sum(c.amount) filter (where c.status in ('pending', 'approved')), 0),
         coalesce(sum(c.amount) filter (where c.status = 'paid'), 0),
         coalesce(sum(c.amount) filter (where c.status in ('pending', 'approved') and c.due_at < now()), 0),
         (count(c.id) filter (where c.status in ('pending', 'approved') and c.due_at < now()))::integer
    from public.portal_partners() p
    join public.portal_organizations() o on o.id = p.org_id
    left join public.partner_commissions c on c.partner_id = p.id
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;

create or replace function public.portal_referral_pipeline(
  p_from date default null, p_to date default null, p_statuses text[] default null)
returns table (
  partner_id uuid, partner_name text, is_total boolean, currency text,
  referrals integer, open_referrals integer, won_referrals integer,
  estimated_value numeric, pipeline_value numeric, won_value numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, p.name, grouping(p.id) = 1, o.currency,
         count(r.id)::integer,
         (count(r.id) filter (where r.status in ('submitted', 'qualified', 'in_progress')))::integer,
         (count(r.id) filter (where r.status = 'won'))::integer,
         coalesce(sum(r.estimated_value), 0),
         coalesce(sum(r.estimated_value) filter (where r.status in ('submitted', 'qualified', 'in_progress')), 0),
         coalesce(sum(coalesce(r.actual_value, r.estimated_value)) filter (where r.status = 'won'), 0)
    from public.portal_partners() p
    join public.portal_organizations() o on o.id = p.org_id
    left join public.partner_referrals r
      on r.partner_id = p.id
     and (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;

create or replace function public.portal_referrals(
  p_from date default null, p_to date default null, p_statuses text[] default null, p_limit integer default 200)
returns table (
  id uuid, partner_id uuid, partner_name text, client_name text, status text,
  estimated_value numeric, actual_value numeric, referred_at timestamptz, closed_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select r.id, p.id, p.name, r.client_name, r.status, r.estimated_value, r.actual_value, r.referred_at, r.closed_at
    from public.partner_referrals r
    join public.portal_partners() p on p.id = r.partner_id
    join public.portal_organizations() o on o.id = p.org_id
   where (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   order by r.referred_at desc
   limit least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;
