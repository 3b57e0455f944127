-- Service levels without reading a year of rows: partner_day_counts holds, per organization,
-- month and partner filter key (status, tier, owner, region), how many referrals qualified
-- (by qualified_at's month) and closed (by closed_at's month) after each whole number of days
-- since referred_at, and how many non-void commissions fell due (by due_at's month) paid on
-- time or not (days 1 / 0). A median over a period then reads a few thousand counts; the days
-- before the period's first whole month and after its last come from the raw rows.
--
-- Who moves what (as partner_month_buckets):
--   * referral and commission writes add their rows' counts (old out, new in) under their
--     partner's key now (the partner row is locked FOR SHARE, so a concurrent key change
--     either commits before or waits);
--   * a key change moves the partner's counts, worked out from its own rows, old key to new;
--   * a partner being deleted takes its counts out first; the cascade then finds no partner;
--   * a change of the organization's time zone rebuilds its counts.

create table public.partner_day_counts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  month date not null,
  status text not null,
  tier text not null,
  owner_id uuid,
  region text,
  measure text not null,
  days integer not null,
  n bigint not null default 0,
  constraint partner_day_counts_measure check (measure in ('qualify', 'close', 'due')),
  constraint partner_day_counts_key unique nulls not distinct (org_id, month, status, tier, owner_id, region, measure, days)
);
comment on table public.partner_day_counts is 'Counts for the dashboard''s service levels per organization, month (org time zone), partner filter key, measure and whole days, kept by triggers on referrals, commissions and partners. Staff only; nobody writes through the API.';
comment on column public.partner_day_counts.id is 'Surrogate key (the natural key has nullable owner and region).';
comment on column public.partner_day_counts.org_id is 'Organization.';
comment on column public.partner_day_counts.month is 'First day of the month of the measured date (qualified_at, closed_at or due_at), in the organization''s time zone.';
comment on column public.partner_day_counts.status is 'Partner status of this count.';
comment on column public.partner_day_counts.tier is 'Partner tier of this count.';
comment on column public.partner_day_counts.owner_id is 'Partner owner of this count (null: none).';
comment on column public.partner_day_counts.region is 'Partner region of this count (null: none).';
comment on column public.partner_day_counts.measure is 'qualify: days from referred_at to qualified_at; close: days from referred_at to closed_at; due: a non-void commission due that month, days 1 when paid by due_at, else 0.';
comment on column public.partner_day_counts.days is 'Whole days (rounded down), or for due 1 on time / 0 not.';
comment on column public.partner_day_counts.n is 'How many rows.';

create index partner_day_counts_org_month_idx on public.partner_day_counts (org_id, month);

alter table public.partner_day_counts enable row level security;
create policy "Day counts are visible to staff"
  on public.partner_day_counts for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_day_counts from public, anon, authenticated, service_role;
grant select on table public.partner_day_counts to authenticated, service_role;

-- The days the service levels count, one definition for the counts, the raw days and the tests.
create or replace function private.whole_days(p_from timestamptz, p_to timestamptz)
returns integer
language sql
immutable
set search_path = ''
as $$ select floor(extract(epoch from p_to - p_from) / 86400)::integer $$;
comment on function private.whole_days(timestamptz, timestamptz) is 'Whole days (rounded down) from p_from to p_to.';
revoke all on function private.whole_days(timestamptz, timestamptz) from public, anon;
grant execute on function private.whole_days(timestamptz, timestamptz) to authenticated, service_role;

-- Each row's counts: (org, partner, month, measure, days).
create or replace function private.referral_day_counts(p_rows public.partner_referrals[])
returns table (org_id uuid, partner_id uuid, month date, measure text, days integer)
language sql
stable
set search_path = ''
as $$
  select r.org_id, r.partner_id, date_trunc('month', r.qualified_at at time zone o.time_zone)::date, 'qualify',
         private.whole_days(r.referred_at, r.qualified_at)
    from unnest(p_rows) r join public.organizations o on o.id = r.org_id where r.qualified_at is not null
  union all
  select r.org_id, r.partner_id, date_trunc('month', r.closed_at at time zone o.time_zone)::date, 'close',
         private.whole_days(r.referred_at, r.closed_at)
    from unnest(p_rows) r join public.organizations o on o.id = r.org_id where r.closed_at is not null
$$;
revoke all on function private.referral_day_counts(public.partner_referrals[]) from public, anon, authenticated;

create or replace function private.commission_day_counts(p_rows public.partner_commissions[])
returns table (org_id uuid, partner_id uuid, month date, measure text, days integer)
language sql
stable
set search_path = ''
as $$
  select c.org_id, c.partner_id, date_trunc('month', c.due_at at time zone o.time_zone)::date, 'due',
         (c.paid_at is not null and c.paid_at <= c.due_at)::integer
    from unnest(p_rows) c join public.organizations o on o.id = c.org_id
   where c.status <> 'void' and c.due_at is not null
$$;
revoke all on function private.commission_day_counts(public.partner_commissions[]) from public, anon, authenticated;

-- Adds signed counts under each partner's key now, or under the key given per partner in p_keys.
create or replace function private.add_day_counts(p_counts jsonb, p_keys jsonb default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_day_counts as b (org_id, month, status, tier, owner_id, region, measure, days, n)
  select c.org_id, c.month,
         coalesce(k ->> 'status', p.status), coalesce(k ->> 'tier', p.tier),
         case when k is null then p.owner_id else (k ->> 'owner_id')::uuid end,
         case when k is null then p.region else k ->> 'region' end,
         c.measure, c.days, sum(c.sign)
    from jsonb_to_recordset(p_counts) as c(org_id uuid, partner_id uuid, month date, measure text, days integer, sign integer)
    join public.partners p on p.id = c.partner_id
    left join lateral (select p_keys -> c.partner_id::text as k) kk on true
   group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(c.sign) <> 0
  on conflict on constraint partner_day_counts_key do update set n = b.n + excluded.n;
end
$$;
comment on function private.add_day_counts(jsonb, jsonb) is 'Adds signed service-level counts (org_id, partner_id, month, measure, days, sign) under their partners'' key buckets.';
revoke all on function private.add_day_counts(jsonb, jsonb) from public, anon, authenticated;

create or replace function private.day_counts_after_referrals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counts jsonb;
begin
  -- transition tables exist only for the events that have them
  if tg_op in ('UPDATE', 'DELETE') then
    select jsonb_agg(d) into counts
      from (select x.*, -1 as sign from private.referral_day_counts(array(select o::public.partner_referrals from old_rows o)) x) d;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    select coalesce(counts, '[]'::jsonb) || coalesce(jsonb_agg(d), '[]'::jsonb) into counts
      from (select x.*, 1 as sign from private.referral_day_counts(array(select n::public.partner_referrals from new_rows n)) x) d;
  end if;
  if counts = '[]'::jsonb then
    counts := null;
  end if;
  if counts is not null then
    perform 1 from public.partners p
     where p.id in (select (e ->> 'partner_id')::uuid from jsonb_array_elements(counts) e) for share;
    perform private.add_day_counts(counts);
  end if;
  return null;
end
$$;
comment on function private.day_counts_after_referrals() is 'AFTER ... FOR EACH STATEMENT on partner_referrals: moves the changed rows'' qualify and close counts in partner_day_counts (old out, new in).';
revoke all on function private.day_counts_after_referrals() from public, anon, authenticated;

create or replace function private.day_counts_after_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counts jsonb;
begin
  -- transition tables exist only for the events that have them
  if tg_op in ('UPDATE', 'DELETE') then
    select jsonb_agg(d) into counts
      from (select x.*, -1 as sign from private.commission_day_counts(array(select o::public.partner_commissions from old_rows o)) x) d;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    select coalesce(counts, '[]'::jsonb) || coalesce(jsonb_agg(d), '[]'::jsonb) into counts
      from (select x.*, 1 as sign from private.commission_day_counts(array(select n::public.partner_commissions from new_rows n)) x) d;
  end if;
  if counts = '[]'::jsonb then
    counts := null;
  end if;
  if counts is not null then
    perform 1 from public.partners p
     where p.id in (select (e ->> 'partner_id')::uuid from jsonb_array_elements(counts) e) for share;
    perform private.add_day_counts(counts);
  end if;
  return null;
end
$$;
comment on function private.day_counts_after_commissions() is 'AFTER ... FOR EACH STATEMENT on partner_commissions: moves the changed rows'' due counts in partner_day_counts (old out, new in).';
revoke all on function private.day_counts_after_commissions() from public, anon, authenticated;

create trigger partner_referrals_day_counts_insert after insert on public.partner_referrals
  referencing new table as new_rows for each statement execute function private.day_counts_after_referrals();
create trigger partner_referrals_day_counts_update after update on public.partner_referrals
  referencing old table as old_rows new table as new_rows for each statement execute function private.day_counts_after_referrals();
create trigger partner_referrals_day_counts_delete after delete on public.partner_referrals
  referencing old table as old_rows for each statement execute function private.day_counts_after_referrals();
create trigger partner_commissions_day_counts_insert after insert on public.partner_commissions
  referencing new table as new_rows for each statement execute function private.day_counts_after_commissions();
create trigger partner_commissions_day_counts_update after update on public.partner_commissions
  referencing old table as old_rows new table as new_rows for each statement execute function private.day_counts_after_commissions();
create trigger partner_commissions_day_counts_delete after delete on public.partner_commissions
  referencing old table as old_rows for each statement execute function private.day_counts_after_commissions();

-- One partner's counts from its own rows (its referrals and commissions, by its index).
create or replace function private.partner_own_day_counts(p_partner_id uuid, p_sign integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_agg(d) from (
    select x.*, p_sign as sign from private.referral_day_counts(
      array(select r from public.partner_referrals r where r.partner_id = p_partner_id)) x
    union all
    select x.*, p_sign from private.commission_day_counts(
      array(select c from public.partner_commissions c where c.partner_id = p_partner_id)) x) d
$$;
revoke all on function private.partner_own_day_counts(uuid, integer) from public, anon, authenticated;

create or replace function private.day_counts_after_partner_key_move()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counts jsonb := private.partner_own_day_counts(new.id, 1);
begin
  if counts is not null then
    -- out of the old key (sign -1 under p_keys), into the new one
    perform private.add_day_counts(
      (select jsonb_agg(e || jsonb_build_object('sign', -1)) from jsonb_array_elements(counts) e),
      jsonb_build_object(old.id::text, jsonb_build_object('status', old.status, 'tier', old.tier,
                                                           'owner_id', old.owner_id, 'region', old.region)));
    perform private.add_day_counts(counts);
  end if;
  return null;
end
$$;
comment on function private.day_counts_after_partner_key_move() is 'AFTER UPDATE FOR EACH ROW on partners, when status, tier, owner or region changed: moves the partner''s service-level counts from the old key to the new one.';
revoke all on function private.day_counts_after_partner_key_move() from public, anon, authenticated;
create trigger partners_day_counts_key after update of status, tier, owner_id, region on public.partners
  for each row
  when ((old.status, old.tier, old.owner_id, old.region) is distinct from (new.status, new.tier, new.owner_id, new.region))
  execute function private.day_counts_after_partner_key_move();

create or replace function private.day_counts_before_partner_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counts jsonb := private.partner_own_day_counts(old.id, -1);
begin
  if counts is not null then
    perform private.add_day_counts(counts);
  end if;
  return old;
end
$$;
comment on function private.day_counts_before_partner_delete() is 'BEFORE DELETE on partners: its counts leave their key before the cascade removes its rows.';
revoke all on function private.day_counts_before_partner_delete() from public, anon, authenticated;
create trigger partners_day_counts_delete before delete on public.partners
  for each row execute function private.day_counts_before_partner_delete();

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
end
$$;
comment on function private.rebuild_partner_day_counts(uuid) is 'Recomputes an organization''s partner_day_counts from its referrals, commissions and partners (set-wise). For the backfill, db:seed:scale, a change of time zone and repairs.';
revoke all on function private.rebuild_partner_day_counts(uuid) from public, anon, authenticated;

create or replace function private.day_counts_after_time_zone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_partner_day_counts(new.id);
  return null;
end
$$;
comment on function private.day_counts_after_time_zone() is 'AFTER UPDATE OF time_zone on organizations: its months are other instants now, so its service-level counts are rebuilt.';
revoke all on function private.day_counts_after_time_zone() from public, anon, authenticated;
create trigger organizations_day_counts_time_zone after update of time_zone on public.organizations
  for each row when (old.time_zone is distinct from new.time_zone) execute function private.day_counts_after_time_zone();

select private.rebuild_partner_day_counts(o.id) from public.organizations o;

-- Overdue commissions now: the few pending or approved ones, not every commission ever due.
create index partner_commissions_org_open_due_idx on public.partner_commissions (org_id, due_at)
  include (amount, partner_id) where status in ('pending', 'approved');
create index partner_tasks_org_open_due_idx on public.partner_tasks (org_id, due_date)
  include (partner_id) where status in ('todo', 'in_progress');

-- Service levels from the counts: staff read the period's whole months from partner_day_counts
-- and its other days raw; anyone else (RLS narrows their rows; the counts are staff's) reads
-- every day raw. A median of whole days is worked out of the counts as percentile_cont
-- would: the mean of the values at positions floor((N-1)/2) and floor(N/2).
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
  w as (
    -- whole months [ms, me) from the counts (staff), the days [t0, tms) and [tme, t1) raw
    select o.time_zone, o.t0, o.t1,
           case when staff and o.ms0 < o.me0 then o.ms0 else p_to + 1 end as ms,
           case when staff and o.ms0 < o.me0 then o.me0 else p_to + 1 end as me,
           (case when staff and o.ms0 < o.me0 then o.ms0 else p_to + 1 end)::timestamp at time zone o.time_zone as tms,
           (case when staff and o.ms0 < o.me0 then o.me0 else p_to + 1 end)::timestamp at time zone o.time_zone as tme
      from o),
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
    select 'qualify', private.whole_days(x.referred_at, x.qualified_at), 1
      from w join public.partner_referrals x on x.org_id = p_org_id and x.qualified_at is not null
       and ((x.qualified_at >= w.t0 and x.qualified_at < w.tms) or (x.qualified_at >= w.tme and x.qualified_at < w.t1))
     where whole or x.partner_id in (select p.id from p)
    union all
    select 'close', private.whole_days(x.referred_at, x.closed_at), 1
      from w join public.partner_referrals x on x.org_id = p_org_id and x.closed_at is not null
       and ((x.closed_at >= w.t0 and x.closed_at < w.tms) or (x.closed_at >= w.tme and x.closed_at < w.t1))
     where whole or x.partner_id in (select p.id from p)
    union all
    select 'due', (x.paid_at is not null and x.paid_at <= x.due_at)::integer, 1
      from w join public.partner_commissions x on x.org_id = p_org_id and x.status <> 'void'
       and ((x.due_at >= w.t0 and x.due_at < w.tms) or (x.due_at >= w.tme and x.due_at < w.t1))
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
