-- The leaders' top rows when many partners share a board's cut. On the kept path the rows at
-- or above the n-th value were all joined to their partners and sorted by name; at a million
-- partners 35k share the top referral count, so the new-referrals board sorted 35k rows
-- (~0.3 s). Now each cut is worked out first, the rows above it read in index order, and the
-- rows at it sorted when there are few or else met walking the partners by name
-- (partners_org_name_idx) until the board is full. The won board is read in its index's
-- order only: RLS keeps numeric comparisons out of index conditions, and asked for the rows
-- at a won value it read the whole window (~0.1 s a query).

-- The won board's rows alone, in order: a walk of the window's index by won value went on
-- through every partner without won value once the few with it were read.
create index partner_window_totals_winning_idx on public.partner_window_totals
  (org_id, window_start, won_value desc) include (partner_id, referrals_won)
  where won_value > 0 and referrals_won > 0;

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
  -- the raw days as at most two ranges, each read by its own index range scan
  ranges as (
    select w.t0 as lo, w.tms as hi from w where w.t0 < w.tms
    union all
    select w.tme, w.t1 from w where w.tme < w.t1),
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
