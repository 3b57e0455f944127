-- The program dashboard (/admin) and the partner trends (workspace overview, portal), every
-- figure computed here. docs/metrics.md says in one sentence per metric which date column
-- and which statuses each uses; tests/db compare these functions with exactly that.
--
-- All are SECURITY INVOKER: RLS on partners, partner_referrals, partner_commissions and
-- partner_tasks decides what is counted (staff of the org see it all; a partner user only
-- the partners granted to them and only the sections their scope opens).
--
-- Periods are inclusive days [p_from, p_to] in the organization's time zone: they run from
-- p_from's midnight there to the midnight after p_to, so a day across a daylight-saving
-- change is 23 or 25 hours. Filters (owner, region, tiers, partner statuses; null = any)
-- narrow the partners every figure is about.

-- Headline tiles for the period and the one just before it (same number of days).
create or replace function public.dashboard_tiles(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  period text, starts_on date, ends_on date, currency text,
  new_referrals integer, pipeline_value numeric,
  won_referrals integer, lost_referrals integer, won_value numeric, win_rate numeric,
  commission_earned numeric, commission_approved numeric, commission_paid numeric, commission_owed numeric,
  active_partners integer, new_partners integer)
language sql
stable
security invoker
set search_path = ''
as $$
  with o as (
    select x.currency, x.time_zone from public.organizations x
     where x.id = p_org_id and p_from is not null and p_to is not null and p_from <= p_to),
  w as (
    select 'current'::text as period, p_from as starts_on, p_to as ends_on
    union all
    select 'previous', p_from - (p_to - p_from + 1), p_from - 1),
  b as (
    select w.period, w.starts_on, w.ends_on, o.currency,
           w.starts_on::timestamp at time zone o.time_zone as t0,
           (w.ends_on + 1)::timestamp at time zone o.time_zone as t1
      from w cross join o),
  p as (
    select x.id, x.status, x.created_at from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses)))
  select b.period, b.starts_on, b.ends_on, b.currency,
         r.new_referrals, r.pipeline_value, r.won, r.lost, r.won_value,
         case when r.won + r.lost > 0 then round(r.won::numeric / (r.won + r.lost), 4) end,
         c.earned, c.approved, c.paid, c.owed,
         pp.active, pp.new
    from b
   cross join lateral (
     select count(*) filter (where x.referred_at >= b.t0)::integer as new_referrals,
            coalesce(sum(x.estimated_value) filter (where x.closed_at is null or x.closed_at >= b.t1), 0) as pipeline_value,
            count(*) filter (where x.status = 'won' and x.closed_at >= b.t0 and x.closed_at < b.t1)::integer as won,
            count(*) filter (where x.status = 'lost' and x.closed_at >= b.t0 and x.closed_at < b.t1)::integer as lost,
            coalesce(sum(x.actual_value) filter (where x.status = 'won' and x.closed_at >= b.t0 and x.closed_at < b.t1), 0) as won_value
       from public.partner_referrals x
       join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.referred_at < b.t1
        and (x.closed_at is null or x.closed_at >= b.t0 or x.referred_at >= b.t0)) r
   cross join lateral (
     select coalesce(sum(x.amount) filter (where x.status <> 'void' and x.earned_at >= b.t0), 0) as earned,
            coalesce(sum(x.amount) filter (where x.status <> 'void' and x.approved_at >= b.t0 and x.approved_at < b.t1), 0) as approved,
            coalesce(sum(x.amount) filter (where x.paid_at >= b.t0 and x.paid_at < b.t1), 0) as paid,
            coalesce(sum(x.amount) filter (where (x.paid_at is null or x.paid_at >= b.t1)
                                             and (x.voided_at is null or x.voided_at >= b.t1)), 0) as owed
       from public.partner_commissions x
       join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.earned_at < b.t1) c
   cross join lateral (
     select count(*) filter (where p.status = 'active')::integer as active,
            count(*) filter (where p.created_at >= b.t0)::integer as new
       from p where p.created_at < b.t1) pp
   order by b.starts_on desc
$$;
comment on function public.dashboard_tiles(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard headline tiles for [p_from, p_to] (days in the org''s time zone) and the previous period of the same length: new referrals, pipeline value at the end, won/lost and won value and win rate, commission earned, approved, paid, owed at the end, active and new partners. Definitions in docs/metrics.md. Security invoker.';

-- The same figures over time, by week (Monday) or month, in the org's time zone. The first
-- and last buckets are clipped to the period, so the buckets add up to the tiles.
create or replace function public.dashboard_series(
  p_org_id uuid, p_from date, p_to date, p_bucket text default 'month',
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  bucket date, starts_on date, ends_on date, currency text,
  referrals_submitted integer, referrals_won integer, won_value numeric,
  commission_earned numeric, commission_paid numeric, commission_owed numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with o as (
    select x.currency, x.time_zone,
           p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1
      from public.organizations x
     where x.id = p_org_id and p_bucket in ('week', 'month')
       and p_from is not null and p_to is not null and p_from <= p_to),
  bk as (
    select g::date as bucket, greatest(g::date, p_from) as starts_on,
           least((g + ('1 ' || p_bucket)::interval)::date - 1, p_to) as ends_on
      from o cross join generate_series(date_trunc(p_bucket, p_from::timestamp), p_to::timestamp,
                                        ('1 ' || p_bucket)::interval) g),
  p as (
    select x.id from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  submitted as (
    select date_trunc(p_bucket, x.referred_at at time zone o.time_zone)::date as bucket, count(*)::integer as n
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.referred_at >= o.t0 and x.referred_at < o.t1
     group by 1),
  won as (
    select date_trunc(p_bucket, x.closed_at at time zone o.time_zone)::date as bucket,
           count(*)::integer as n, coalesce(sum(x.actual_value), 0) as value
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.status = 'won' and x.closed_at >= o.t0 and x.closed_at < o.t1
     group by 1),
  earned as (
    select date_trunc(p_bucket, x.earned_at at time zone o.time_zone)::date as bucket, sum(x.amount) as amount
      from o cross join public.partner_commissions x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.status <> 'void' and x.earned_at >= o.t0 and x.earned_at < o.t1
     group by 1),
  paid as (
    select date_trunc(p_bucket, x.paid_at at time zone o.time_zone)::date as bucket, sum(x.amount) as amount
      from o cross join public.partner_commissions x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.paid_at >= o.t0 and x.paid_at < o.t1
     group by 1),
  -- Owed at an instant T = commissions earned before T and neither paid nor voided before
  -- T. Each commission adds its amount at earned_at and takes it back when it leaves
  -- (paid or voided, never before earned_at), so owed at a bucket's end is the owed at the
  -- period's start plus the running sum of those moves.
  moves as (
    select x.earned_at as at, x.amount, least(x.paid_at, x.voided_at) as left_at
      from o cross join public.partner_commissions x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.earned_at < o.t1
       and (least(x.paid_at, x.voided_at) is null or greatest(x.earned_at, least(x.paid_at, x.voided_at)) >= o.t0)),
  opening as (
    select coalesce(sum(m.amount) filter (where m.at < o.t0), 0) as owed from o cross join moves m),
  flows as (
    select date_trunc(p_bucket, f.at at time zone o.time_zone)::date as bucket, sum(f.amount) as amount
      from o cross join (
        select m.at, m.amount from moves m
        union all
        select greatest(m.at, m.left_at), -m.amount from moves m where m.left_at is not null) f
     where f.at >= o.t0 and f.at < o.t1
     group by 1)
  select bk.bucket, bk.starts_on, bk.ends_on, o.currency,
         coalesce(s.n, 0), coalesce(w.n, 0), coalesce(w.value, 0),
         coalesce(e.amount, 0), coalesce(pd.amount, 0),
         (select op.owed from opening op) + sum(coalesce(f.amount, 0)) over (order by bk.bucket)
    from bk cross join o
    left join submitted s on s.bucket = bk.bucket
    left join won w on w.bucket = bk.bucket
    left join earned e on e.bucket = bk.bucket
    left join paid pd on pd.bucket = bk.bucket
    left join flows f on f.bucket = bk.bucket
   order by bk.bucket
$$;
comment on function public.dashboard_series(uuid, date, date, text, uuid, text, text[], text[]) is 'Dashboard trend by week or month (org time zone; first and last buckets clipped to the period): referrals submitted and won, won value, commission earned and paid, commission owed at each bucket''s end. Definitions in docs/metrics.md. Security invoker.';

-- The pipeline funnel of the referrals submitted in the period, by the furthest stage each
-- reached. Won ones count as having passed qualified and in progress.
create or replace function public.dashboard_funnel(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (stage text, stage_order integer, referrals integer, estimated_value numeric, conversion numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with o as (
    select p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  p as (
    select x.id from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  c as (
    select count(*)::integer as submitted, coalesce(sum(x.estimated_value), 0) as submitted_value,
           count(*) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won')::integer as qualified,
           coalesce(sum(x.estimated_value) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won'), 0) as qualified_value,
           count(*) filter (where x.in_progress_at is not null or x.status = 'won')::integer as in_progress,
           coalesce(sum(x.estimated_value) filter (where x.in_progress_at is not null or x.status = 'won'), 0) as in_progress_value,
           count(*) filter (where x.status = 'won')::integer as won,
           coalesce(sum(x.estimated_value) filter (where x.status = 'won'), 0) as won_value,
           count(*) filter (where x.status = 'lost')::integer as lost,
           coalesce(sum(x.estimated_value) filter (where x.status = 'lost'), 0) as lost_value
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.referred_at >= o.t0 and x.referred_at < o.t1)
  select s.stage, s.stage_order, s.n, s.v, case when s.base > 0 then round(s.n::numeric / s.base, 4) end
    from c cross join lateral (values
      ('submitted', 1, c.submitted, c.submitted_value, null::integer),
      ('qualified', 2, c.qualified, c.qualified_value, c.submitted),
      ('in_progress', 3, c.in_progress, c.in_progress_value, c.qualified),
      ('won', 4, c.won, c.won_value, c.in_progress),
      ('lost', 5, c.lost, c.lost_value, c.submitted)) s(stage, stage_order, n, v, base)
   where exists (select from o)
   order by s.stage_order
$$;
comment on function public.dashboard_funnel(uuid, date, date, uuid, text, text[], text[]) is 'Pipeline funnel of the referrals submitted in the period: submitted, reached qualified, reached in progress, won, lost; conversion = share of the previous stage (lost: of submitted). Security invoker.';

-- Service levels: how fast referrals move and whether commissions are paid on time.
create or replace function public.dashboard_service_levels(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  median_days_to_qualify numeric, qualified_referrals integer,
  median_days_to_close numeric, closed_referrals integer,
  commissions_due integer, commissions_paid_on_time integer, paid_on_time_share numeric,
  overdue_commissions integer, overdue_commission_amount numeric, overdue_tasks integer)
language sql
stable
security invoker
set search_path = ''
as $$
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
       from public.partner_referrals x join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.qualified_at >= o.t0 and x.qualified_at < o.t1) q
   cross join lateral (
     select round((percentile_cont(0.5) within group (order by extract(epoch from x.closed_at - x.referred_at)) / 86400)::numeric, 1) as median,
            count(*)::integer as n
       from public.partner_referrals x join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.closed_at >= o.t0 and x.closed_at < o.t1) cl
   cross join lateral (
     select count(*)::integer as due, count(*) filter (where x.paid_at <= x.due_at)::integer as on_time
       from public.partner_commissions x join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.status <> 'void' and x.due_at >= o.t0 and x.due_at < o.t1) d
   cross join lateral (
     select count(*)::integer as n, coalesce(sum(x.amount), 0) as amount
       from public.partner_commissions x join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.status in ('pending', 'approved') and x.due_at < now()) od
   cross join lateral (
     select count(*)::integer as n
       from public.partner_tasks x join p on p.id = x.partner_id
      where x.org_id = p_org_id and x.status in ('todo', 'in_progress')
        and x.due_date < (now() at time zone o.time_zone)::date) t
$$;
comment on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard service levels: median days submitted to qualified (qualified in the period) and to closed (closed in the period); share of non-void commissions due in the period paid by their due date; overdue commissions and tasks now. Security invoker.';

-- Leaders: top partners by won value and by new referrals in the period, and partners that
-- went quiet (referred before, but nothing in the 90 days up to the period's end).
create or replace function public.dashboard_leaders(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null, p_limit integer default 5)
returns table (
  board text, rank integer, board_total integer, partner_id uuid, partner_name text,
  won_value numeric, referrals integer, last_referred_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  with o as (
    select p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  p as (
    select x.id, x.name, x.archived_at from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  won as (
    select x.partner_id, sum(x.actual_value) as v, count(*)::integer as n
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.status = 'won' and x.closed_at >= o.t0 and x.closed_at < o.t1
     group by 1 having coalesce(sum(x.actual_value), 0) > 0),
  fresh as (
    select x.partner_id, count(*)::integer as n
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.referred_at >= o.t0 and x.referred_at < o.t1
     group by 1),
  last_seen as (
    select x.partner_id, max(x.referred_at) as at
      from o cross join public.partner_referrals x join p on p.id = x.partner_id
     where x.org_id = p_org_id and x.referred_at < o.t1
     group by 1),
  quiet as (
    select l.partner_id, l.at from o cross join last_seen l join p on p.id = l.partner_id
     where p.archived_at is null and l.at < o.t1 - interval '90 days'),
  boards as (
    select 'won_value'::text as board, row_number() over (order by w.v desc, p.name, p.id)::integer as rank,
           (count(*) over ())::integer as total, p.id, p.name, w.v, w.n, null::timestamptz as at
      from won w join p on p.id = w.partner_id
    union all
    select 'new_referrals', row_number() over (order by f.n desc, p.name, p.id)::integer,
           (count(*) over ())::integer, p.id, p.name, null, f.n, null
      from fresh f join p on p.id = f.partner_id
    union all
    select 'quiet', row_number() over (order by q.at desc, p.name, p.id)::integer,
           (count(*) over ())::integer, p.id, p.name, null, null, q.at
      from quiet q join p on p.id = q.partner_id)
  select b.board, b.rank, b.total, b.id, b.name, b.v, b.n, b.at
    from boards b
   where b.rank <= greatest(coalesce(p_limit, 5), 1)
   order by b.board, b.rank
$$;
comment on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) is 'Dashboard leaders: top p_limit partners by won value (won, closed in the period) and by referrals submitted in the period, and quiet partners (not archived; last referral before the period''s end minus 90 days), with each board''s full size. Security invoker.';

-- Monthly trend of one partner (p_partner_id) or of every partner the caller holds a grant
-- on, with a total row per organization and month (is_total). Serves the workspace overview
-- (staff name the partner) and the portal (a partner user: one account or "All accounts").
-- A partner user's accounts come from their own grants in force, not from partners, and the
-- figures from partner_referrals and partner_commissions under their own RLS: without the
-- commissions scope the commission columns count nothing, without referrals the referral ones.
create or replace function public.partner_monthly_trend(p_from date, p_to date, p_partner_id uuid default null)
returns table (
  org_id uuid, partner_id uuid, is_total boolean, month date, currency text,
  referrals integer, won_referrals integer, won_value numeric,
  commission_earned numeric, commission_paid numeric, commission_owed numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with ids as (
    select x.id as partner_id, x.org_id from public.partners x
     where x.id = p_partner_id and x.org_id = any ((select private.staff_org_ids()))
    union
    select a.partner_id, a.org_id from public.partner_access a
     where a.partner_id = any (array(select private.granted_partner_ids()))
       and a.partner_user_id = (select auth.uid())
       and (p_partner_id is null or a.partner_id = p_partner_id)),
  m as (
    select ids.partner_id, ids.org_id, o.currency, g::date as month,
           greatest(g::date, p_from)::timestamp at time zone o.time_zone as t0,
           (least((g + interval '1 month')::date - 1, p_to) + 1)::timestamp at time zone o.time_zone as t1
      from ids
      join public.organizations o on o.id = ids.org_id
     cross join generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp, interval '1 month') g
     where p_from <= p_to),
  v as (
    select m.*, r.n, r.won, r.won_value, c.earned, c.paid, c.owed
      from m
     cross join lateral (
       select count(*) filter (where x.referred_at >= m.t0 and x.referred_at < m.t1)::integer as n,
              count(*) filter (where x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1)::integer as won,
              coalesce(sum(x.actual_value) filter (where x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1), 0) as won_value
         from public.partner_referrals x
        where x.partner_id = m.partner_id and x.org_id = m.org_id and x.referred_at < m.t1) r
     cross join lateral (
       select coalesce(sum(x.amount) filter (where x.status <> 'void' and x.earned_at >= m.t0), 0) as earned,
              coalesce(sum(x.amount) filter (where x.paid_at >= m.t0 and x.paid_at < m.t1), 0) as paid,
              coalesce(sum(x.amount) filter (where (x.paid_at is null or x.paid_at >= m.t1)
                                               and (x.voided_at is null or x.voided_at >= m.t1)), 0) as owed
         from public.partner_commissions x
        where x.partner_id = m.partner_id and x.org_id = m.org_id and x.earned_at < m.t1) c)
  select v.org_id, v.partner_id, grouping(v.partner_id) = 1, v.month, v.currency,
         sum(v.n)::integer, sum(v.won)::integer, sum(v.won_value),
         sum(v.earned), sum(v.paid), sum(v.owed)
    from v
   group by grouping sets ((v.org_id, v.currency, v.month, v.partner_id), (v.org_id, v.currency, v.month))
   order by 3, 2, 1, 4
$$;
comment on function public.partner_monthly_trend(date, date, uuid) is 'Monthly trend (org time zone; first and last month clipped to [p_from, p_to]) of the named partner (staff) or of the caller''s granted accounts (partner users, from their grants, never from partners), per partner and in total per organization (is_total): referrals submitted, won and won value (closed in the month), commission earned and paid in the month, owed at the month''s end. Security invoker: RLS and the grant''s scope decide what is counted.';

revoke all on function public.dashboard_tiles(uuid, date, date, uuid, text, text[], text[]) from public, anon;
revoke all on function public.dashboard_series(uuid, date, date, text, uuid, text, text[], text[]) from public, anon;
revoke all on function public.dashboard_funnel(uuid, date, date, uuid, text, text[], text[]) from public, anon;
revoke all on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) from public, anon;
revoke all on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) from public, anon;
revoke all on function public.partner_monthly_trend(date, date, uuid) from public, anon;
grant execute on function public.dashboard_tiles(uuid, date, date, uuid, text, text[], text[]) to authenticated, service_role;
grant execute on function public.dashboard_series(uuid, date, date, text, uuid, text, text[], text[]) to authenticated, service_role;
grant execute on function public.dashboard_funnel(uuid, date, date, uuid, text, text[], text[]) to authenticated, service_role;
grant execute on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) to authenticated, service_role;
grant execute on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) to authenticated, service_role;
grant execute on function public.partner_monthly_trend(date, date, uuid) to authenticated, service_role;
