-- The part-month arithmetic of a dashboard period, written once. The period totals, the
-- service levels and the leaders each worked out, in a CTE of their own, which whole months
-- of a period come from the kept counts and which days at its edges are read raw (the
-- service levels only for staff; the leaders without taking a period ending today's month
-- whole). They now ask these two functions, with those differences as arguments and the
-- same answers. The spans being a function the planner cannot size, the period totals read
-- each period's months from the buckets by index range (laterally) rather than leaving the
-- join to it, which also takes the year's trend from ~40 ms to ~13 ms at a million partners.

create or replace function private.dashboard_period_spans(
  p_time_zone text, p_from date[], p_to date[],
  p_whole_months boolean default true, p_ahead boolean default true)
returns table (i integer, ms date, me date, t0 timestamptz, tms timestamptz, tme timestamptz, t1 timestamptz, tx timestamptz)
language sql
stable
set search_path = ''
rows 3
as $$
  with w0 as (
    select u.i::integer as i, u.f, u.t,
           case when extract(day from u.f) = 1 then u.f else (date_trunc('month', u.f) + interval '1 month')::date end as ms,
           date_trunc('month', u.t + 1)::date as me
      from unnest(p_from, p_to) with ordinality as u(f, t, i)
     where u.f <= u.t),
  w1 as (
    -- "ahead": the period ends inside a month it covers from the 1st and the rest of that
    -- month has not begun (a period ending today). The whole month is then read from the
    -- counts, less the rest of it read raw, which is normally empty; else the days of the
    -- period inside that month would be read raw, and today's are the busiest.
    select w0.*,
           (p_whole_months and p_ahead and extract(day from w0.t + 1) <> 1 and w0.ms <= date_trunc('month', w0.t)::date
            and (w0.t + 1)::timestamp at time zone p_time_zone >= now()) as ahead,
           p_whole_months and w0.ms < w0.me as whole,
           (date_trunc('month', w0.t) + interval '1 month')::date as tail_end
      from w0)
  -- no whole month inside (or none asked for): every day is read raw, [t0, t1) and an empty [t1, t1)
  select w1.i,
         case when w1.ahead or w1.whole then w1.ms else w1.t + 1 end,
         case when w1.ahead then w1.tail_end when w1.whole then w1.me else w1.t + 1 end,
         w1.f::timestamp at time zone p_time_zone,
         (case when w1.ahead or w1.whole then w1.ms else w1.t + 1 end)::timestamp at time zone p_time_zone,
         (case when w1.ahead then w1.t + 1 when w1.whole then w1.me else w1.t + 1 end)::timestamp at time zone p_time_zone,
         (w1.t + 1)::timestamp at time zone p_time_zone,
         -- the end of what is taken out again: the month's end when ahead, else t1 (nothing)
         (case when w1.ahead then w1.tail_end else w1.t + 1 end)::timestamp at time zone p_time_zone
    from w1
$$;
comment on function private.dashboard_period_spans(text, date[], date[], boolean, boolean) is 'Per period i ([p_from[i], p_to[i]], days in p_time_zone): the whole months [ms, me) to read from kept monthly counts (none unless p_whole_months), and the instants t0, tms, tme, t1, tx bounding the days read raw: [t0, tms) and [tme, t1) added, [t1, tx) taken out (a period ending today takes its month whole when p_ahead).';
revoke all on function private.dashboard_period_spans(text, date[], date[], boolean, boolean) from public, anon, authenticated, service_role;
grant execute on function private.dashboard_period_spans(text, date[], date[], boolean, boolean) to authenticated, service_role;

-- The raw days as at most three ranges per period, so that each is read by its own index
-- range scan (one OR of two ranges made the planner read whole tables).
create or replace function private.dashboard_period_days(
  p_time_zone text, p_from date[], p_to date[],
  p_whole_months boolean default true, p_ahead boolean default true)
returns table (i integer, lo timestamptz, hi timestamptz, sign integer)
language sql
stable
set search_path = ''
rows 4
as $$
  with s as (select * from private.dashboard_period_spans(p_time_zone, p_from, p_to, p_whole_months, p_ahead))
  select s.i, s.t0, s.tms, 1 from s where s.t0 < s.tms
  union all
  select s.i, s.tme, s.t1, 1 from s where s.tme < s.t1
  union all
  select s.i, s.t1, s.tx, -1 from s where s.t1 < s.tx
$$;
comment on function private.dashboard_period_days(text, date[], date[], boolean, boolean) is 'Per period i, the raw-day ranges [lo, hi) of dashboard_period_spans with their sign (1 added, -1 taken out).';
revoke all on function private.dashboard_period_days(text, date[], date[], boolean, boolean) from public, anon, authenticated, service_role;
grant execute on function private.dashboard_period_days(text, date[], date[], boolean, boolean) to authenticated, service_role;

-- Period totals -----------------------------------------------------------------------------
-- As in 20261204100400, with the spans and days from dashboard_period_spans and dashboard_period_days.
create or replace function private.dashboard_period_totals(
  p_org_id uuid, p_from date[], p_to date[],
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null, p_partners_created boolean default false)
returns table (
  i integer, referrals_submitted bigint, submitted_value numeric, closed_value numeric,
  referrals_won bigint, referrals_lost bigint, won_value numeric,
  reached_qualified bigint, reached_qualified_value numeric, reached_in_progress bigint,
  reached_in_progress_value numeric, referrals_now_won bigint, won_estimated_value numeric,
  referrals_now_lost bigint, lost_estimated_value numeric,
  commission_earned numeric, commission_recorded numeric, commission_approved numeric,
  commission_paid numeric, commission_settled numeric, partners_created bigint,
  active_partners_created bigint)
language plpgsql
stable
security invoker
set search_path = ''
-- planned with each call's values, always: a cached generic plan cannot see the date ranges
-- and scans whole tables
set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
  return query
    with o as (
      select x.time_zone from public.organizations x
       where x.id = p_org_id and x.id = any ((select private.staff_org_ids()))),
    w as (
      select s.* from o cross join lateral private.dashboard_period_spans(o.time_zone, p_from, p_to) s),
    p as (
      select x.id from public.partners x
       where x.org_id = p_org_id
         and (p_owner_id is null or x.owner_id = p_owner_id)
         and (p_region is null or x.region = p_region)
         and (p_tiers is null or x.tier = any (p_tiers))
         and (p_statuses is null or x.status = any (p_statuses))),
    -- each period's months by index range (the spans are a function the planner cannot size)
    roll as (
      select w.i, b.* from w cross join lateral (
        select sum(r.referrals_submitted) as a, sum(r.submitted_value) as b, sum(r.closed_value) as c,
               sum(r.referrals_won) as d, sum(r.referrals_lost) as e, sum(r.won_value) as f,
               sum(r.reached_qualified) as g, sum(r.reached_qualified_value) as h, sum(r.reached_in_progress) as j,
               sum(r.reached_in_progress_value) as k, sum(r.referrals_now_won) as lw, sum(r.won_estimated_value) as l,
               sum(r.referrals_now_lost) as mw, sum(r.lost_estimated_value) as m,
               sum(r.commission_earned) as n, sum(r.commission_recorded) as q, sum(r.commission_approved) as s,
               sum(r.commission_paid) as u, sum(r.commission_settled) as v, sum(r.partners_created) as pc,
               sum(r.partners_created) filter (where r.status = 'active') as pa
          from public.partner_month_buckets r
         where r.org_id = p_org_id and r.month >= w.ms and r.month < w.me
           and (p_owner_id is null or r.owner_id = p_owner_id)
           and (p_region is null or r.region = p_region)
           and (p_tiers is null or r.tier = any (p_tiers))
           and (p_statuses is null or r.status = any (p_statuses))) b),
    ranges as (
      select d.* from o cross join lateral private.dashboard_period_days(o.time_zone, p_from, p_to) d),
    submitted as (
      select r.i, sum(r.sign * s.a) as a, sum(r.sign * s.b) as b, sum(r.sign * s.g) as g, sum(r.sign * s.h) as h, sum(r.sign * s.j) as j, sum(r.sign * s.k) as k,
             sum(r.sign * s.lw) as lw, sum(r.sign * s.l) as l, sum(r.sign * s.mw) as mw, sum(r.sign * s.m) as m
        from ranges r cross join lateral (
          select count(*) as a, coalesce(sum(x.estimated_value), 0) as b,
                 count(*) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won') as g,
                 coalesce(sum(x.estimated_value) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won'), 0) as h,
                 count(*) filter (where x.in_progress_at is not null or x.status = 'won') as j,
                 coalesce(sum(x.estimated_value) filter (where x.in_progress_at is not null or x.status = 'won'), 0) as k,
                 count(*) filter (where x.status = 'won') as lw,
                 coalesce(sum(x.estimated_value) filter (where x.status = 'won'), 0) as l,
                 count(*) filter (where x.status = 'lost') as mw,
                 coalesce(sum(x.estimated_value) filter (where x.status = 'lost'), 0) as m
            from public.partner_referrals x
           where x.org_id = p_org_id and x.referred_at >= r.lo and x.referred_at < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    closed as (
      select r.i, sum(r.sign * s.c) as c, sum(r.sign * s.d) as d, sum(r.sign * s.e) as e, sum(r.sign * s.f) as f
        from ranges r cross join lateral (
          select coalesce(sum(x.estimated_value), 0) as c, count(*) filter (where x.status = 'won') as d,
                 count(*) filter (where x.status = 'lost') as e,
                 coalesce(sum(x.actual_value) filter (where x.status = 'won'), 0) as f
            from public.partner_referrals x
           where x.org_id = p_org_id and x.closed_at is not null and x.closed_at >= r.lo and x.closed_at < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    earned as (
      select r.i, sum(r.sign * s.n) as n, sum(r.sign * s.q) as q
        from ranges r cross join lateral (
          select coalesce(sum(x.amount) filter (where x.status <> 'void'), 0) as n, coalesce(sum(x.amount), 0) as q
            from public.partner_commissions x
           where x.org_id = p_org_id and x.earned_at >= r.lo and x.earned_at < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    approved as (
      select r.i, sum(r.sign * s.s) as s
        from ranges r cross join lateral (
          select coalesce(sum(x.amount), 0) as s
            from public.partner_commissions x
           where x.org_id = p_org_id and x.approved_at is not null and x.status <> 'void'
             and x.approved_at >= r.lo and x.approved_at < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    paid as (
      select r.i, sum(r.sign * s.u) as u
        from ranges r cross join lateral (
          select coalesce(sum(x.amount), 0) as u
            from public.partner_commissions x
           where x.org_id = p_org_id and x.paid_at is not null and x.paid_at >= r.lo and x.paid_at < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    settled as (
      select r.i, sum(r.sign * s.v) as v
        from ranges r cross join lateral (
          select coalesce(sum(x.amount), 0) as v
            from public.partner_commissions x
           where x.org_id = p_org_id and (x.paid_at is not null or x.voided_at is not null)
             and greatest(x.earned_at, least(x.paid_at, x.voided_at)) >= r.lo
             and greatest(x.earned_at, least(x.paid_at, x.voided_at)) < r.hi
             and ((p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
                  or x.partner_id in (select p.id from p))) s
       group by r.i),
    -- only when asked (the tiles): the series' weeks would each read their partners raw
    created as (
      select r.i, sum(r.sign * s.pc) as pc, sum(r.sign * s.pa) as pa
        from ranges r cross join lateral (
          select count(*) as pc, count(*) filter (where x.status = 'active') as pa
            from public.partners x
           where p_partners_created and x.org_id = p_org_id and x.created_at >= r.lo and x.created_at < r.hi
             and (p_owner_id is null or x.owner_id = p_owner_id)
             and (p_region is null or x.region = p_region)
             and (p_tiers is null or x.tier = any (p_tiers))
             and (p_statuses is null or x.status = any (p_statuses))) s
       group by r.i)
    select w.i,
           (coalesce(roll.a, 0) + coalesce(sb.a, 0))::bigint, coalesce(roll.b, 0) + coalesce(sb.b, 0),
           coalesce(roll.c, 0) + coalesce(cl.c, 0), (coalesce(roll.d, 0) + coalesce(cl.d, 0))::bigint,
           (coalesce(roll.e, 0) + coalesce(cl.e, 0))::bigint, coalesce(roll.f, 0) + coalesce(cl.f, 0),
           (coalesce(roll.g, 0) + coalesce(sb.g, 0))::bigint, coalesce(roll.h, 0) + coalesce(sb.h, 0),
           (coalesce(roll.j, 0) + coalesce(sb.j, 0))::bigint, coalesce(roll.k, 0) + coalesce(sb.k, 0),
           (coalesce(roll.lw, 0) + coalesce(sb.lw, 0))::bigint, coalesce(roll.l, 0) + coalesce(sb.l, 0),
           (coalesce(roll.mw, 0) + coalesce(sb.mw, 0))::bigint, coalesce(roll.m, 0) + coalesce(sb.m, 0),
           coalesce(roll.n, 0) + coalesce(er.n, 0), coalesce(roll.q, 0) + coalesce(er.q, 0),
           coalesce(roll.s, 0) + coalesce(ap.s, 0), coalesce(roll.u, 0) + coalesce(pd.u, 0),
           coalesce(roll.v, 0) + coalesce(st.v, 0),
           case when p_partners_created then (coalesce(roll.pc, 0) + coalesce(cr.pc, 0))::bigint end,
           case when p_partners_created then (coalesce(roll.pa, 0) + coalesce(cr.pa, 0))::bigint end
      from w
      left join roll on roll.i = w.i
      left join submitted sb on sb.i = w.i
      left join closed cl on cl.i = w.i
      left join earned er on er.i = w.i
      left join approved ap on ap.i = w.i
      left join paid pd on pd.i = w.i
      left join settled st on st.i = w.i
      left join created cr on cr.i = w.i
     order by w.i;
end
$$;
comment on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) is 'Sums per period (days in the org''s time zone), and the partners created in it (all, and those active now) when p_partners_created: whole months from partner_month_buckets, the other days from the raw rows. Staff of the org only; security invoker.';
revoke all on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) from public, anon, authenticated, service_role;
grant execute on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) to authenticated, service_role;

-- Service levels ----------------------------------------------------------------------------
-- As in 20261204100500, with the spans and days from dashboard_period_spans and dashboard_period_days.
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
  staff boolean := p_org_id = any ((select private.staff_org_ids()));
  whole boolean := staff and p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null;
begin
  return query
  with o as (
    select x.time_zone from public.organizations x where x.id = p_org_id and p_from <= p_to),
  -- whole months from the counts for staff only; the raw days as at most three ranges
  w as (
    select s.* from o cross join lateral private.dashboard_period_spans(o.time_zone, array[p_from], array[p_to], staff) s),
  ranges as (
    select d.* from o cross join lateral private.dashboard_period_days(o.time_zone, array[p_from], array[p_to], staff) d),
  p as (
    select x.id from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  counts as (
    -- whole months: unfiltered, the organization-wide counts; else the keyed ones
    select h.measure, h.days, h.n
      from w join public.partner_day_counts h on h.org_id = p_org_id and h.month >= w.ms and h.month < w.me
     where not whole
       and (p_owner_id is null or h.owner_id = p_owner_id)
       and (p_region is null or h.region = p_region)
       and (p_tiers is null or h.tier = any (p_tiers))
       and (p_statuses is null or h.status = any (p_statuses))
    union all
    select h.measure, h.days, h.n
      from w join public.organization_day_counts h on h.org_id = p_org_id and h.month >= w.ms and h.month < w.me
     where whole and h.measure <> 'due'
    union all
    -- unfiltered, commissions due are the period's due days summed, nothing read raw
    select 'due', d.paid_on_time::integer, d.commissions
      from public.organization_due_days d
     where whole and d.org_id = p_org_id and d.day >= p_from and d.day <= p_to
    union all
    select 'qualify', private.whole_days(x.referred_at, x.qualified_at), r.sign
      from ranges r join public.partner_referrals x on x.org_id = p_org_id and x.qualified_at is not null
       and x.qualified_at >= r.lo and x.qualified_at < r.hi
     where whole or x.partner_id in (select p.id from p)
    union all
    select 'close', private.whole_days(x.referred_at, x.closed_at), r.sign
      from ranges r join public.partner_referrals x on x.org_id = p_org_id and x.closed_at is not null
       and x.closed_at >= r.lo and x.closed_at < r.hi
     where whole or x.partner_id in (select p.id from p)
    union all
    select 'due', (x.paid_at is not null and x.paid_at <= x.due_at)::integer, r.sign
      from ranges r join public.partner_commissions x on x.org_id = p_org_id and x.status <> 'void'
       and x.due_at >= r.lo and x.due_at < r.hi
     where not whole and x.partner_id in (select p.id from p)),
  agg as (
    select c.measure, c.days, sum(c.n) as n from counts c group by c.measure, c.days having sum(c.n) > 0),
  cum as (
    select a.measure, a.days, a.n,
           sum(a.n) over (partition by a.measure order by a.days) as upto,
           sum(a.n) over (partition by a.measure) as total
      from agg a),
  med as (
    select m.measure, max(m.total)::integer as total,
           round(((min(m.days) filter (where m.upto > (m.total - 1) / 2)
                   + min(m.days) filter (where m.upto > m.total / 2)) / 2.0)::numeric, 1) as median
      from cum m group by m.measure),
  due as (
    select coalesce(sum(a.n), 0)::integer as due, coalesce(sum(a.n) filter (where a.days = 1), 0)::integer as on_time
      from agg a where a.measure = 'due')
  select q.median, coalesce(q.total, 0), cl.median, coalesce(cl.total, 0), d.due, d.on_time,
         case when d.due > 0 then round(d.on_time::numeric / d.due, 4) end,
         od.n, od.amount, t.n
    from o
    cross join due d
    left join med q on q.measure = 'qualify'
    left join med cl on cl.measure = 'close'
   cross join lateral (
     select count(*)::integer as n, coalesce(sum(x.amount), 0) as amount
       from public.partner_commissions x
      where x.org_id = p_org_id and x.status in ('pending', 'approved') and x.due_at < now()
        and (whole or x.partner_id in (select p.id from p))) od
   cross join lateral (
     -- unfiltered staff: the kept open tasks per due day before today; else the rows
     select case when whole
                 then (select coalesce(sum(k.tasks), 0) from public.partner_open_task_days k
                        where k.org_id = p_org_id and k.due_date < (now() at time zone o.time_zone)::date)
                 else (select count(*) from public.partner_tasks x
                        where x.org_id = p_org_id and x.status in ('todo', 'in_progress')
                          and x.due_date < (now() at time zone o.time_zone)::date
                          and x.partner_id in (select p.id from p))
            end::integer as n) t;
end
$$;
comment on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard service levels: median whole days submitted to qualified (qualified in the period) and to closed (closed in the period); share of non-void commissions due in the period paid by their due date; overdue commissions and tasks now. Staff read whole months from partner_day_counts; unfiltered, from organization_day_counts, with commissions due from organization_due_days and overdue tasks from partner_open_task_days. Security invoker.';

-- Leaders -----------------------------------------------------------------------------------
-- As in 20261204100300, with the spans and days from dashboard_period_spans and dashboard_period_days.
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
  tz text;
  period_end timestamptz;
  quiet_before timestamptz;
  -- boards with more rows than this at their cut are walked by name instead of sorted
  ties_sorted constant integer := 1000;
  fresh_cut integer;
  fresh_ties integer;
  won_cut numeric;
  won_seen integer;
  won_floor numeric;
  won_all_seen boolean;
  top_n integer := greatest(coalesce(p_limit, 5), 1);
  unfiltered boolean := p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null;
  kept boolean;
begin
  select x.time_zone into tz from public.organizations x where x.id = p_org_id;
  if tz is null or p_from > p_to then
    return;
  end if;
  period_end := (p_to + 1)::timestamp at time zone tz;
  quiet_before := period_end - interval '90 days';
  kept := staff
      and p_to >= (now() at time zone tz)::date
      and exists (select from public.partner_window_starts s where s.org_id = p_org_id and s.window_start = p_from);

  if kept and unfiltered
     and not exists (select from public.partner_referrals x where x.org_id = p_org_id and x.referred_at >= period_end)
     and not exists (select from public.partner_referrals x where x.org_id = p_org_id and x.closed_at >= period_end) then
    -- nothing after the period's end: the kept totals are the period's, read in index order.
    -- A board's n-th value is its cut: the rows above it (fewer than n) come first, then the
    -- rows at it by name. A few rows at the cut are sorted; many (at a million partners tens
    -- of thousands share the top count) are met walking the partners by name instead.
    select min(c.nf) into fresh_cut from (
      select k.referrals_submitted as nf from public.partner_window_totals k
       where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted > 0
       order by k.referrals_submitted desc limit top_n) c;
    select count(*) into fresh_ties from (
      select from public.partner_window_totals k
       where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted = fresh_cut
       limit ties_sorted) c;
    return query
    with top as (
      select t.nf, t.id, t.name from (
        select k.referrals_submitted as nf, x.id, x.name
          from public.partner_window_totals k join public.partners x on x.id = k.partner_id
         where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted > fresh_cut
        union all
        (select k.referrals_submitted, x.id, x.name
           from public.partner_window_totals k join public.partners x on x.id = k.partner_id
          where fresh_ties < ties_sorted
            and k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted = fresh_cut
          order by x.name, x.id limit top_n)
        union all
        (select fresh_cut, x.id, x.name
           from public.partners x
          where fresh_ties >= ties_sorted and x.org_id = p_org_id
            and exists (select from public.partner_window_totals k
                         where k.partner_id = x.id and k.window_start = p_from and k.referrals_submitted = fresh_cut)
          order by x.name, x.id limit top_n)) t
       order by t.nf desc, t.name, t.id limit top_n)
    select 'new_referrals'::text, (row_number() over (order by t.nf desc, t.name, t.id))::integer,
           (select s.partners_submitting from public.partner_window_starts s
             where s.org_id = p_org_id and s.window_start = p_from),
           t.id, t.name, null::numeric, t.nf, null::timestamptz
      from top t
     order by 2;

    return query
    with cut as (
      select min(c.at) as at from (
        select l.last_referred_at as at from public.partner_last_referrals l
          join public.partners x on x.id = l.partner_id and x.archived_at is null
         where l.org_id = p_org_id and l.last_referred_at < period_end - interval '90 days'
         order by l.last_referred_at desc limit top_n) c),
    top as (
      select l.last_referred_at as at, x.id, x.name
        from public.partner_last_referrals l
        join public.partners x on x.id = l.partner_id and x.archived_at is null
       where l.org_id = p_org_id and l.last_referred_at < period_end - interval '90 days'
         and l.last_referred_at >= (select cut.at from cut)
       order by 1 desc, 3, 2 limit top_n)
    select 'quiet'::text, (row_number() over (order by t.at desc, t.name, t.id))::integer,
           -- the kept days before the cut-off's UTC day, and that day's partners read
           ((select coalesce(sum(d.partners), 0) from public.partner_last_referral_days d
              where d.org_id = p_org_id and d.day < (quiet_before at time zone 'UTC')::date)
          + (select count(*) from public.partner_last_referrals l
               join public.partners x on x.id = l.partner_id and x.archived_at is null
              where l.org_id = p_org_id and l.last_referred_at < quiet_before
                and l.last_referred_at >= ((quiet_before at time zone 'UTC')::date)::timestamp at time zone 'UTC'))::integer,
           t.id, t.name, null::numeric, null::integer, t.at
      from top t
     order by 2;

    -- won_value is numeric, whose comparisons RLS keeps out of index conditions: the board is
    -- read in the index's order instead, its first rows up to ties_sorted past the cut. They
    -- hold the whole board unless they all reach down to the cut; then the rows at the cut
    -- are met walking the partners by name.
    select min(c.v) into won_cut from (
      select k.won_value as v from public.partner_window_totals k
       where k.org_id = p_org_id and k.window_start = p_from and k.won_value > 0 and k.referrals_won > 0
       order by k.won_value desc limit top_n) c;
    select count(*), min(c.v) into won_seen, won_floor from (
      select k.won_value as v from public.partner_window_totals k
       where k.org_id = p_org_id and k.window_start = p_from and k.won_value > 0 and k.referrals_won > 0
       order by k.won_value desc limit top_n + ties_sorted) c;
    won_all_seen := won_seen < top_n + ties_sorted or won_floor < won_cut;
    return query
    with top as (
      select t.v, t.nw, t.id, t.name from (
        select w.v, w.nw, x.id, x.name
          from (select k.won_value as v, k.referrals_won as nw, k.partner_id from public.partner_window_totals k
                 where k.org_id = p_org_id and k.window_start = p_from and k.won_value > 0 and k.referrals_won > 0
                 order by k.won_value desc limit top_n + ties_sorted) w
          join public.partners x on x.id = w.partner_id
         where w.v > won_cut or (won_all_seen and w.v = won_cut)
        union all
        (select won_cut, k.referrals_won, x.id, x.name
           from public.partners x
           join public.partner_window_totals k on k.partner_id = x.id and k.window_start = p_from
          where not won_all_seen and x.org_id = p_org_id and k.won_value = won_cut and k.referrals_won > 0
          order by x.name, x.id limit top_n)) t
       order by t.v desc, t.name, t.id limit top_n)
    select 'won_value'::text, (row_number() over (order by t.v desc, t.name, t.id))::integer,
           (select s.partners_winning from public.partner_window_starts s
             where s.org_id = p_org_id and s.window_start = p_from),
           t.id, t.name, t.v, t.nw, null::timestamptz
      from top t
     order by 2;
    return;
  end if;

  if kept then
    -- a filter, or rows after the period's end: the kept totals, adjusted and joined
    return query
    with
    -- what the kept totals hold beyond the period's end (future-dated rows; normally none)
    after_end as (
      select x.partner_id,
             coalesce(sum(x.actual_value) filter (where x.status = 'won' and x.closed_at >= period_end), 0) as v,
             count(*) filter (where x.status = 'won' and x.closed_at >= period_end)::integer as nw,
             count(*) filter (where x.referred_at >= period_end)::integer as nf
        from public.partner_referrals x
       where x.org_id = p_org_id and (x.referred_at >= period_end or (x.status = 'won' and x.closed_at >= period_end))
       group by x.partner_id),
    totals as (
      select k.partner_id, k.won_value - coalesce(a.v, 0) as v, k.referrals_won - coalesce(a.nw, 0) as nw,
             k.referrals_submitted - coalesce(a.nf, 0) as nf
        from public.partner_window_totals k
        left join after_end a on a.partner_id = k.partner_id
       where k.org_id = p_org_id and k.window_start = p_from),
    p as (
      select x.id from public.partners x
       where x.org_id = p_org_id
         and (p_owner_id is null or x.owner_id = p_owner_id)
         and (p_region is null or x.region = p_region)
         and (p_tiers is null or x.tier = any (p_tiers))
         and (p_statuses is null or x.status = any (p_statuses))),
    won as (select t.* from totals t where t.nw > 0 and t.v > 0 and (unfiltered or t.partner_id in (select p.id from p))),
    fresh as (select t.* from totals t where t.nf > 0 and (unfiltered or t.partner_id in (select p.id from p))),
    -- each board's n-th value: the rows at or above it are the candidates, ties included
    won_cut as (select min(c.v) as v from (select w.v from won w order by w.v desc limit top_n) c),
    fresh_cut as (select min(c.nf) as nf from (select f.nf from fresh f order by f.nf desc limit top_n) c),
    won_top as (
      select w.v, w.nw, x.id, x.name from won w join public.partners x on x.id = w.partner_id
       where w.v >= (select won_cut.v from won_cut)
       order by w.v desc, x.name, x.id limit top_n),
    fresh_top as (
      select f.nf, x.id, x.name from fresh f join public.partners x on x.id = f.partner_id
       where f.nf >= (select fresh_cut.nf from fresh_cut)
       order by f.nf desc, x.name, x.id limit top_n),
    last_before as (
      select l.partner_id, l.last_referred_at as at
        from public.partner_last_referrals l
       where l.org_id = p_org_id and l.last_referred_at < period_end - interval '90 days'
      union all
      select l.partner_id, b.at
        from public.partner_last_referrals l
       cross join lateral (
         select max(x.referred_at) as at from public.partner_referrals x
          where x.partner_id = l.partner_id and x.org_id = p_org_id and x.referred_at < period_end) b
       where l.org_id = p_org_id and l.last_referred_at >= period_end and b.at < period_end - interval '90 days'),
    still as (
      select q.at, x.id, x.name
        from last_before q join public.partners x on x.id = q.partner_id
       where x.archived_at is null
         and (p_owner_id is null or x.owner_id = p_owner_id)
         and (p_region is null or x.region = p_region)
         and (p_tiers is null or x.tier = any (p_tiers))
         and (p_statuses is null or x.status = any (p_statuses))),
    still_top as (select s.at, s.id, s.name from still s order by s.at desc, s.name, s.id limit top_n),
    boards as (
      select 'won_value'::text as board, (row_number() over (order by t.v desc, t.name, t.id))::integer as rank,
             (select count(*) from won)::integer as total, t.id, t.name, t.v, t.nw as n, null::timestamptz as at
        from won_top t
      union all
      select 'new_referrals', (row_number() over (order by t.nf desc, t.name, t.id))::integer,
             (select count(*) from fresh)::integer, t.id, t.name, null, t.nf, null
        from fresh_top t
      union all
      select 'quiet', (row_number() over (order by t.at desc, t.name, t.id))::integer,
             (select count(*) from still)::integer, t.id, t.name, null, null, t.at
        from still_top t)
    select b.board, b.rank, b.total, b.id, b.name, b.v, b.n, b.at
      from boards b
     order by b.board, b.rank;
    return;
  end if;

  return query
  with o as (
    select x.time_zone,
           p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  -- whole months [ms, me) from the roll-ups, the days at the edges raw
  w as (
    select s.* from o cross join lateral private.dashboard_period_spans(o.time_zone, array[p_from], array[p_to], true, false) s),
  ranges as (
    select d.* from o cross join lateral private.dashboard_period_days(o.time_zone, array[p_from], array[p_to], true, false) d),
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
      from ranges rg join public.partner_referrals x on x.org_id = p_org_id and x.status = 'won' and x.closed_at is not null
       and x.closed_at >= rg.lo and x.closed_at < rg.hi
     where staff
    union all
    select x.partner_id, 0, 0, 1
      from ranges rg join public.partner_referrals x on x.org_id = p_org_id
       and x.referred_at >= rg.lo and x.referred_at < rg.hi
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
    -- staff: the kept date, unless the partner has referrals after the period's end
    select l.partner_id as id, l.last_referred_at as at
      from public.partner_last_referrals l
     where staff and l.org_id = p_org_id and l.last_referred_at < period_end - interval '90 days'
    union all
    select l.partner_id, b.at
      from public.partner_last_referrals l
     cross join lateral (
       select max(x.referred_at) as at from public.partner_referrals x
        where x.partner_id = l.partner_id and x.org_id = p_org_id and x.referred_at < period_end) b
     where staff and l.org_id = p_org_id and l.last_referred_at >= period_end and b.at < period_end - interval '90 days'
    -- not staff: one probe per partner, under RLS
    union all
    select p.id, l.at
      from p
     cross join lateral (
       select max(x.referred_at) as at from public.partner_referrals x
        where x.partner_id = p.id and x.org_id = p_org_id and x.referred_at < period_end) l
     where not staff and l.at < period_end - interval '90 days'),
  won as (select s.v, s.nw, p.id, p.name from sums s join p on p.id = s.partner_id where s.nw > 0 and s.v > 0),
  fresh as (select s.nf, p.id, p.name from sums s join p on p.id = s.partner_id where s.nf > 0),
  still as (select q.at, p.id, p.name from quiet q join p on p.id = q.id where p.archived_at is null),
  boards as (
    select 'won_value'::text as board, row_number() over (order by t.v desc, t.name, t.id)::integer as rank,
           (select count(*) from won)::integer as total, t.id, t.name, t.v, t.nw as n, null::timestamptz as at
      from (select * from won order by won.v desc, won.name, won.id limit top_n) t
    union all
    select 'new_referrals', row_number() over (order by t.nf desc, t.name, t.id)::integer,
           (select count(*) from fresh)::integer, t.id, t.name, null, t.nf, null
      from (select * from fresh order by fresh.nf desc, fresh.name, fresh.id limit top_n) t
    union all
    select 'quiet', row_number() over (order by t.at desc, t.name, t.id)::integer,
           (select count(*) from still)::integer, t.id, t.name, null, null, t.at
      from (select * from still order by still.at desc, still.name, still.id limit top_n) t)
  select b.board, b.rank, b.total, b.id, b.name, b.v, b.n, b.at
    from boards b
   order by b.board, b.rank;
end
$$;
comment on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) is 'Dashboard leaders: top p_limit partners by won value (won, closed in the period) and by referrals submitted in the period, and quiet partners (not archived; last referral before the period''s end minus 90 days), with each board''s full size. Staff read kept window totals and board sizes for a period that starts on a kept window and runs to today, the monthly roll-ups otherwise, and kept last-referral dates and day counts. Security invoker.';
