-- The tiles' "new partners" from kept counts. It counted the partners created in the period
-- and in the one before by index range on created_at, every entry of both (~660k at a million
-- partners, ~0.08 s of the tiles' ~0.4 s). partner_month_buckets now also counts the partners
-- created in each month (organization time zone) per filter key, kept by triggers on
-- partners, so dashboard_period_totals answers it as it does its other sums: whole months
-- from the buckets, the days at a period's edges from the rows by index range.

alter table public.partner_month_buckets add column partners_created bigint not null default 0;
comment on column public.partner_month_buckets.partners_created is 'Partners with this key created in the month (created_at in the organization''s time zone).';

-- Partners created, deleted or moved (key or created_at), as signed counts per bucket, in
-- key order. Additions upsert; a bucket that is already gone (its organization going) is not
-- made again, so a delete only updates.
create or replace function private.created_partner_buckets_after_partners()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    update public.partner_month_buckets b
       set partners_created = b.partners_created - d.n
      from (select o.org_id, date_trunc('month', o.created_at at time zone z.time_zone)::date as month,
                   o.status, o.tier, o.owner_id, o.region, count(*) as n
              from old_rows o join public.organizations z on z.id = o.org_id
             group by 1, 2, 3, 4, 5, 6) d
     where b.org_id = d.org_id and b.month = d.month and b.status = d.status and b.tier = d.tier
       and b.owner_id is not distinct from d.owner_id and b.region is not distinct from d.region;
    return null;
  end if;
  if tg_op = 'INSERT' then
    insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, partners_created)
    select n.org_id, date_trunc('month', n.created_at at time zone z.time_zone)::date, n.status, n.tier, n.owner_id, n.region, count(*)
      from new_rows n join public.organizations z on z.id = n.org_id
     group by 1, 2, 3, 4, 5, 6
     order by 1, 2, 3, 4, 5, 6
    on conflict on constraint partner_month_buckets_key do update
       set partners_created = b.partners_created + excluded.partners_created;
    return null;
  end if;
  -- an update moves only the partners whose key or creation month may have changed
  insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, partners_created)
  select c.org_id, c.month, c.status, c.tier, c.owner_id, c.region, sum(c.n)
    from (
      select k.*
        from new_rows n join old_rows o on o.id = n.id
       cross join lateral (
         select n.org_id, date_trunc('month', n.created_at at time zone z.time_zone)::date as month,
                n.status, n.tier, n.owner_id, n.region, 1 as n
           from public.organizations z where z.id = n.org_id
         union all
         select o.org_id, date_trunc('month', o.created_at at time zone z.time_zone)::date,
                o.status, o.tier, o.owner_id, o.region, -1
           from public.organizations z where z.id = o.org_id) k
       where (n.status, n.tier, n.owner_id, n.region, n.created_at, n.org_id)
             is distinct from (o.status, o.tier, o.owner_id, o.region, o.created_at, o.org_id)) c
   group by 1, 2, 3, 4, 5, 6
  having sum(c.n) <> 0
   order by 1, 2, 3, 4, 5, 6
  on conflict on constraint partner_month_buckets_key do update
     set partners_created = b.partners_created + excluded.partners_created;
  return null;
end
$$;
comment on function private.created_partner_buckets_after_partners() is 'AFTER ... FOR EACH STATEMENT on partners: keeps partner_month_buckets.partners_created as partners are created, deleted, or change key or created_at.';
revoke all on function private.created_partner_buckets_after_partners() from public, anon, authenticated;

create trigger partners_created_buckets_insert after insert on public.partners
  referencing new table as new_rows for each statement execute function private.created_partner_buckets_after_partners();
create trigger partners_created_buckets_update after update on public.partners
  referencing old table as old_rows new table as new_rows for each statement execute function private.created_partner_buckets_after_partners();
create trigger partners_created_buckets_delete after delete on public.partners
  referencing old table as old_rows for each statement execute function private.created_partner_buckets_after_partners();

-- The organization's partners counted into its buckets again: its months are other instants
-- after a time zone change, and the bulk load of db:seed:scale sets the triggers aside.
create or replace function private.count_created_partner_buckets(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.partner_month_buckets in exclusive mode;
  update public.partner_month_buckets b set partners_created = 0 where b.org_id = p_org_id and b.partners_created <> 0;
  insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, partners_created)
  select p.org_id, date_trunc('month', p.created_at at time zone z.time_zone)::date, p.status, p.tier, p.owner_id, p.region, count(*)
    from public.partners p join public.organizations z on z.id = p.org_id
   where p.org_id = p_org_id
   group by 1, 2, 3, 4, 5, 6
  on conflict on constraint partner_month_buckets_key do update set partners_created = excluded.partners_created;
end
$$;
comment on function private.count_created_partner_buckets(uuid) is 'Recounts the organization''s partner_month_buckets.partners_created from its partners.';
revoke all on function private.count_created_partner_buckets(uuid) from public, anon, authenticated;

create or replace function private.created_partner_buckets_after_time_zone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.count_created_partner_buckets(new.id);
  return null;
end
$$;
comment on function private.created_partner_buckets_after_time_zone() is 'AFTER UPDATE OF time_zone on organizations: its partners'' creation months are other months now, so they are counted again.';
revoke all on function private.created_partner_buckets_after_time_zone() from public, anon, authenticated;
create trigger organizations_created_buckets_time_zone after update of time_zone on public.organizations
  for each row when (old.time_zone is distinct from new.time_zone) execute function private.created_partner_buckets_after_time_zone();

-- db:seed:scale rebuilds the buckets after loading with triggers set aside: the partner
-- counts come with them
create or replace function private.rebuild_partner_month_buckets(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.partner_month_buckets in exclusive mode;
  delete from public.partner_month_buckets where org_id = p_org_id;
  insert into public.partner_month_buckets (org_id, month, status, tier, owner_id, region, referrals_submitted, submitted_value, closed_value, referrals_won, referrals_lost, won_value, reached_qualified, reached_qualified_value, reached_in_progress, reached_in_progress_value, referrals_now_won, won_estimated_value, referrals_now_lost, lost_estimated_value, commission_earned, commission_recorded, commission_approved, commission_paid, commission_settled)
  select r.org_id, r.month, p.status, p.tier, p.owner_id, p.region, sum(r.referrals_submitted), sum(r.submitted_value), sum(r.closed_value), sum(r.referrals_won), sum(r.referrals_lost), sum(r.won_value), sum(r.reached_qualified), sum(r.reached_qualified_value), sum(r.reached_in_progress), sum(r.reached_in_progress_value), sum(r.referrals_now_won), sum(r.won_estimated_value), sum(r.referrals_now_lost), sum(r.lost_estimated_value), sum(r.commission_earned), sum(r.commission_recorded), sum(r.commission_approved), sum(r.commission_paid), sum(r.commission_settled)
    from public.partner_monthly_rollups r join public.partners p on p.id = r.partner_id
   where r.org_id = p_org_id
   group by r.org_id, r.month, p.status, p.tier, p.owner_id, p.region;
  perform private.count_created_partner_buckets(p_org_id);
end
$$;
comment on function private.rebuild_partner_month_buckets(uuid) is 'Recomputes an organization''s partner_month_buckets from partner_monthly_rollups and partners (set-wise), partners_created included. For the backfill, db:seed:scale and repairs.';
revoke all on function private.rebuild_partner_month_buckets(uuid) from public, anon, authenticated;

select private.count_created_partner_buckets(o.id) from public.organizations o;

-- Period totals ----------------------------------------------------------------------------
-- As in 20261203020000, with the partners created in each period when asked (the tiles ask;
-- the series and the funnel do not): a new column and argument, so the function is made again.

drop function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]);

create function private.dashboard_period_totals(
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
  commission_paid numeric, commission_settled numeric, partners_created bigint)
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
             sum(r.commission_paid) as u, sum(r.commission_settled) as v, sum(r.partners_created) as pc
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
       group by r.i),
    -- only when asked (the tiles): the series' weeks would each read their partners raw
    created as (
      select r.i, sum(r.sign * s.pc) as pc
        from ranges r cross join lateral (
          select count(*) as pc
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
           case when p_partners_created then (coalesce(roll.pc, 0) + coalesce(cr.pc, 0))::bigint end
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
comment on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) is 'Sums per period (days in the org''s time zone), and the partners created in it when p_partners_created: whole months from partner_month_buckets, the other days from the raw rows. Staff of the org only; security invoker.';
revoke all on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) from public, anon, authenticated, service_role;
grant execute on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[], boolean) to authenticated, service_role;

-- Tiles -------------------------------------------------------------------------------------
-- As in 20261203020300, but new partners come with the period totals.
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
     where x.id = p_org_id and x.id = any ((select private.staff_org_ids()))
       and p_from is not null and p_to is not null and p_from <= p_to),
  prev as (select p_from - (p_to - p_from + 1) as f, p_from - 1 as t),
  -- 1: the period, 2: the one before, 3: from the period's end on (to go back from now)
  tot as (
    select x.* from prev cross join lateral private.dashboard_period_totals(p_org_id,
             array[p_from, prev.f, p_to + 1], array[p_to, prev.t, '2999-12-31'::date],
             p_owner_id, p_region, p_tiers, p_statuses, true) x),
  now_open as (select * from private.dashboard_open_now(p_org_id, p_owner_id, p_region, p_tiers, p_statuses)),
  ends as (
    select n.pipeline_value - f.submitted_value + f.closed_value as pipeline_1,
           n.commission_owed - f.commission_recorded + f.commission_settled as owed_1,
           c.submitted_value - c.closed_value as pipeline_moved_1,
           c.commission_recorded - c.commission_settled as owed_moved_1
      from now_open n, tot f, tot c where f.i = 3 and c.i = 1),
  -- active partners now, from the directory's kept counts; a period's figure takes out the
  -- active partners created after its end (normally none), so no request counts every partner
  active_now as (
    select coalesce(sum(k.partners) filter (where k.status = 'active'), 0) as n
      from public.partner_metric_buckets k
     where k.org_id = p_org_id
       and (p_owner_id is null or k.owner_id = p_owner_id)
       and (p_region is null or k.region = p_region)
       and (p_tiers is null or k.tier = any (p_tiers))
       and (p_statuses is null or k.status = any (p_statuses))),
  b as (
    select case t.i when 1 then 'current' else 'previous' end as period,
           case t.i when 1 then p_from else prev.f end as starts_on,
           case t.i when 1 then p_to else prev.t end as ends_on,
           case t.i when 1 then p_from else prev.f end::timestamp at time zone o.time_zone as t0,
           (case t.i when 1 then p_to else prev.t end + 1)::timestamp at time zone o.time_zone as t1,
           o.currency, t.*
      from tot t cross join o cross join prev where t.i in (1, 2))
  select b.period, b.starts_on, b.ends_on, b.currency,
         b.referrals_submitted::integer,
         case b.i when 1 then e.pipeline_1 else e.pipeline_1 - e.pipeline_moved_1 end,
         b.referrals_won::integer, b.referrals_lost::integer, b.won_value,
         case when b.referrals_won + b.referrals_lost > 0
              then round(b.referrals_won::numeric / (b.referrals_won + b.referrals_lost), 4) end,
         b.commission_earned, b.commission_approved, b.commission_paid,
         case b.i when 1 then e.owed_1 else e.owed_1 - e.owed_moved_1 end,
         pp.active, pp.new
    from b cross join ends e
   cross join active_now an
   cross join lateral (
     select (an.n - (select count(*) from public.partners x
                      where x.org_id = p_org_id and x.created_at >= b.t1 and x.status = 'active'
                        and (p_owner_id is null or x.owner_id = p_owner_id)
                        and (p_region is null or x.region = p_region)
                        and (p_tiers is null or x.tier = any (p_tiers))
                        and (p_statuses is null or x.status = any (p_statuses)))
            )::integer as active,
            b.partners_created::integer as new) pp
   order by b.starts_on desc
$$;
