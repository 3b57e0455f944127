-- The service levels' overdue tasks from kept counts. "Overdue tasks" counted every open task
-- due before today by index range, which is most open tasks (at 100k partners ~240k index
-- entries, ~50 ms of the service levels' ~65 ms, and ten times that at a million).
-- partner_open_task_days keeps the open tasks per organization and due day, so the count
-- is a sum over the days before today (a few hundred rows), whatever today is. Filtered
-- requests still count the filtered partners' tasks.

create table public.partner_open_task_days (
  org_id uuid not null references public.organizations (id) on delete cascade,
  due_date date not null,
  tasks integer not null default 0,
  constraint partner_open_task_days_pkey primary key (org_id, due_date)
);
comment on table public.partner_open_task_days is 'Per organization and due day: how many open tasks (todo, in_progress) are due that day, kept by triggers on partner_tasks. Read by dashboard_service_levels for overdue tasks; staff only; nobody writes through the API.';
comment on column public.partner_open_task_days.org_id is 'Organization.';
comment on column public.partner_open_task_days.due_date is 'Due day (partner_tasks.due_date, the organization''s calendar).';
comment on column public.partner_open_task_days.tasks is 'Open tasks due on the day.';

alter table public.partner_open_task_days enable row level security;
create policy "Open task days are visible to staff"
  on public.partner_open_task_days for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_open_task_days from public, anon, authenticated, service_role;
grant select on table public.partner_open_task_days to authenticated, service_role;

-- Signed counts per day, in key order, added to the days. Tasks of an organization being
-- deleted are skipped: its days go with it.
create or replace function private.add_open_task_days(p_new public.partner_tasks[], p_old public.partner_tasks[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_open_task_days as d (org_id, due_date, tasks)
  select t.org_id, t.due_date, sum(t.n)
    from (
      select n.org_id, n.due_date, 1 as n from unnest(p_new) n
       where n.status in ('todo', 'in_progress') and n.due_date is not null
      union all
      select o.org_id, o.due_date, -1 from unnest(p_old) o
       where o.status in ('todo', 'in_progress') and o.due_date is not null) t
   where exists (select from public.organizations z where z.id = t.org_id)
   group by t.org_id, t.due_date
  having sum(t.n) <> 0
   order by t.org_id, t.due_date
  on conflict (org_id, due_date) do update set tasks = d.tasks + excluded.tasks
$$;
comment on function private.add_open_task_days(public.partner_tasks[], public.partner_tasks[]) is 'Adds the open ones of p_new to and takes the open ones of p_old out of partner_open_task_days.';
revoke all on function private.add_open_task_days(public.partner_tasks[], public.partner_tasks[]) from public, anon, authenticated;

create or replace function private.open_task_days_after_tasks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_open_task_days(array(select n::public.partner_tasks from new_rows n), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_open_task_days('{}', array(select o::public.partner_tasks from old_rows o));
  else
    -- only the tasks whose openness, due day or organization changed
    perform private.add_open_task_days(
      array(select n::public.partner_tasks from new_rows n join old_rows o on o.id = n.id
             where (n.status in ('todo', 'in_progress'), n.due_date, n.org_id)
                   is distinct from (o.status in ('todo', 'in_progress'), o.due_date, o.org_id)),
      array(select o::public.partner_tasks from new_rows n join old_rows o on o.id = n.id
             where (n.status in ('todo', 'in_progress'), n.due_date, n.org_id)
                   is distinct from (o.status in ('todo', 'in_progress'), o.due_date, o.org_id)));
  end if;
  return null;
end
$$;
comment on function private.open_task_days_after_tasks() is 'AFTER ... FOR EACH STATEMENT on partner_tasks: keeps partner_open_task_days as tasks are added, opened, closed, moved to another day or deleted.';
revoke all on function private.open_task_days_after_tasks() from public, anon, authenticated;

create trigger partner_tasks_open_days_insert after insert on public.partner_tasks
  referencing new table as new_rows for each statement execute function private.open_task_days_after_tasks();
create trigger partner_tasks_open_days_update after update on public.partner_tasks
  referencing old table as old_rows new table as new_rows for each statement execute function private.open_task_days_after_tasks();
create trigger partner_tasks_open_days_delete after delete on public.partner_tasks
  referencing old table as old_rows for each statement execute function private.open_task_days_after_tasks();

create or replace function private.rebuild_partner_open_task_days(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.partner_open_task_days in exclusive mode;
  delete from public.partner_open_task_days where org_id = p_org_id;
  insert into public.partner_open_task_days (org_id, due_date, tasks)
  select p_org_id, t.due_date, count(*)
    from public.partner_tasks t
   where t.org_id = p_org_id and t.status in ('todo', 'in_progress') and t.due_date is not null
   group by t.due_date;
end
$$;
comment on function private.rebuild_partner_open_task_days(uuid) is 'Recomputes the organization''s partner_open_task_days from its tasks.';
revoke all on function private.rebuild_partner_open_task_days(uuid) from public, anon, authenticated;

-- db:seed:scale loads tasks with triggers set aside and then rebuilds the service-level
-- counts: the open task days come with them
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
end
$$;
comment on function private.rebuild_partner_day_counts(uuid) is 'Recomputes an organization''s partner_day_counts from its referrals, commissions and partners (set-wise), and its partner_open_task_days. For the backfill, db:seed:scale, a change of time zone and repairs.';
revoke all on function private.rebuild_partner_day_counts(uuid) from public, anon, authenticated;

select private.rebuild_partner_open_task_days(o.id) from public.organizations o;

-- Service levels ----------------------------------------------------------------------------
-- As in 20261203020100, with overdue tasks from the kept days when unfiltered.
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
comment on function public.dashboard_service_levels(uuid, date, date, uuid, text, text[], text[]) is 'Dashboard service levels: median whole days submitted to qualified (qualified in the period) and to closed (closed in the period); share of non-void commissions due in the period paid by their due date; overdue commissions and tasks now. Staff read whole months from partner_day_counts and, unfiltered, overdue tasks from partner_open_task_days. Security invoker.';
