-- Leaders and service levels at a million referrals: the top partners summed per partner over
-- the period's whole months from partner_monthly_rollups (the other days from the raw rows),
-- and a quiet partner's latest referral found by one probe of its own referrals index instead
-- of grouping every referral of the organization. Staff read the roll-ups; anyone else (a
-- partner user, whose referrals RLS narrows) keeps the plain query, as the roll-ups are staff's.
-- Same answers as the definitions in 20261202150100 (tests/db/41 holds them to it).

-- Medians and paid-on-time read referrals by when they were qualified and commissions by when
-- they fall due; without these each call read every row of the organization.
create index partner_referrals_org_qualified_idx on public.partner_referrals (org_id, qualified_at)
  include (referred_at, partner_id) where qualified_at is not null;
create index partner_referrals_org_closed_cover_idx on public.partner_referrals (org_id, closed_at)
  include (referred_at, partner_id, status, actual_value) where closed_at is not null;
create index partner_commissions_org_due_idx on public.partner_commissions (org_id, due_at)
  include (status, paid_at, amount, partner_id);

create or replace function public.dashboard_leaders(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null, p_limit integer default 5)
returns table (
  board text, rank integer, board_total integer, partner_id uuid, partner_name text,
  won_value numeric, referrals integer, last_referred_at timestamptz)
language plpgsql
stable
security invoker
set search_path = ''
-- planned with each call's values: a generic plan cannot see the date ranges
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  staff boolean := p_org_id = any ((select private.staff_org_ids()));
begin
  return query
  with o as (
    select x.time_zone,
           p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1,
           case when extract(day from p_from) = 1 then p_from
                else (date_trunc('month', p_from) + interval '1 month')::date end as ms0,
           date_trunc('month', p_to + 1)::date as me0
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  w as (
    -- whole months [ms, me) from the roll-ups, the days [t0, tms) and [tme, t1) raw
    select o.t0, o.t1,
           case when o.ms0 < o.me0 then o.ms0 else p_to + 1 end as ms,
           case when o.ms0 < o.me0 then o.me0 else p_to + 1 end as me,
           (case when o.ms0 < o.me0 then o.ms0 else p_to + 1 end)::timestamp at time zone o.time_zone as tms,
           (case when o.ms0 < o.me0 then o.me0 else p_to + 1 end)::timestamp at time zone o.time_zone as tme
      from o),
  p as (
    select x.id, x.name, x.archived_at from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  parts as (
    select r.partner_id, r.won_value as v, r.referrals_won::bigint as nw, r.referrals_submitted::bigint as nf
      from w join public.partner_monthly_rollups r on r.org_id = p_org_id and r.month >= w.ms and r.month < w.me
     where staff
    union all
    select x.partner_id, coalesce(x.actual_value, 0), 1, 0
      from w join public.partner_referrals x on x.org_id = p_org_id and x.status = 'won' and x.closed_at is not null
       and ((x.closed_at >= w.t0 and x.closed_at < w.tms) or (x.closed_at >= w.tme and x.closed_at < w.t1))
     where staff
    union all
    select x.partner_id, 0, 0, 1
      from w join public.partner_referrals x on x.org_id = p_org_id
       and ((x.referred_at >= w.t0 and x.referred_at < w.tms) or (x.referred_at >= w.tme and x.referred_at < w.t1))
     where staff
    -- not staff: the plain rows, as RLS lets the caller see them
    union all
    select x.partner_id, coalesce(x.actual_value, 0), 1, 0
      from o join public.partner_referrals x on x.org_id = p_org_id and x.status = 'won'
       and x.closed_at >= o.t0 and x.closed_at < o.t1
     where not staff
    union all
    select x.partner_id, 0, 0, 1
      from o join public.partner_referrals x on x.org_id = p_org_id
       and x.referred_at >= o.t0 and x.referred_at < o.t1
     where not staff),
  sums as (
    select s.partner_id, sum(s.v) as v, sum(s.nw)::integer as nw, sum(s.nf)::integer as nf
      from parts s group by s.partner_id),
  quiet as (
    select p.id, l.at
      from o cross join p
     cross join lateral (
       select max(x.referred_at) as at from public.partner_referrals x
        where x.partner_id = p.id and x.org_id = p_org_id and x.referred_at < o.t1) l
     where p.archived_at is null and l.at < o.t1 - interval '90 days'),
  boards as (
    select 'won_value'::text as board, row_number() over (order by s.v desc, p.name, p.id)::integer as rank,
           (count(*) over ())::integer as total, p.id, p.name, s.v, s.nw as n, null::timestamptz as at
      from sums s join p on p.id = s.partner_id where s.nw > 0 and s.v > 0
    union all
    select 'new_referrals', row_number() over (order by s.nf desc, p.name, p.id)::integer,
           (count(*) over ())::integer, p.id, p.name, null, s.nf, null
      from sums s join p on p.id = s.partner_id where s.nf > 0
    union all
    select 'quiet', row_number() over (order by q.at desc, p.name, p.id)::integer,
           (count(*) over ())::integer, p.id, p.name, null, null, q.at
      from quiet q join p on p.id = q.id)
  select b.board, b.rank, b.total, b.id, b.name, b.v, b.n, b.at
    from boards b
   where b.rank <= greatest(coalesce(p_limit, 5), 1)
   order by b.board, b.rank;
end
$$;
comment on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) is 'Dashboard leaders: top p_limit partners by won value (won, closed in the period) and by referrals submitted in the period, and quiet partners (not archived; last referral before the period''s end minus 90 days), with each board''s full size. Staff read whole months from the monthly roll-ups. Security invoker.';

-- Service levels: unfiltered staff read the organization's rows straight off the indexes above
-- (every referral of the org is of one of its partners); with a filter, or for anyone else,
-- only the matching partners' rows.
create or replace function public.dashboard_service_levels(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  median_days_to_qualify numeric, qualified_referrals integer,
  median_days_to_close numeric, closed_referrals integer,
  commissions_due integer, commissions_paid_on_time integer, paid_on_time_share numeric,
  overdue_commissions integer, overdue_commission_amount numeric, overdue_tasks integer)
language plpgsql
stable
security invoker
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
declare
  whole boolean := p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null
                   and p_org_id = any ((select private.staff_org_ids()));
begin
  return query
  with o as (
    select x.time_zone,
           p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  p as (
    select x.id from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses)))
  select q.median, q.n, cl.median, cl.n, d.due, d.on_time,
         case when d.due > 0 then round(d.on_time::numeric / d.due, 4) end,
         od.n, od.amount, t.n
    from o
   cross join lateral (
     select round((percentile_cont(0.5) within group (order by extract(epoch from x.qualified_at - x.referred_at)) / 86400)::numeric, 1) as median,
            count(*)::integer as n
       from public.partner_referrals x
      where x.org_id = p_org_id and x.qualified_at >= o.t0 and x.qualified_at < o.t1
        and (whole or x.partner_id in (select p.id from p))) q
   cross join lateral (
     select round((percentile_cont(0.5) within group (order by extract(epoch from x.closed_at - x.referred_at)) / 86400)::numeric, 1) as median,
            count(*)::integer as n
       from public.partner_referrals x
      where x.org_id = p_org_id and x.closed_at >= o.t0 and x.closed_at < o.t1
        and (whole or x.partner_id in (select p.id from p))) cl
   cross join lateral (
     select count(*)::integer as due, count(*) filter (where x.paid_at <= x.due_at)::integer as on_time
       from public.partner_commissions x
      where x.org_id = p_org_id and x.status <> 'void' and x.due_at >= o.t0 and x.due_at < o.t1
        and (whole or x.partner_id in (select p.id from p))) d
   cross join lateral (
     select count(*)::integer as n, coalesce(sum(x.amount), 0) as amount
       from public.partner_commissions x
      where x.org_id = p_org_id and x.status in ('pending', 'approved') and x.due_at < now()
        and (whole or x.partner_id in (select p.id from p))) od
   cross join lateral (
     select count(*)::integer as n
       from public.partner_tasks x
      where x.org_id = p_org_id and x.status in ('todo', 'in_progress')
        and x.due_date < (now() at time zone o.time_zone)::date
        and (whole or x.partner_id in (select p.id from p))) t;
end
$$;
comment on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard service levels: median days submitted to qualified (qualified in the period) and to closed (closed in the period); share of non-void commissions due in the period paid by their due date; overdue commissions and tasks now. Security invoker.';
