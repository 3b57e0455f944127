-- The leaders' board sizes kept instead of counted. On the kept, unfiltered path the top rows
-- of each board are a short index walk, but each board's size was a count over the window's
-- partners (at a million partners, three counts of ~1M index entries, ~1.5 s of ~1.6 s):
--   * partner_window_starts now carries, per kept window, how many partners submitted a
--     referral in it and how many won value in it, moved by a statement trigger on
--     partner_window_totals whenever a partner's totals cross zero;
--   * partner_last_referral_days counts, per organization and UTC day, the partners not
--     archived whose latest referral falls on that day. "Quiet" partners (latest referral
--     before a cut-off) are the days before the cut-off's day summed, plus that one day's
--     partners read by index range. UTC days, so a time zone change moves nothing.
-- Both are also worked out from scratch where the kept rows are built in bulk (the window
-- build, the last-referral rebuild, which db:seed:scale runs with triggers set aside).

-- Window sizes ------------------------------------------------------------------------------

alter table public.partner_window_starts
  add column partners_submitting integer not null default 0,
  add column partners_winning integer not null default 0;
comment on column public.partner_window_starts.partners_submitting is 'How many of the window''s partner_window_totals rows have referrals_submitted > 0: the size of the new-referrals board.';
comment on column public.partner_window_starts.partners_winning is 'How many of the window''s partner_window_totals rows have won_value > 0 and referrals_won > 0: the size of the won-value board.';

-- Adds the rows of p_new and takes those of p_old out of their windows' sizes. A window whose
-- row is gone (dropped, its totals cascading away) matches nothing. Windows are updated in key
-- order, so two writers never hold one window each while waiting for the other's.
create or replace function private.add_window_sizes(
  p_new public.partner_window_totals[], p_old public.partner_window_totals[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d record;
begin
  for d in
    select r.org_id, r.window_start, sum(r.f) as f, sum(r.w) as w
      from (
        select n.org_id, n.window_start, (n.referrals_submitted > 0)::integer as f,
               (n.won_value > 0 and n.referrals_won > 0)::integer as w
          from unnest(p_new) n
        union all
        select o.org_id, o.window_start, -(o.referrals_submitted > 0)::integer,
               -(o.won_value > 0 and o.referrals_won > 0)::integer
          from unnest(p_old) o) r
     group by r.org_id, r.window_start
    having sum(r.f) <> 0 or sum(r.w) <> 0
     order by r.org_id, r.window_start
  loop
    update public.partner_window_starts s
       set partners_submitting = s.partners_submitting + d.f, partners_winning = s.partners_winning + d.w
     where s.org_id = d.org_id and s.window_start = d.window_start;
  end loop;
end
$$;
comment on function private.add_window_sizes(public.partner_window_totals[], public.partner_window_totals[]) is 'Moves partner_window_starts.partners_submitting and partners_winning by the window total rows added (p_new) and taken out (p_old).';
revoke all on function private.add_window_sizes(public.partner_window_totals[], public.partner_window_totals[]) from public, anon, authenticated;

create or replace function private.window_sizes_after_totals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_window_sizes(array(select n::public.partner_window_totals from new_rows n), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_window_sizes('{}', array(select o::public.partner_window_totals from old_rows o));
  else
    -- most updates leave both signs as they were: only the rows that cross zero are passed
    perform private.add_window_sizes(
      array(select n::public.partner_window_totals from new_rows n join old_rows o on o.partner_id = n.partner_id and o.window_start = n.window_start
             where (n.referrals_submitted > 0) <> (o.referrals_submitted > 0)
                or (n.won_value > 0 and n.referrals_won > 0) <> (o.won_value > 0 and o.referrals_won > 0)),
      array(select o::public.partner_window_totals from new_rows n join old_rows o on o.partner_id = n.partner_id and o.window_start = n.window_start
             where (n.referrals_submitted > 0) <> (o.referrals_submitted > 0)
                or (n.won_value > 0 and n.referrals_won > 0) <> (o.won_value > 0 and o.referrals_won > 0)));
  end if;
  return null;
end
$$;
comment on function private.window_sizes_after_totals() is 'AFTER ... FOR EACH STATEMENT on partner_window_totals: keeps the windows'' board sizes (partner_window_starts.partners_submitting, partners_winning).';
revoke all on function private.window_sizes_after_totals() from public, anon, authenticated;

create trigger partner_window_totals_sizes_insert after insert on public.partner_window_totals
  referencing new table as new_rows for each statement execute function private.window_sizes_after_totals();
create trigger partner_window_totals_sizes_update after update on public.partner_window_totals
  referencing old table as old_rows new table as new_rows for each statement execute function private.window_sizes_after_totals();
create trigger partner_window_totals_sizes_delete after delete on public.partner_window_totals
  referencing old table as old_rows for each statement execute function private.window_sizes_after_totals();

-- Counted from the window's rows once they are built: writers of roll-ups wait for the build
-- (share lock), and with triggers set aside (db:seed:scale) the count is all there is.
create or replace function private.count_window_sizes(p_org_id uuid, p_window_start date)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.partner_window_starts s
     set partners_submitting = c.f, partners_winning = c.w
    from (select count(*) filter (where k.referrals_submitted > 0)::integer as f,
                 count(*) filter (where k.won_value > 0 and k.referrals_won > 0)::integer as w
            from public.partner_window_totals k
           where k.org_id = p_org_id and k.window_start = p_window_start) c
   where s.org_id = p_org_id and s.window_start = p_window_start
$$;
comment on function private.count_window_sizes(uuid, date) is 'Sets a kept window''s board sizes (partners_submitting, partners_winning) from its partner_window_totals rows.';
revoke all on function private.count_window_sizes(uuid, date) from public, anon, authenticated;

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
    perform private.count_window_sizes(p_org_id, start);
    built := built + 1;
  end loop;
  return built;
end
$$;
comment on function private.refresh_partner_windows(uuid, date) is 'Keeps the organization''s window totals to the windows its presets start on at p_today (default: today in its time zone): drops the others, builds the missing from the roll-ups, and counts their board sizes. Returns how many it built.';
revoke all on function private.refresh_partner_windows(uuid, date) from public, anon, authenticated;

update public.partner_window_starts s
   set partners_submitting = c.f, partners_winning = c.w
  from (select k.org_id, k.window_start, count(*) filter (where k.referrals_submitted > 0)::integer as f,
               count(*) filter (where k.won_value > 0 and k.referrals_won > 0)::integer as w
          from public.partner_window_totals k group by k.org_id, k.window_start) c
 where s.org_id = c.org_id and s.window_start = c.window_start;

-- Quiet partners by day of last referral ---------------------------------------------------

create table public.partner_last_referral_days (
  org_id uuid not null references public.organizations (id) on delete cascade,
  day date not null,
  partners integer not null default 0,
  constraint partner_last_referral_days_pkey primary key (org_id, day)
);
comment on table public.partner_last_referral_days is 'Per organization and UTC day: how many partners not archived have their latest referral (partner_last_referrals) on that day, kept by triggers on partner_last_referrals and partners. Read by dashboard_leaders for the quiet board''s size; staff only; nobody writes through the API.';
comment on column public.partner_last_referral_days.org_id is 'Organization.';
comment on column public.partner_last_referral_days.day is 'UTC date of the partners'' last_referred_at.';
comment on column public.partner_last_referral_days.partners is 'Partners not archived whose last_referred_at falls on the day.';

alter table public.partner_last_referral_days enable row level security;
create policy "Last referral days are visible to staff"
  on public.partner_last_referral_days for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_last_referral_days from public, anon, authenticated, service_role;
grant select on table public.partner_last_referral_days to authenticated, service_role;

-- Adds (p_new) and takes out (p_old) last-referral rows whose partner is not archived. The
-- partners are locked FOR SHARE first, so an archive or restore of one either committed before
-- (and is read here) or waits for this transaction (and then reads its date). A partner being
-- deleted is skipped: its BEFORE DELETE trigger took its day out. Days in key order.
create or replace function private.add_last_referral_days(
  p_new public.partner_last_referrals[], p_old public.partner_last_referrals[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform from public.partners p
   where p.id in (select n.partner_id from unnest(p_new) n union select o.partner_id from unnest(p_old) o)
   order by p.id for share;
  insert into public.partner_last_referral_days as d (org_id, day, partners)
  select r.org_id, r.day, sum(r.n)
    from (
      select n.org_id, (n.last_referred_at at time zone 'UTC')::date as day, 1 as n
        from unnest(p_new) n join public.partners p on p.id = n.partner_id and p.archived_at is null
      union all
      select o.org_id, (o.last_referred_at at time zone 'UTC')::date, -1
        from unnest(p_old) o join public.partners p on p.id = o.partner_id and p.archived_at is null) r
   group by r.org_id, r.day
  having sum(r.n) <> 0
   order by r.org_id, r.day
  on conflict (org_id, day) do update set partners = d.partners + excluded.partners;
end
$$;
comment on function private.add_last_referral_days(public.partner_last_referrals[], public.partner_last_referrals[]) is 'Adds last-referral rows (p_new) to and takes others (p_old) out of partner_last_referral_days, for partners not archived.';
revoke all on function private.add_last_referral_days(public.partner_last_referrals[], public.partner_last_referrals[]) from public, anon, authenticated;

create or replace function private.last_referral_days_after_last_referrals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.add_last_referral_days(array(select n::public.partner_last_referrals from new_rows n), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_last_referral_days('{}', array(select o::public.partner_last_referrals from old_rows o));
  else
    perform private.add_last_referral_days(
      array(select n::public.partner_last_referrals from new_rows n join old_rows o on o.partner_id = n.partner_id
             where (n.last_referred_at at time zone 'UTC')::date <> (o.last_referred_at at time zone 'UTC')::date),
      array(select o::public.partner_last_referrals from new_rows n join old_rows o on o.partner_id = n.partner_id
             where (n.last_referred_at at time zone 'UTC')::date <> (o.last_referred_at at time zone 'UTC')::date));
  end if;
  return null;
end
$$;
comment on function private.last_referral_days_after_last_referrals() is 'AFTER ... FOR EACH STATEMENT on partner_last_referrals: moves partners between the days of partner_last_referral_days as their latest referral moves.';
revoke all on function private.last_referral_days_after_last_referrals() from public, anon, authenticated;

create trigger partner_last_referrals_days_insert after insert on public.partner_last_referrals
  referencing new table as new_rows for each statement execute function private.last_referral_days_after_last_referrals();
create trigger partner_last_referrals_days_update after update on public.partner_last_referrals
  referencing old table as old_rows new table as new_rows for each statement execute function private.last_referral_days_after_last_referrals();
create trigger partner_last_referrals_days_delete after delete on public.partner_last_referrals
  referencing old table as old_rows for each statement execute function private.last_referral_days_after_last_referrals();

-- Archiving or restoring a partner takes it out of or puts it back in its day. The partners'
-- rows are locked by the update itself, so a concurrent change of their latest referral has
-- either committed (and is read here) or waits and then sees them archived or not.
create or replace function private.last_referral_days_after_archive()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_last_referral_days as d (org_id, day, partners)
  select l.org_id, (l.last_referred_at at time zone 'UTC')::date, sum(case when n.archived_at is null then 1 else -1 end)
    from new_rows n
    join old_rows o on o.id = n.id
    join public.partner_last_referrals l on l.partner_id = n.id
   where (n.archived_at is null) <> (o.archived_at is null)
   group by 1, 2
  having sum(case when n.archived_at is null then 1 else -1 end) <> 0
   order by 1, 2
  on conflict (org_id, day) do update set partners = d.partners + excluded.partners;
  return null;
end
$$;
comment on function private.last_referral_days_after_archive() is 'AFTER UPDATE FOR EACH STATEMENT on partners: a partner archived or restored leaves or rejoins the day of its latest referral in partner_last_referral_days.';
revoke all on function private.last_referral_days_after_archive() from public, anon, authenticated;
create trigger partners_last_referral_days_archive after update on public.partners
  referencing old table as old_rows new table as new_rows for each statement execute function private.last_referral_days_after_archive();

-- Before the partner goes, while its last referral is still there to read (the cascade that
-- removes it then finds no partner and moves nothing). Only an update: when the whole
-- organization goes, its days may be gone already.
create or replace function private.last_referral_days_before_partner_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.archived_at is null then
    update public.partner_last_referral_days d
       set partners = d.partners - 1
      from public.partner_last_referrals l
     where l.partner_id = old.id and d.org_id = l.org_id and d.day = (l.last_referred_at at time zone 'UTC')::date;
  end if;
  return old;
end
$$;
comment on function private.last_referral_days_before_partner_delete() is 'BEFORE DELETE on partners: a partner not archived leaves the day of its latest referral in partner_last_referral_days.';
revoke all on function private.last_referral_days_before_partner_delete() from public, anon, authenticated;
create trigger partners_last_referral_days_delete before delete on public.partners
  for each row execute function private.last_referral_days_before_partner_delete();

create or replace function private.rebuild_partner_last_referral_days(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  lock table public.partner_last_referral_days in exclusive mode;
  delete from public.partner_last_referral_days where org_id = p_org_id;
  insert into public.partner_last_referral_days (org_id, day, partners)
  select p_org_id, (l.last_referred_at at time zone 'UTC')::date, count(*)
    from public.partner_last_referrals l
    join public.partners p on p.id = l.partner_id and p.archived_at is null
   where l.org_id = p_org_id
   group by 2;
end
$$;
comment on function private.rebuild_partner_last_referral_days(uuid) is 'Recomputes the organization''s partner_last_referral_days from partner_last_referrals and partners.';
revoke all on function private.rebuild_partner_last_referral_days(uuid) from public, anon, authenticated;

-- db:seed:scale rebuilds the last referrals with triggers set aside: the days follow them
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
  perform private.rebuild_partner_last_referral_days(p_org_id);
end
$$;
comment on function private.rebuild_partner_last_referrals(uuid) is 'Recomputes the organization''s partner_last_referrals from its referrals, and partner_last_referral_days from them.';
revoke all on function private.rebuild_partner_last_referrals(uuid) from public, anon, authenticated;

select private.rebuild_partner_last_referral_days(o.id) from public.organizations o;

-- Leaders ---------------------------------------------------------------------------------
-- As in 20261203020200, but the kept, unfiltered path reads each board's size instead of
-- counting it.
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
