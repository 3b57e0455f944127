-- The dashboard's raw days (the part-months at a period's edges) read by index range scans.
-- Each period's raw days were one OR of two time ranges joined to the periods, which the
-- planner could only answer by reading every referral and commission of the organization
-- (a year's trend by month: 13 periods, ~7 s at a million referrals). Each range is now read
-- on its own through the (org_id, date) indexes. A period ending today takes its last month
-- whole from the buckets, less the month's days still to come (normally none), instead of
-- reading today's rows. Same answers; tests/db/41 and 42 hold them.

create or replace function private.dashboard_period_totals(
  p_org_id uuid, p_from date[], p_to date[],
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  i integer, referrals_submitted bigint, submitted_value numeric, closed_value numeric,
  referrals_won bigint, referrals_lost bigint, won_value numeric,
  reached_qualified bigint, reached_qualified_value numeric, reached_in_progress bigint,
  reached_in_progress_value numeric, referrals_now_won bigint, won_estimated_value numeric,
  referrals_now_lost bigint, lost_estimated_value numeric,
  commission_earned numeric, commission_recorded numeric, commission_approved numeric,
  commission_paid numeric, commission_settled numeric)
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
    w0 as (
      select u.i::integer as i, u.f, u.t,
             case when extract(day from u.f) = 1 then u.f else (date_trunc('month', u.f) + interval '1 month')::date end as ms,
             date_trunc('month', u.t + 1)::date as me
        from unnest(p_from, p_to) with ordinality as u(f, t, i)
       where u.f <= u.t),
    w1 as (
      -- "ahead": the period ends inside a month it covers from the 1st and the rest of that
      -- month has not begun (a period ending today). The whole month is then read from the
      -- buckets, less the rest of it read raw, which is normally empty; else the days of the
      -- period inside that month would be read raw, and today's are the busiest.
      select w0.*, o.time_zone,
             (extract(day from w0.t + 1) <> 1 and w0.ms <= date_trunc('month', w0.t)::date
              and (w0.t + 1)::timestamp at time zone o.time_zone >= now()) as ahead,
             (date_trunc('month', w0.t) + interval '1 month')::date as tail_end
        from w0 cross join o),
    w as (
      -- no whole month inside: every day is read raw, [t0, t1) and an empty [t1, t1)
      select w1.i,
             case when w1.ahead or w1.ms < w1.me then w1.ms else w1.t + 1 end as ms,
             case when w1.ahead then w1.tail_end when w1.ms < w1.me then w1.me else w1.t + 1 end as me,
             w1.f::timestamp at time zone w1.time_zone as t0,
             (case when w1.ahead or w1.ms < w1.me then w1.ms else w1.t + 1 end)::timestamp at time zone w1.time_zone as tms,
             (case when w1.ahead then w1.t + 1 when w1.ms < w1.me then w1.me else w1.t + 1 end)::timestamp at time zone w1.time_zone as tme,
             (w1.t + 1)::timestamp at time zone w1.time_zone as t1,
             -- the end of what is taken out again: the month's end when ahead, else t1 (nothing)
             (case when w1.ahead then w1.tail_end else w1.t + 1 end)::timestamp at time zone w1.time_zone as tx
        from w1),
    p as (
      select x.id from public.partners x
       where x.org_id = p_org_id
         and (p_owner_id is null or x.owner_id = p_owner_id)
         and (p_region is null or x.region = p_region)
         and (p_tiers is null or x.tier = any (p_tiers))
         and (p_statuses is null or x.status = any (p_statuses))),
    roll as (
      select w.i, sum(r.referrals_submitted) as a, sum(r.submitted_value) as b, sum(r.closed_value) as c,
             sum(r.referrals_won) as d, sum(r.referrals_lost) as e, sum(r.won_value) as f,
             sum(r.reached_qualified) as g, sum(r.reached_qualified_value) as h, sum(r.reached_in_progress) as j,
             sum(r.reached_in_progress_value) as k, sum(r.referrals_now_won) as lw, sum(r.won_estimated_value) as l,
             sum(r.referrals_now_lost) as mw, sum(r.lost_estimated_value) as m,
             sum(r.commission_earned) as n, sum(r.commission_recorded) as q, sum(r.commission_approved) as s,
             sum(r.commission_paid) as u, sum(r.commission_settled) as v
        from w join public.partner_month_buckets r on r.org_id = p_org_id and r.month >= w.ms and r.month < w.me
       where (p_owner_id is null or r.owner_id = p_owner_id)
         and (p_region is null or r.region = p_region)
         and (p_tiers is null or r.tier = any (p_tiers))
         and (p_statuses is null or r.status = any (p_statuses))
       group by w.i),
    -- the raw days as at most two ranges per period, each read by its own index range scan
    -- (one OR of two ranges per period made the planner scan whole tables)
    ranges as (
      select w.i, w.t0 as lo, w.tms as hi, 1 as sign from w where w.t0 < w.tms
      union all
      select w.i, w.tme, w.t1, 1 from w where w.tme < w.t1
      union all
      select w.i, w.t1, w.tx, -1 from w where w.t1 < w.tx),
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
           coalesce(roll.v, 0) + coalesce(st.v, 0)
      from w
      left join roll on roll.i = w.i
      left join submitted sb on sb.i = w.i
      left join closed cl on cl.i = w.i
      left join earned er on er.i = w.i
      left join approved ap on ap.i = w.i
      left join paid pd on pd.i = w.i
      left join settled st on st.i = w.i
     order by w.i;
end
$$;
comment on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) is 'Sums per period (days in the org''s time zone): whole months from partner_month_buckets, the other days from the raw rows. Staff of the org only; security invoker.';
revoke all on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) from public, anon;
grant execute on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) to authenticated, service_role;
