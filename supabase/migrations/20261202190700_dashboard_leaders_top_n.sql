-- Leaders at a million referrals, second pass: the roll-ups are read off a covering index
-- (no visit to the table's pages), and each board ranks only its first p_limit rows (a top-N
-- sort) and counts the rest, instead of numbering every partner. Same answers as before.

create index partner_monthly_rollups_org_month_leaders_idx on public.partner_monthly_rollups (org_id, month)
  include (partner_id, won_value, referrals_won, referrals_submitted);

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
  lim as (select greatest(coalesce(p_limit, 5), 1) as n),
  -- each board's size, and only its first p_limit rows ranked (a top-N sort, not every row)
  won as (select s.v, s.nw, p.id, p.name from sums s join p on p.id = s.partner_id where s.nw > 0 and s.v > 0),
  fresh as (select s.nf, p.id, p.name from sums s join p on p.id = s.partner_id where s.nf > 0),
  still as (select q.at, p.id, p.name from quiet q join p on p.id = q.id),
  boards as (
    select 'won_value'::text as board, row_number() over (order by t.v desc, t.name, t.id)::integer as rank,
           (select count(*) from won)::integer as total, t.id, t.name, t.v, t.nw as n, null::timestamptz as at
      from (select * from won order by won.v desc, won.name, won.id limit (select lim.n from lim)) t
    union all
    select 'new_referrals', row_number() over (order by t.nf desc, t.name, t.id)::integer,
           (select count(*) from fresh)::integer, t.id, t.name, null, t.nf, null
      from (select * from fresh order by fresh.nf desc, fresh.name, fresh.id limit (select lim.n from lim)) t
    union all
    select 'quiet', row_number() over (order by t.at desc, t.name, t.id)::integer,
           (select count(*) from still)::integer, t.id, t.name, null, null, t.at
      from (select * from still order by still.at desc, still.name, still.id limit (select lim.n from lim)) t)
  select b.board, b.rank, b.total, b.id, b.name, b.v, b.n, b.at
    from boards b
   order by b.board, b.rank;
end
$$;
comment on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) is 'Dashboard leaders: top p_limit partners by won value (won, closed in the period) and by referrals submitted in the period, and quiet partners (not archived; last referral before the period''s end minus 90 days), with each board''s full size. Staff read whole months from the monthly roll-ups. Security invoker.';
