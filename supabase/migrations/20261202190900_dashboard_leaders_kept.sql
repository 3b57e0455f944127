-- Leaders at a million referrals, third pass. Two things are kept instead of worked out on
-- every request:
--   * partner_window_totals: per partner, the won value, won count and referrals submitted of
--     every month from a window's first month on, for the windows the page's month-aligned
--     presets start on (the last twelve months, the year to date). A period that starts on
--     such a month and ends today is its kept total less what lies after the period's end
--     (future-dated rows, normally none), so a board is a walk down an index.
--   * partner_last_referrals: per partner, the latest referred_at, so "went quiet" reads one
--     row per partner instead of probing each partner's referrals.
-- Any other period, or a window not kept yet, is answered as before, from the monthly
-- roll-ups; the answers are the same either way (tests/db/47 holds them to docs/metrics.md).

-- Windows ---------------------------------------------------------------------------------

create table public.partner_window_starts (
  org_id uuid not null references public.organizations (id) on delete cascade,
  window_start date not null,
  kept_at timestamptz not null default now(),
  constraint partner_window_starts_pkey primary key (org_id, window_start),
  constraint partner_window_starts_month_is_first check (extract(day from window_start) = 1)
);
comment on table public.partner_window_starts is 'The first months (organization time zone) whose window totals partner_window_totals keeps for the organization; the dashboard reads kept totals only for a period starting on one of them. Written by refresh_dashboard_windows(); staff read it.';
comment on column public.partner_window_starts.org_id is 'Organization.';
comment on column public.partner_window_starts.window_start is 'First day of the window''s first month.';
comment on column public.partner_window_starts.kept_at is 'When the window''s totals were built.';

create table public.partner_window_totals (
  partner_id uuid not null references public.partners (id) on delete cascade,
  org_id uuid not null,
  window_start date not null,
  won_value numeric not null default 0,
  referrals_won integer not null default 0,
  referrals_submitted integer not null default 0,
  constraint partner_window_totals_pkey primary key (partner_id, window_start),
  constraint partner_window_totals_window_fkey foreign key (org_id, window_start)
    references public.partner_window_starts (org_id, window_start) on delete cascade
);
comment on table public.partner_window_totals is 'Per partner and kept window: sums of partner_monthly_rollups over every month from window_start on, kept current by a trigger on the roll-ups. Read by dashboard_leaders; staff only; nobody writes through the API.';
comment on column public.partner_window_totals.partner_id is 'The partner.';
comment on column public.partner_window_totals.org_id is 'Organization (the partner''s).';
comment on column public.partner_window_totals.window_start is 'The window''s first month (partner_window_starts).';
comment on column public.partner_window_totals.won_value is 'actual_value of won referrals with closed_at on or after window_start.';
comment on column public.partner_window_totals.referrals_won is 'Won referrals with closed_at on or after window_start.';
comment on column public.partner_window_totals.referrals_submitted is 'Referrals with referred_at on or after window_start.';

-- the boards walk these in order; the counts read them alone
create index partner_window_totals_won_idx on public.partner_window_totals
  (org_id, window_start, won_value desc) include (partner_id, referrals_won);
create index partner_window_totals_fresh_idx on public.partner_window_totals
  (org_id, window_start, referrals_submitted desc) include (partner_id);

alter table public.partner_window_starts enable row level security;
alter table public.partner_window_totals enable row level security;
create policy "Kept windows are visible to staff"
  on public.partner_window_starts for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
create policy "Window totals are visible to staff"
  on public.partner_window_totals for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_window_starts, public.partner_window_totals from public, anon, authenticated, service_role;
grant select on table public.partner_window_starts, public.partner_window_totals to authenticated, service_role;

-- The roll-up rows' deltas (new in, old out), added to every kept window they fall in, as
-- one upsert per partner and window. A partner being deleted (its roll-ups cascading away) is
-- skipped: its window rows go with it.
create or replace function private.add_window_totals(
  p_new public.partner_monthly_rollups[], p_old public.partner_monthly_rollups[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_window_totals as t (partner_id, org_id, window_start, won_value, referrals_won, referrals_submitted)
  select d.partner_id, d.org_id, s.window_start, sum(d.v), sum(d.nw), sum(d.nf)
    from (
      select n.partner_id, n.org_id, n.month, n.won_value as v, n.referrals_won as nw, n.referrals_submitted as nf
        from unnest(p_new) n
      union all
      select o.partner_id, o.org_id, o.month, -o.won_value, -o.referrals_won, -o.referrals_submitted
        from unnest(p_old) o) d
    join public.partner_window_starts s on s.org_id = d.org_id and s.window_start <= d.month
    join public.partners p on p.id = d.partner_id
   group by d.partner_id, d.org_id, s.window_start
  having sum(d.v) <> 0 or sum(d.nw) <> 0 or sum(d.nf) <> 0
  on conflict (partner_id, window_start) do update
     set won_value = t.won_value + excluded.won_value,
         referrals_won = t.referrals_won + excluded.referrals_won,
         referrals_submitted = t.referrals_submitted + excluded.referrals_submitted
$$;
comment on function private.add_window_totals(public.partner_monthly_rollups[], public.partner_monthly_rollups[]) is 'Adds roll-up rows (p_new) and takes others out (p_old) of every kept window of partner_window_totals they fall in.';
revoke all on function private.add_window_totals(public.partner_monthly_rollups[], public.partner_monthly_rollups[]) from public, anon, authenticated;

create or replace function private.window_totals_after_rollups()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_window_totals(array(select n::public.partner_monthly_rollups from new_rows n), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_window_totals('{}', array(select o::public.partner_monthly_rollups from old_rows o));
  else
    perform private.add_window_totals(array(select n::public.partner_monthly_rollups from new_rows n),
                                      array(select o::public.partner_monthly_rollups from old_rows o));
  end if;
  return null;
end
$$;
comment on function private.window_totals_after_rollups() is 'AFTER ... FOR EACH STATEMENT on partner_monthly_rollups: adds the changed months'' won value, won count and referrals submitted to every kept window they fall in.';
revoke all on function private.window_totals_after_rollups() from public, anon, authenticated;

create trigger partner_monthly_rollups_windows_insert after insert on public.partner_monthly_rollups
  referencing new table as new_rows for each statement execute function private.window_totals_after_rollups();
create trigger partner_monthly_rollups_windows_update after update on public.partner_monthly_rollups
  referencing old table as old_rows new table as new_rows for each statement execute function private.window_totals_after_rollups();
create trigger partner_monthly_rollups_windows_delete after delete on public.partner_monthly_rollups
  referencing old table as old_rows for each statement execute function private.window_totals_after_rollups();

-- The windows an organization's presets start on, on p_today (its own date by default).
create or replace function private.dashboard_window_starts(p_time_zone text, p_today date default null)
returns setof date
language sql
stable
set search_path = ''
as $$
  with d as (select coalesce(p_today, (now() at time zone p_time_zone)::date) as today)
  select (date_trunc('month', d.today) - interval '11 months')::date from d
  union
  select date_trunc('year', d.today)::date from d
$$;
comment on function private.dashboard_window_starts(text, date) is 'First months of the dashboard''s month-aligned presets on p_today in the time zone: the last twelve months (this one included) and the year to date.';
revoke all on function private.dashboard_window_starts(text, date) from public, anon, authenticated;

-- Drops the organization's windows no preset starts on any more and builds the missing ones
-- from the roll-ups. Writers of roll-ups wait while a window is built, then add their deltas
-- to it, so none is lost between the build and the trigger.
create or replace function private.refresh_partner_windows(p_org_id uuid, p_today date default null)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  tz text;
  built integer := 0;
  start date;
begin
  select o.time_zone into tz from public.organizations o where o.id = p_org_id;
  if tz is null then
    return 0;
  end if;
  delete from public.partner_window_starts s
   where s.org_id = p_org_id
     and s.window_start not in (select w from private.dashboard_window_starts(tz, p_today) w);
  for start in
    select w from private.dashboard_window_starts(tz, p_today) w
     where not exists (select from public.partner_window_starts s where s.org_id = p_org_id and s.window_start = w)
  loop
    lock table public.partner_monthly_rollups in share mode;
    insert into public.partner_window_starts (org_id, window_start) values (p_org_id, start);
    insert into public.partner_window_totals (partner_id, org_id, window_start, won_value, referrals_won, referrals_submitted)
    select r.partner_id, p_org_id, start, sum(r.won_value), sum(r.referrals_won), sum(r.referrals_submitted)
      from public.partner_monthly_rollups r
     where r.org_id = p_org_id and r.month >= start
     group by r.partner_id
    having sum(r.won_value) <> 0 or sum(r.referrals_won) <> 0 or sum(r.referrals_submitted) <> 0;
    built := built + 1;
  end loop;
  return built;
end
$$;
comment on function private.refresh_partner_windows(uuid, date) is 'Keeps the organization''s window totals to the windows its presets start on at p_today (default: today in its time zone): drops the others, builds the missing from the roll-ups. Returns how many it built.';
revoke all on function private.refresh_partner_windows(uuid, date) from public, anon, authenticated;

create or replace function public.refresh_dashboard_windows()
returns integer
language sql
volatile
security definer
set search_path = ''
as $$
  select coalesce(sum(private.refresh_partner_windows(o.id)), 0)::integer
    from public.organizations o
   where exists (select w from private.dashboard_window_starts(o.time_zone) w
                  except select s.window_start from public.partner_window_starts s where s.org_id = o.id)
      or exists (select s.window_start from public.partner_window_starts s where s.org_id = o.id
                  except select w from private.dashboard_window_starts(o.time_zone) w)
$$;
comment on function public.refresh_dashboard_windows() is 'Runner: moves every organization''s kept dashboard windows to the months its presets start on today (a new month starts new windows); builds what is missing, touches nothing that is current. service_role only.';
revoke all on function public.refresh_dashboard_windows() from public, anon, authenticated;
grant execute on function public.refresh_dashboard_windows() to service_role;

-- Last referral ---------------------------------------------------------------------------

create table public.partner_last_referrals (
  partner_id uuid not null references public.partners (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  last_referred_at timestamptz not null,
  constraint partner_last_referrals_pkey primary key (partner_id)
);
comment on table public.partner_last_referrals is 'Per partner with referrals: the latest referred_at, kept current by triggers on partner_referrals. Read by dashboard_leaders for partners that went quiet; staff only; nobody writes through the API.';
comment on column public.partner_last_referrals.partner_id is 'The partner.';
comment on column public.partner_last_referrals.org_id is 'Organization (the partner''s).';
comment on column public.partner_last_referrals.last_referred_at is 'max(referred_at) of the partner''s referrals.';
create index partner_last_referrals_org_last_idx on public.partner_last_referrals (org_id, last_referred_at desc)
  include (partner_id);

alter table public.partner_last_referrals enable row level security;
create policy "Last referrals are visible to staff"
  on public.partner_last_referrals for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_last_referrals from public, anon, authenticated, service_role;
grant select on table public.partner_last_referrals to authenticated, service_role;

-- New referrals can only move a partner's date later; a move, a new date or a delete is
-- worked out again from the partner's own rows (one index probe each). An update that keeps
-- the partner and the date (a status move, the common case) costs a join of the changed rows.
create or replace function private.reread_last_referrals(p_partner_ids uuid[])
returns void
language sql
security definer
set search_path = ''
as $$
  with latest as (
    select p.id as partner_id, p.org_id,
           (select max(x.referred_at) from public.partner_referrals x where x.partner_id = p.id) as at
      from public.partners p where p.id = any (p_partner_ids)),
  gone as (
    delete from public.partner_last_referrals l using latest
     where l.partner_id = latest.partner_id and latest.at is null)
  insert into public.partner_last_referrals as l (partner_id, org_id, last_referred_at)
  select latest.partner_id, latest.org_id, latest.at from latest where latest.at is not null
  on conflict (partner_id) do update set last_referred_at = excluded.last_referred_at
$$;
comment on function private.reread_last_referrals(uuid[]) is 'Sets partner_last_referrals of the named partners from their referrals again (none left: no row). A partner being deleted is skipped.';
revoke all on function private.reread_last_referrals(uuid[]) from public, anon, authenticated;

create or replace function private.last_referrals_after_referrals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.partner_last_referrals as l (partner_id, org_id, last_referred_at)
    select n.partner_id, n.org_id, max(n.referred_at) from new_rows n group by n.partner_id, n.org_id
    on conflict (partner_id) do update set last_referred_at = greatest(l.last_referred_at, excluded.last_referred_at);
    return null;
  end if;
  if tg_op = 'DELETE' then
    perform private.reread_last_referrals(array(select distinct o.partner_id from old_rows o));
  else
    perform private.reread_last_referrals(array(
      select o.partner_id from old_rows o join new_rows n on n.id = o.id
       where n.partner_id is distinct from o.partner_id or n.referred_at is distinct from o.referred_at
      union
      select n.partner_id from old_rows o join new_rows n on n.id = o.id
       where n.partner_id is distinct from o.partner_id or n.referred_at is distinct from o.referred_at));
  end if;
  return null;
end
$$;
comment on function private.last_referrals_after_referrals() is 'AFTER ... FOR EACH STATEMENT on partner_referrals: keeps partner_last_referrals at each partner''s latest referred_at (inserts take the later date; moves, new dates and deletes read the partner''s rows again).';
revoke all on function private.last_referrals_after_referrals() from public, anon, authenticated;
create trigger partner_referrals_last_insert after insert on public.partner_referrals
  referencing new table as new_rows for each statement execute function private.last_referrals_after_referrals();
create trigger partner_referrals_last_update after update on public.partner_referrals
  referencing old table as old_rows new table as new_rows for each statement execute function private.last_referrals_after_referrals();
create trigger partner_referrals_last_delete after delete on public.partner_referrals
  referencing old table as old_rows for each statement execute function private.last_referrals_after_referrals();

-- The backfill below, db:seed:scale (which loads with triggers set aside), and repairs.
create or replace function private.rebuild_partner_last_referrals(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.partner_last_referrals where org_id = p_org_id;
  insert into public.partner_last_referrals (partner_id, org_id, last_referred_at)
  select x.partner_id, p_org_id, max(x.referred_at) from public.partner_referrals x
   where x.org_id = p_org_id group by x.partner_id;
end
$$;
comment on function private.rebuild_partner_last_referrals(uuid) is 'Recomputes the organization''s partner_last_referrals from its referrals.';
revoke all on function private.rebuild_partner_last_referrals(uuid) from public, anon, authenticated;

select private.rebuild_partner_last_referrals(o.id) from public.organizations o;
select private.refresh_partner_windows(o.id) from public.organizations o;

-- the quiet board's count takes the archived partners out of the kept dates
create index partners_org_archived_idx on public.partners (org_id) include (id) where archived_at is not null;

-- Leaders ---------------------------------------------------------------------------------
-- Staff asking for a period that starts on a kept window and runs to today (the default
-- period, the year to date) read the kept totals: each board's first rows and its size.
-- Other periods read the monthly roll-ups as before; partner users, the plain rows. Quiet
-- partners come from the kept last-referral dates for staff.
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
  top_n integer := greatest(coalesce(p_limit, 5), 1);
  unfiltered boolean := p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null;
  kept boolean;
begin
  select x.time_zone into tz from public.organizations x where x.id = p_org_id;
  if tz is null or p_from > p_to then
    return;
  end if;
  period_end := (p_to + 1)::timestamp at time zone tz;
  kept := staff
      and p_to >= (now() at time zone tz)::date
      and exists (select from public.partner_window_starts s where s.org_id = p_org_id and s.window_start = p_from);

  if kept and unfiltered
     and not exists (select from public.partner_referrals x where x.org_id = p_org_id and x.referred_at >= period_end)
     and not exists (select from public.partner_referrals x where x.org_id = p_org_id and x.closed_at >= period_end) then
    -- nothing after the period's end: the kept totals are the period's, read in index order;
    -- the n-th value of a board is its cut, and every row at or above it a candidate (ties)
    return query
    with cut as (
      select min(c.referrals_submitted) as nf from (
        select k.referrals_submitted from public.partner_window_totals k
         where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted > 0
         order by k.referrals_submitted desc limit top_n) c),
    top as (
      select k.referrals_submitted as nf, x.id, x.name
        from public.partner_window_totals k
        join public.partners x on x.id = k.partner_id
       where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted >= (select cut.nf from cut)
       order by 1 desc, 3, 2 limit top_n)
    select 'new_referrals'::text, (row_number() over (order by t.nf desc, t.name, t.id))::integer,
           (select count(*) from public.partner_window_totals k
             where k.org_id = p_org_id and k.window_start = p_from and k.referrals_submitted > 0)::integer,
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
           ((select count(*) from public.partner_last_referrals l
              where l.org_id = p_org_id and l.last_referred_at < period_end - interval '90 days')
          - (select count(*) from public.partners x
               join public.partner_last_referrals l on l.partner_id = x.id
              where x.org_id = p_org_id and x.archived_at is not null
                and l.last_referred_at < period_end - interval '90 days'))::integer,
           t.id, t.name, null::numeric, null::integer, t.at
      from top t
     order by 2;

    return query
    with cut as (
      select min(c.won_value) as v from (
        select k.won_value from public.partner_window_totals k
         where k.org_id = p_org_id and k.window_start = p_from and k.won_value > 0 and k.referrals_won > 0
         order by k.won_value desc limit top_n) c),
    top as (
      select k.won_value as v, k.referrals_won as nw, x.id, x.name
        from public.partner_window_totals k
        join public.partners x on x.id = k.partner_id
       where k.org_id = p_org_id and k.window_start = p_from and k.referrals_won > 0
         and k.won_value >= (select cut.v from cut)
       order by 1 desc, 4, 3 limit top_n)
    select 'won_value'::text, (row_number() over (order by t.v desc, t.name, t.id))::integer,
           (select count(*) from public.partner_window_totals k
             where k.org_id = p_org_id and k.window_start = p_from and k.won_value > 0 and k.referrals_won > 0)::integer,
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
comment on function public.dashboard_leaders(uuid, date, date, uuid, text, text[], text[], integer) is 'Dashboard leaders: top p_limit partners by won value (won, closed in the period) and by referrals submitted in the period, and quiet partners (not archived; last referral before the period''s end minus 90 days), with each board''s full size. Staff read kept window totals for a period that starts on a kept window and runs to today, the monthly roll-ups otherwise, and kept last-referral dates. Security invoker.';
