-- Read functions behind the partner portal: a partner's roll-ups, its commission statement,
-- and the "All accounts" view (commissions and referral pipeline across the partners a
-- partner user holds). partner_stats is staff-only, so these count the rows themselves.
-- All are SECURITY INVOKER: RLS on partners, partner_referrals and partner_commissions
-- decides what is counted, so a grant without the referrals or commissions scope counts
-- nothing, and an ended or revoked grant drops its partner on the very next call.
-- Totals are computed here (grouping sets), never summed in JavaScript.

-- One partner's roll-ups, as the caller may see them.
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
    from public.partners p
    join public.organizations o on o.id = p.org_id
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
comment on function public.portal_partner_rollups(uuid) is 'Portal overview of one partner: referral counts and values, commissions earned, pending, approved, paid, owed and overdue. Security invoker: RLS and the grant''s scope decide what is counted.';

-- A partner's commission statement by month (in the org's time zone), with a total row.
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
    join public.organizations o on o.id = c.org_id
   where c.partner_id = p_partner_id
   group by grouping sets ((date_trunc('month', c.earned_at at time zone o.time_zone), o.currency), (o.currency))
   order by 2, 1 desc
$$;
comment on function public.portal_commission_statement(uuid) is 'Commission statement of one partner by month of earning (org time zone) plus a total row (is_total). Earned excludes void; owed = pending + approved. Security invoker.';

-- "All accounts": commissions owed and paid per partner the caller sees, and in total.
-- Totals are grouped by organization as well as currency: a caller who sees partners of two
-- same-currency orgs must get two totals, never one sum across them.
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
    from public.partners p
    join public.organizations o on o.id = p.org_id
    left join public.partner_commissions c on c.partner_id = p.id
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;
comment on function public.portal_commission_summary() is 'Per visible partner and in total (is_total): commissions owed (pending + approved), paid, and overdue (owed past due_at). Security invoker: a partner user sees only partners granted to them.';

-- "All accounts": the referral pipeline per partner and in total, for a date range of
-- referred_at (inclusive days in the org's time zone) and a set of statuses (null = all).
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
    from public.partners p
    join public.organizations o on o.id = p.org_id
    left join public.partner_referrals r
      on r.partner_id = p.id
     and (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;
comment on function public.portal_referral_pipeline(date, date, text[]) is 'Per visible partner and in total (is_total): referrals, open and won counts, estimated, pipeline and won value, filtered by referred_at day range (org time zone) and statuses. Security invoker.';

-- "All accounts": the referrals behind the pipeline, same filter, newest first.
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
    join public.partners p on p.id = r.partner_id
    join public.organizations o on o.id = p.org_id
   where (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   order by r.referred_at desc
   limit least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;
comment on function public.portal_referrals(date, date, text[], integer) is 'The referrals the caller sees, filtered as portal_referral_pipeline (day range in the org time zone, statuses), newest first. Security invoker.';

revoke all on function public.portal_partner_rollups(uuid), public.portal_commission_statement(uuid),
  public.portal_commission_summary(), public.portal_referral_pipeline(date, date, text[]),
  public.portal_referrals(date, date, text[], integer)
  from public, anon;
grant execute on function public.portal_partner_rollups(uuid), public.portal_commission_statement(uuid),
  public.portal_commission_summary(), public.portal_referral_pipeline(date, date, text[]),
  public.portal_referrals(date, date, text[], integer)
  to authenticated, service_role;
