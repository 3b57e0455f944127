-- Partner users read the portal's sections only through partner-safe columns.
--
-- Referrals, commissions, documents, training and resources carry created_by, and the
-- timeline carries actor_id: the id of the staff member who recorded the row. A select
-- policy can only hand a partner user the whole row, and column privileges cannot tell a
-- partner user from staff (both are `authenticated`, and staff read actor_id on the
-- timeline). So, as partners and partner_users were closed, these tables' select policies
-- become staff-only and partner users read through the definer functions below. Each names
-- the columns the portal may show and keeps the rule the policy had: the grant's section
-- (scope), its window and revocation, shared documents only, partner-visible events only,
-- resources up to the partner's tier. Staff get the same partner-facing rows of their
-- organizations, so the portal summaries answer them as before.
--
-- Each function takes an optional partner id: a definer function is never inlined, so the
-- filter has to reach the scan from inside.

-- Partner-safe reads -------------------------------------------------------------------------
create or replace function public.portal_referral_rows(p_partner_id uuid default null)
returns table (
  id uuid, org_id uuid, partner_id uuid, client_name text, client_email text, status text,
  estimated_value numeric, actual_value numeric, referred_at timestamptz, closed_at timestamptz,
  created_at timestamptz, updated_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select r.id, r.org_id, r.partner_id, r.client_name, r.client_email, r.status,
         r.estimated_value, r.actual_value, r.referred_at, r.closed_at, r.created_at, r.updated_at
    from public.partner_referrals r
   where (p_partner_id is null or r.partner_id = p_partner_id)
     and (r.partner_id = any (array(select private.granted_partner_ids('referrals')))
          or r.org_id = any (array(select private.staff_org_ids())))
$$;
comment on function public.portal_referral_rows(uuid) is 'Referrals of the partners whose referrals section the caller may see (a partner user''s in-force grants with that scope, or a staff member''s organizations), one partner''s when given; partner-safe columns only (no created_by).';

create or replace function public.portal_commission_rows(p_partner_id uuid default null)
returns table (
  id uuid, org_id uuid, partner_id uuid, referral_id uuid, amount numeric, currency text, status text,
  description text, earned_at timestamptz, due_at timestamptz, approved_at timestamptz,
  paid_at timestamptz, voided_at timestamptz, created_at timestamptz, updated_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select c.id, c.org_id, c.partner_id, c.referral_id, c.amount, c.currency, c.status, c.description,
         c.earned_at, c.due_at, c.approved_at, c.paid_at, c.voided_at, c.created_at, c.updated_at
    from public.partner_commissions c
   where (p_partner_id is null or c.partner_id = p_partner_id)
     and (c.partner_id = any (array(select private.granted_partner_ids('commissions')))
          or c.org_id = any (array(select private.staff_org_ids())))
$$;
comment on function public.portal_commission_rows(uuid) is 'Commissions of the partners whose commissions section the caller may see, one partner''s when given; partner-safe columns only (no created_by).';

-- The owner is left out as well: the portal names the partner's manager, not who filed a link.
create or replace function public.portal_document_rows(p_partner_id uuid default null)
returns table (
  id uuid, org_id uuid, partner_id uuid, title text, document_type text, url text, tags text[],
  created_at timestamptz, updated_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select d.id, d.org_id, d.partner_id, d.title, d.document_type, d.url, d.tags, d.created_at, d.updated_at
    from public.partner_documents d
   where d.visibility = 'shared'
     and (p_partner_id is null or d.partner_id = p_partner_id)
     and (d.partner_id = any (array(select private.granted_partner_ids('documents')))
          or d.org_id = any (array(select private.staff_org_ids())))
$$;
comment on function public.portal_document_rows(uuid) is 'Shared documents of the partners whose documents section the caller may see, one partner''s when given; partner-safe columns only (no owner, no created_by, no visibility: every row is shared).';

create or replace function public.portal_training_rows(p_partner_id uuid default null)
returns table (
  id uuid, org_id uuid, partner_id uuid, name text, kind text, status text,
  completed_on date, expires_on date, created_at timestamptz, updated_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select t.id, t.org_id, t.partner_id, t.name, t.kind, t.status, t.completed_on, t.expires_on,
         t.created_at, t.updated_at
    from public.partner_training t
   where (p_partner_id is null or t.partner_id = p_partner_id)
     and (t.partner_id = any (array(select private.granted_partner_ids('training')))
          or t.org_id = any (array(select private.staff_org_ids())))
$$;
comment on function public.portal_training_rows(uuid) is 'Training of the partners whose training section the caller may see, one partner''s when given; partner-safe columns only (no created_by).';

create or replace function public.portal_resource_rows()
returns table (
  id uuid, org_id uuid, title text, description text, url text, kind text, min_tier text,
  created_at timestamptz, updated_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select r.id, r.org_id, r.title, r.description, r.url, r.kind, r.min_tier, r.created_at, r.updated_at
    from public.partner_resources r
   where r.id = any (array(select private.visible_resource_ids()))
      or r.org_id = any (array(select private.staff_org_ids()))
$$;
comment on function public.portal_resource_rows() is 'Resources the caller may see: a partner user''s up to the tier of a partner they hold an in-force grant on, a staff member''s organizations'' all; partner-safe columns only (no created_by).';

-- An event of another section carries that section's details (client names, amounts,
-- titles), so it shows only when the grant holds that section too, as the policy had it.
create or replace function public.portal_activity_rows(p_partner_id uuid default null)
returns table (
  id uuid, org_id uuid, partner_id uuid, event_type text, occurred_at timestamptz, payload jsonb,
  source_table text, source_id uuid, created_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select a.id, a.org_id, a.partner_id, a.event_type, a.occurred_at, a.payload, a.source_table, a.source_id,
         a.created_at
    from public.partner_activity_log a
   where a.partner_visible
     and (p_partner_id is null or a.partner_id = p_partner_id)
     and (a.org_id = any (array(select private.staff_org_ids()))
          or (a.partner_id = any (array(select private.granted_partner_ids('activity')))
              and case a.source_table
                    when 'partner_referrals' then a.partner_id = any (array(select private.granted_partner_ids('referrals')))
                    when 'partner_commissions' then a.partner_id = any (array(select private.granted_partner_ids('commissions')))
                    when 'partner_documents' then a.partner_id = any (array(select private.granted_partner_ids('documents')))
                    when 'partner_training' then a.partner_id = any (array(select private.granted_partner_ids('training')))
                    else true
                  end))
$$;
comment on function public.portal_activity_rows(uuid) is 'Partner-visible timeline events of the partners whose activity section the caller may see (events of another section only with that section too), one partner''s when given; no actor_id (the staff member behind an event) and no partner_visible (always true here).';

revoke all on function public.portal_referral_rows(uuid), public.portal_commission_rows(uuid),
  public.portal_document_rows(uuid), public.portal_training_rows(uuid), public.portal_resource_rows(),
  public.portal_activity_rows(uuid)
  from public, anon;
grant execute on function public.portal_referral_rows(uuid), public.portal_commission_rows(uuid),
  public.portal_document_rows(uuid), public.portal_training_rows(uuid), public.portal_resource_rows(),
  public.portal_activity_rows(uuid)
  to authenticated, service_role;

-- The tables themselves: staff only ------------------------------------------------------------
drop policy "Referrals are visible to staff and, by scope, to partner users" on public.partner_referrals;
create policy "Referrals are visible to staff"
  on public.partner_referrals for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Commissions are visible to staff and, by scope, to partners" on public.partner_commissions;
create policy "Commissions are visible to staff"
  on public.partner_commissions for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Documents are visible to staff, shared ones to partner users" on public.partner_documents;
create policy "Documents are visible to staff"
  on public.partner_documents for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Training is visible to staff and, by scope, to partner users" on public.partner_training;
create policy "Training is visible to staff"
  on public.partner_training for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Resources are visible to staff and to partner users by tier" on public.partner_resources;
create policy "Resources are visible to staff"
  on public.partner_resources for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

drop policy "Activity is visible to staff and, by scope, to partner users" on public.partner_activity_log;
create policy "Activity is visible to staff"
  on public.partner_activity_log for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

-- The portal's summaries count through the same functions ------------------------------------
-- Same signatures, results and security invoker as before; only the section rows now come
-- through the partner-safe functions instead of the tables, whose policies no longer give
-- partner users anything.
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
       from public.portal_referral_rows(p.id) x) r
   cross join lateral (
     select coalesce(sum(x.amount) filter (where x.status <> 'void'), 0) as earned,
            coalesce(sum(x.amount) filter (where x.status = 'pending'), 0) as pending,
            coalesce(sum(x.amount) filter (where x.status = 'approved'), 0) as approved,
            coalesce(sum(x.amount) filter (where x.status = 'paid'), 0) as paid,
            coalesce(sum(x.amount) filter (where x.status in ('pending', 'approved')), 0) as owed,
            coalesce(sum(x.amount) filter (where x.status in ('pending', 'approved') and x.due_at < now()), 0) as overdue
       from public.portal_commission_rows(p.id) x) c
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
    from public.portal_commission_rows(p_partner_id) c
    join public.portal_organizations() o on o.id = c.org_id
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
    left join public.portal_commission_rows() c on c.partner_id = p.id
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
    left join public.portal_referral_rows() r
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
    from public.portal_referral_rows() r
    join public.portal_partners() p on p.id = r.partner_id
    join public.portal_organizations() o on o.id = p.org_id
   where (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   order by r.referred_at desc
   limit least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;
