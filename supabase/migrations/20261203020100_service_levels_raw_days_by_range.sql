-- The service levels' part-month days read by index range scan, as the period totals are
-- (20261203020000): each raw branch joined one OR of two time ranges, which the planner
-- answered by reading every qualified referral of the organization (~0.7 s at a million).
-- A period ending today reads its last month whole from the counts less the days to come.

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
    select x.time_zone,
           p_from::timestamp at time zone x.time_zone as t0,
           (p_to + 1)::timestamp at time zone x.time_zone as t1,
           case when extract(day from p_from) = 1 then p_from
                else (date_trunc('month', p_from) + interval '1 month')::date end as ms0,
           date_trunc('month', p_to + 1)::date as me0
      from public.organizations x where x.id = p_org_id and p_from <= p_to),
  w1 as (
    -- "ahead" (staff): the period ends inside a month it covers from the 1st and the rest of
    -- that month has not begun (a period ending today); that month is then read whole from the
    -- counts, less the rest of it read raw, instead of reading the period's days of it raw
    select o.*,
           (staff and extract(day from p_to + 1) <> 1 and o.ms0 <= date_trunc('month', p_to)::date
            and o.t1 >= now()) as ahead,
           (date_trunc('month', p_to) + interval '1 month')::date as tail_end
      from o),
  w as (
    -- whole months [ms, me) from the counts (staff), the days [t0, tms) and [tme, t1) raw,
    -- and [t1, tx) taken out again when ahead
    select w1.time_zone, w1.t0, w1.t1,
           case when w1.ahead or (staff and w1.ms0 < w1.me0) then w1.ms0 else p_to + 1 end as ms,
           case when w1.ahead then w1.tail_end when staff and w1.ms0 < w1.me0 then w1.me0 else p_to + 1 end as me,
           (case when w1.ahead or (staff and w1.ms0 < w1.me0) then w1.ms0 else p_to + 1 end)::timestamp at time zone w1.time_zone as tms,
           (case when w1.ahead then p_to + 1 when staff and w1.ms0 < w1.me0 then w1.me0 else p_to + 1 end)::timestamp at time zone w1.time_zone as tme,
           (case when w1.ahead then w1.tail_end else p_to + 1 end)::timestamp at time zone w1.time_zone as tx
      from w1),
  -- the raw days as at most three ranges, each read by its own index range scan
  ranges as (
    select w.t0 as lo, w.tms as hi, 1 as sign from w where w.t0 < w.tms
    union all
    select w.tme, w.t1, 1 from w where w.tme < w.t1
    union all
    select w.t1, w.tx, -1 from w where w.t1 < w.tx),
  p as (
    select x.id from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
  counts as (
    select h.measure, h.days, h.n
      from w join public.partner_day_counts h on h.org_id = p_org_id and h.month >= w.ms and h.month < w.me
     where (p_owner_id is null or h.owner_id = p_owner_id)
       and (p_region is null or h.region = p_region)
       and (p_tiers is null or h.tier = any (p_tiers))
       and (p_statuses is null or h.status = any (p_statuses))
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
     where whole or x.partner_id in (select p.id from p)),
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
     select count(*)::integer as n
       from public.partner_tasks x
      where x.org_id = p_org_id and x.status in ('todo', 'in_progress')
        and x.due_date < (now() at time zone o.time_zone)::date
        and (whole or x.partner_id in (select p.id from p))) t;
end
$$;
comment on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard service levels: median whole days submitted to qualified (qualified in the period) and to closed (closed in the period); share of non-void commissions due in the period paid by their due date; overdue commissions and tasks now. Staff read whole months from partner_day_counts. Security invoker.';
