-- The service levels for the whole organization from organization-wide counts. At a million
-- partners the unfiltered request took ~0.43 s in two places:
--   * the year's whole months from partner_day_counts: one row per month, partner filter
--     key, measure and whole days, ~430k rows. organization_day_counts holds the same counts
--     summed over the keys (~200 rows a month), kept by a statement trigger on
--     partner_day_counts, so it follows every change those counts follow (and a key move,
--     which changes no sum, moves nothing here);
--   * commissions due: a period ending today took its month whole less the rest of the month
--     read raw, and commissions fall due in the future (~440k rows). organization_due_days
--     counts the non-void commissions per due day (organization time zone) and whether they
--     were paid by their due date, so a period's are its days summed, nothing read raw.
-- Filtered requests read the keyed counts as before.

create table public.organization_day_counts (
  org_id uuid not null references public.organizations (id) on delete cascade,
  month date not null,
  measure text not null,
  days integer not null,
  n bigint not null default 0,
  constraint organization_day_counts_pkey primary key (org_id, month, measure, days),
  constraint organization_day_counts_measure check (measure in ('qualify', 'close', 'due'))
);
comment on table public.organization_day_counts is 'partner_day_counts summed over the partner filter keys: per organization, month (org time zone), measure and whole days, kept by a trigger on partner_day_counts. Read by dashboard_service_levels without filters; staff only; nobody writes through the API.';
comment on column public.organization_day_counts.org_id is 'Organization.';
comment on column public.organization_day_counts.month is 'First day of the month of the measured date, in the organization''s time zone.';
comment on column public.organization_day_counts.measure is 'qualify, close or due, as in partner_day_counts.';
comment on column public.organization_day_counts.days is 'Whole days (for due: 1 paid on time, 0 not), as in partner_day_counts.';
comment on column public.organization_day_counts.n is 'Sum of partner_day_counts.n over the organization''s partner filter keys.';

create table public.organization_due_days (
  org_id uuid not null references public.organizations (id) on delete cascade,
  day date not null,
  paid_on_time boolean not null,
  commissions integer not null default 0,
  constraint organization_due_days_pkey primary key (org_id, day, paid_on_time)
);
comment on table public.organization_due_days is 'Non-void commissions per organization and due day (organization time zone), split by whether they were paid by their due date, kept by triggers on partner_commissions. Read by dashboard_service_levels without filters; staff only; nobody writes through the API.';
comment on column public.organization_due_days.org_id is 'Organization.';
comment on column public.organization_due_days.day is 'Day of due_at in the organization''s time zone.';
comment on column public.organization_due_days.paid_on_time is 'Paid (paid_at) by due_at.';
comment on column public.organization_due_days.commissions is 'Non-void commissions due on the day with this paid_on_time.';

alter table public.organization_day_counts enable row level security;
alter table public.organization_due_days enable row level security;
create policy "Organization day counts are visible to staff"
  on public.organization_day_counts for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
create policy "Organization due days are visible to staff"
  on public.organization_due_days for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.organization_day_counts, public.organization_due_days from public, anon, authenticated, service_role;
grant select on table public.organization_day_counts, public.organization_due_days to authenticated, service_role;

-- Organization-wide day counts --------------------------------------------------------------

-- Signed rows of partner_day_counts summed per organization-wide count, in key order. An
-- organization being deleted is skipped: its counts go with it.
create or replace function private.add_organization_day_counts(
  p_new public.partner_day_counts[], p_old public.partner_day_counts[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.organization_day_counts as d (org_id, month, measure, days, n)
  select c.org_id, c.month, c.measure, c.days, sum(c.n)
    from (
      select a.org_id, a.month, a.measure, a.days, a.n from unnest(p_new) a
      union all
      select b.org_id, b.month, b.measure, b.days, -b.n from unnest(p_old) b) c
   where exists (select from public.organizations z where z.id = c.org_id)
   group by c.org_id, c.month, c.measure, c.days
  having sum(c.n) <> 0
   order by c.org_id, c.month, c.measure, c.days
  on conflict (org_id, month, measure, days) do update set n = d.n + excluded.n
$$;
comment on function private.add_organization_day_counts(public.partner_day_counts[], public.partner_day_counts[]) is 'Adds partner_day_counts rows (p_new) to and takes others (p_old) out of organization_day_counts.';
revoke all on function private.add_organization_day_counts(public.partner_day_counts[], public.partner_day_counts[]) from public, anon, authenticated;

create or replace function private.organization_day_counts_after_day_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_organization_day_counts(array(select r::public.partner_day_counts from new_rows r), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_organization_day_counts('{}', array(select r::public.partner_day_counts from old_rows r));
  else
    perform private.add_organization_day_counts(array(select r::public.partner_day_counts from new_rows r),
                                                array(select r::public.partner_day_counts from old_rows r));
  end if;
  return null;
end
$$;
comment on function private.organization_day_counts_after_day_counts() is 'AFTER ... FOR EACH STATEMENT on partner_day_counts: moves the changed counts into organization_day_counts.';
revoke all on function private.organization_day_counts_after_day_counts() from public, anon, authenticated;

create trigger partner_day_counts_organization_insert after insert on public.partner_day_counts
  referencing new table as new_rows for each statement execute function private.organization_day_counts_after_day_counts();
create trigger partner_day_counts_organization_update after update on public.partner_day_counts
  referencing old table as old_rows new table as new_rows for each statement execute function private.organization_day_counts_after_day_counts();
create trigger partner_day_counts_organization_delete after delete on public.partner_day_counts
  referencing old table as old_rows for each statement execute function private.organization_day_counts_after_day_counts();

-- Due days ------------------------------------------------------------------------------------

create or replace function private.add_organization_due_days(
  p_new public.partner_commissions[], p_old public.partner_commissions[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.organization_due_days as d (org_id, day, paid_on_time, commissions)
  select c.org_id, c.day, c.on_time, sum(c.n)
    from (
      select x.org_id, (x.due_at at time zone z.time_zone)::date as day,
             (x.paid_at is not null and x.paid_at <= x.due_at) as on_time, 1 as n
        from unnest(p_new) x join public.organizations z on z.id = x.org_id
       where x.status <> 'void' and x.due_at is not null
      union all
      select x.org_id, (x.due_at at time zone z.time_zone)::date,
             (x.paid_at is not null and x.paid_at <= x.due_at), -1
        from unnest(p_old) x join public.organizations z on z.id = x.org_id
       where x.status <> 'void' and x.due_at is not null) c
   group by c.org_id, c.day, c.on_time
  having sum(c.n) <> 0
   order by c.org_id, c.day, c.on_time
  on conflict (org_id, day, paid_on_time) do update set commissions = d.commissions + excluded.commissions
$$;
comment on function private.add_organization_due_days(public.partner_commissions[], public.partner_commissions[]) is 'Adds commissions (p_new) to and takes others (p_old) out of organization_due_days.';
revoke all on function private.add_organization_due_days(public.partner_commissions[], public.partner_commissions[]) from public, anon, authenticated;

create or replace function private.organization_due_days_after_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_organization_due_days(array(select n::public.partner_commissions from new_rows n), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_organization_due_days('{}', array(select o::public.partner_commissions from old_rows o));
  else
    -- only the commissions whose due day, payment on time or voiding may have changed
    perform private.add_organization_due_days(
      array(select n::public.partner_commissions from new_rows n join old_rows o on o.id = n.id
             where (n.org_id, n.status = 'void', n.due_at, n.paid_at) is distinct from (o.org_id, o.status = 'void', o.due_at, o.paid_at)),
      array(select o::public.partner_commissions from new_rows n join old_rows o on o.id = n.id
             where (n.org_id, n.status = 'void', n.due_at, n.paid_at) is distinct from (o.org_id, o.status = 'void', o.due_at, o.paid_at)));
  end if;
  return null;
end
$$;
comment on function private.organization_due_days_after_commissions() is 'AFTER ... FOR EACH STATEMENT on partner_commissions: keeps organization_due_days as commissions are added, fall due on another day, are paid, voided or deleted.';
revoke all on function private.organization_due_days_after_commissions() from public, anon, authenticated;

create trigger partner_commissions_due_days_insert after insert on public.partner_commissions
  referencing new table as new_rows for each statement execute function private.organization_due_days_after_commissions();
create trigger partner_commissions_due_days_update after update on public.partner_commissions
  referencing old table as old_rows new table as new_rows for each statement execute function private.organization_due_days_after_commissions();
create trigger partner_commissions_due_days_delete after delete on public.partner_commissions
  referencing old table as old_rows for each statement execute function private.organization_due_days_after_commissions();

-- Rebuilds ------------------------------------------------------------------------------------

create or replace function private.rebuild_organization_service_counts(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.organization_day_counts, public.organization_due_days in exclusive mode;
  delete from public.organization_day_counts where org_id = p_org_id;
  insert into public.organization_day_counts (org_id, month, measure, days, n)
  select p_org_id, h.month, h.measure, h.days, sum(h.n)
    from public.partner_day_counts h where h.org_id = p_org_id
   group by h.month, h.measure, h.days
  having sum(h.n) <> 0;
  delete from public.organization_due_days where org_id = p_org_id;
  insert into public.organization_due_days (org_id, day, paid_on_time, commissions)
  select p_org_id, (x.due_at at time zone z.time_zone)::date, (x.paid_at is not null and x.paid_at <= x.due_at), count(*)
    from public.partner_commissions x join public.organizations z on z.id = x.org_id
   where x.org_id = p_org_id and x.status <> 'void' and x.due_at is not null
   group by 2, 3;
end
$$;
comment on function private.rebuild_organization_service_counts(uuid) is 'Recomputes the organization''s organization_day_counts (from partner_day_counts) and organization_due_days (from its commissions).';
revoke all on function private.rebuild_organization_service_counts(uuid) from public, anon, authenticated;

-- The service-level counts' rebuild (db:seed:scale, with triggers set aside; a time zone
-- change, whose due days are other days) rebuilds these after its own.
create or replace function private.rebuild_partner_day_counts(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.partner_day_counts in exclusive mode;
  delete from public.partner_day_counts where org_id = p_org_id;
  insert into public.partner_day_counts (org_id, month, status, tier, owner_id, region, measure, days, n)
  select d.org_id, d.month, p.status, p.tier, p.owner_id, p.region, d.measure, d.days, count(*)
    from (
      select r.org_id, r.partner_id, date_trunc('month', r.qualified_at at time zone o.time_zone)::date as month,
             'qualify' as measure, private.whole_days(r.referred_at, r.qualified_at) as days
        from public.partner_referrals r join public.organizations o on o.id = r.org_id
       where r.org_id = p_org_id and r.qualified_at is not null
      union all
      select r.org_id, r.partner_id, date_trunc('month', r.closed_at at time zone o.time_zone)::date,
             'close', private.whole_days(r.referred_at, r.closed_at)
        from public.partner_referrals r join public.organizations o on o.id = r.org_id
       where r.org_id = p_org_id and r.closed_at is not null
      union all
      select c.org_id, c.partner_id, date_trunc('month', c.due_at at time zone o.time_zone)::date,
             'due', (c.paid_at is not null and c.paid_at <= c.due_at)::integer
        from public.partner_commissions c join public.organizations o on o.id = c.org_id
       where c.org_id = p_org_id and c.status <> 'void' and c.due_at is not null) d
    join public.partners p on p.id = d.partner_id
   group by 1, 2, 3, 4, 5, 6, 7, 8;
  perform private.rebuild_partner_open_task_days(p_org_id);
  perform private.rebuild_organization_service_counts(p_org_id);
end
$$;
comment on function private.rebuild_partner_day_counts(uuid) is 'Recomputes an organization''s partner_day_counts from its referrals, commissions and partners (set-wise), and its partner_open_task_days, organization_day_counts and organization_due_days. For the backfill, db:seed:scale, a change of time zone and repairs.';
revoke all on function private.rebuild_partner_day_counts(uuid) from public, anon, authenticated;

select private.rebuild_organization_service_counts(o.id) from public.organizations o;

-- Service levels ----------------------------------------------------------------------------
-- As in 20261204100200, with the organization-wide counts when unfiltered.
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
