-- Per-partner monthly roll-ups behind the program dashboard, so a year of tiles, trend and
-- funnel reads a few hundred thousand small rows instead of a million referrals. Months are
-- the organization's (its time zone), so a whole month of the period is one row per partner;
-- the days of a period that do not fill a month are read from the raw rows, so any period is
-- exact. Rows are per partner, so the owner, region, tier and status filters still apply.
--
-- Kept current like partner_stats: statement-level triggers on partner_referrals and
-- partner_commissions take each changed row's contributions out (old rows) and put them back
-- in (new rows) as deltas, so a status move, a new date, a new value or a move to another
-- partner lands in the right months. Deltas are upserts, so concurrent writers add up.
-- A change of the org's time zone rebuilds the org's months.

-- The dates the roll-ups bucket on follow the status, whoever writes the row: an open
-- referral has no closed_at, a commission has paid_at only when paid and voided_at only when
-- void. The roll-ups' "open now" (partner_stats, by status) and the dated history then agree.
create or replace function private.stamp_referral_stages()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    -- the stamps are the trigger's, not the caller's
    new.qualified_at := old.qualified_at;
    new.in_progress_at := old.in_progress_at;
  end if;
  if new.status = 'qualified' and new.qualified_at is null then
    new.qualified_at := greatest(now(), new.referred_at);
  elsif new.status = 'in_progress' and new.in_progress_at is null then
    new.in_progress_at := greatest(now(), new.referred_at);
  end if;
  -- moved back: the stage is reached again later, and that later time counts
  if new.status = 'submitted' then
    new.qualified_at := null;
    new.in_progress_at := null;
  elsif new.status = 'qualified' then
    new.in_progress_at := null;
  end if;
  if new.status not in ('won', 'lost') then
    new.closed_at := null;
  end if;
  -- a new referred_at must not leave a stamp before it
  if new.qualified_at < new.referred_at then
    new.qualified_at := new.referred_at;
  end if;
  if new.in_progress_at < new.referred_at then
    new.in_progress_at := new.referred_at;
  end if;
  return new;
end
$$;
comment on function private.stamp_referral_stages() is 'BEFORE INSERT/UPDATE on partner_referrals: qualified_at / in_progress_at stamp the first time each stage is reached (on insert a given stamp is kept, on update the trigger alone sets them); an open referral has no closed_at.';

create or replace function private.commission_dates_follow_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'pending' then
    new.approved_at := null;
  end if;
  if new.status <> 'paid' then
    new.paid_at := null;
  end if;
  if new.status <> 'void' then
    new.voided_at := null;
  end if;
  return new;
end
$$;
comment on function private.commission_dates_follow_status() is 'BEFORE INSERT/UPDATE on partner_commissions, after the state machine: approved_at, paid_at and voided_at only where the status has them.';
revoke all on function private.commission_dates_follow_status() from public, anon, authenticated;
-- named to fire after partner_commissions_state_machine (BEFORE triggers run by name)
create trigger partner_commissions_timeline before insert or update on public.partner_commissions
  for each row execute function private.commission_dates_follow_status();

alter table public.partner_referrals disable trigger user;
update public.partner_referrals set closed_at = null where closed_at is not null and status not in ('won', 'lost');
alter table public.partner_referrals enable trigger user;
alter table public.partner_commissions disable trigger user;
update public.partner_commissions
   set approved_at = case when status = 'pending' then null else approved_at end,
       paid_at = case when status = 'paid' then paid_at end,
       voided_at = case when status = 'void' then voided_at end
 where (status = 'pending' and approved_at is not null)
    or (status <> 'paid' and paid_at is not null)
    or (status <> 'void' and voided_at is not null);
alter table public.partner_commissions enable trigger user;

create table public.partner_monthly_rollups (
  partner_id uuid not null references public.partners (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  month date not null,
  referrals_submitted integer not null default 0,
  submitted_value numeric not null default 0,
  closed_value numeric not null default 0,
  referrals_won integer not null default 0,
  referrals_lost integer not null default 0,
  won_value numeric not null default 0,
  reached_qualified integer not null default 0,
  reached_qualified_value numeric not null default 0,
  reached_in_progress integer not null default 0,
  reached_in_progress_value numeric not null default 0,
  referrals_now_won integer not null default 0,
  won_estimated_value numeric not null default 0,
  referrals_now_lost integer not null default 0,
  lost_estimated_value numeric not null default 0,
  commission_earned numeric not null default 0,
  commission_recorded numeric not null default 0,
  commission_approved numeric not null default 0,
  commission_paid numeric not null default 0,
  commission_settled numeric not null default 0,
  constraint partner_monthly_rollups_pkey primary key (partner_id, month),
  constraint partner_monthly_rollups_month_is_first check (extract(day from month) = 1)
);
comment on table public.partner_monthly_rollups is 'Per partner and calendar month of the organization (its time zone): sums of its referrals and commissions by the date each figure is counted on, kept current by triggers. Read by the dashboard functions; staff only; nobody writes through the API.';
comment on column public.partner_monthly_rollups.partner_id is 'The partner.';
comment on column public.partner_monthly_rollups.org_id is 'Organization (the partner''s).';
comment on column public.partner_monthly_rollups.month is 'First day of the month, in the organization''s time zone.';
comment on column public.partner_monthly_rollups.referrals_submitted is 'Referrals with referred_at in the month.';
comment on column public.partner_monthly_rollups.submitted_value is 'Their estimated_value (null as 0).';
comment on column public.partner_monthly_rollups.closed_value is 'estimated_value of referrals with closed_at in the month (leaving the pipeline).';
comment on column public.partner_monthly_rollups.referrals_won is 'Won referrals with closed_at in the month.';
comment on column public.partner_monthly_rollups.referrals_lost is 'Lost referrals with closed_at in the month.';
comment on column public.partner_monthly_rollups.won_value is 'actual_value of won referrals with closed_at in the month.';
comment on column public.partner_monthly_rollups.reached_qualified is 'Referrals referred in the month that reached qualified (qualified_at or in_progress_at set, or won).';
comment on column public.partner_monthly_rollups.reached_qualified_value is 'Their estimated_value.';
comment on column public.partner_monthly_rollups.reached_in_progress is 'Referrals referred in the month that reached in progress (in_progress_at set, or won).';
comment on column public.partner_monthly_rollups.reached_in_progress_value is 'Their estimated_value.';
comment on column public.partner_monthly_rollups.referrals_now_won is 'Referrals referred in the month and now won.';
comment on column public.partner_monthly_rollups.referrals_now_lost is 'Referrals referred in the month and now lost.';
comment on column public.partner_monthly_rollups.won_estimated_value is 'estimated_value of referrals referred in the month and now won.';
comment on column public.partner_monthly_rollups.lost_estimated_value is 'estimated_value of referrals referred in the month and now lost.';
comment on column public.partner_monthly_rollups.commission_earned is 'amount of non-void commissions with earned_at in the month.';
comment on column public.partner_monthly_rollups.commission_recorded is 'amount of all commissions (void too) with earned_at in the month: what becomes owed then.';
comment on column public.partner_monthly_rollups.commission_approved is 'amount of non-void commissions with approved_at in the month.';
comment on column public.partner_monthly_rollups.commission_paid is 'amount of commissions with paid_at in the month.';
comment on column public.partner_monthly_rollups.commission_settled is 'amount of commissions that stop being owed in the month: paid or voided (never before earned_at).';

create index partner_monthly_rollups_org_month_idx on public.partner_monthly_rollups (org_id, month);
-- the raw edge reads: when a commission stops being owed
create index partner_commissions_org_settled_idx on public.partner_commissions
  (org_id, (greatest(earned_at, least(paid_at, voided_at)))) where paid_at is not null or voided_at is not null;
create index partner_commissions_org_approved_idx on public.partner_commissions (org_id, approved_at) where approved_at is not null;

alter table public.partner_monthly_rollups enable row level security;
create policy "Monthly roll-ups are visible to staff"
  on public.partner_monthly_rollups for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_monthly_rollups from public, anon, authenticated, service_role;
grant select on table public.partner_monthly_rollups to authenticated, service_role;

-- What one referral adds to the months (its org's time zone); negated for the old row.
create or replace function private.referral_month_contributions(
  p_time_zone text, p_referred_at timestamptz, p_closed_at timestamptz, p_status text,
  p_estimated numeric, p_actual numeric, p_qualified_at timestamptz, p_in_progress_at timestamptz)
returns table (
  month date, submitted integer, submitted_value numeric, closed_value numeric, won integer, lost integer,
  won_value numeric, reached_qualified integer, reached_qualified_value numeric,
  reached_in_progress integer, reached_in_progress_value numeric, now_won integer, won_estimated numeric,
  now_lost integer, lost_estimated numeric)
language sql
stable
set search_path = ''
as $$
  select date_trunc('month', p_referred_at at time zone p_time_zone)::date, 1, coalesce(p_estimated, 0), 0::numeric, 0, 0,
         0::numeric,
         (p_qualified_at is not null or p_in_progress_at is not null or p_status = 'won')::integer,
         case when p_qualified_at is not null or p_in_progress_at is not null or p_status = 'won' then coalesce(p_estimated, 0) else 0 end,
         (p_in_progress_at is not null or p_status = 'won')::integer,
         case when p_in_progress_at is not null or p_status = 'won' then coalesce(p_estimated, 0) else 0 end,
         (p_status = 'won')::integer, case when p_status = 'won' then coalesce(p_estimated, 0) else 0 end,
         (p_status = 'lost')::integer, case when p_status = 'lost' then coalesce(p_estimated, 0) else 0 end
  union all
  select date_trunc('month', p_closed_at at time zone p_time_zone)::date, 0, 0, coalesce(p_estimated, 0),
         (p_status = 'won')::integer, (p_status = 'lost')::integer,
         case when p_status = 'won' then coalesce(p_actual, 0) else 0 end, 0, 0, 0, 0, 0, 0, 0, 0
   where p_closed_at is not null
$$;
revoke all on function private.referral_month_contributions(text, timestamptz, timestamptz, text, numeric, numeric, timestamptz, timestamptz) from public, anon, authenticated;

create or replace function private.commission_month_contributions(
  p_time_zone text, p_status text, p_amount numeric, p_earned_at timestamptz, p_approved_at timestamptz,
  p_paid_at timestamptz, p_voided_at timestamptz)
returns table (month date, earned numeric, recorded numeric, approved numeric, paid numeric, settled numeric)
language sql
stable
set search_path = ''
as $$
  select date_trunc('month', p_earned_at at time zone p_time_zone)::date,
         case when p_status <> 'void' then p_amount else 0 end, p_amount, 0::numeric, 0::numeric, 0::numeric
  union all
  select date_trunc('month', p_approved_at at time zone p_time_zone)::date, 0, 0, p_amount, 0, 0
   where p_approved_at is not null and p_status <> 'void'
  union all
  select date_trunc('month', p_paid_at at time zone p_time_zone)::date, 0, 0, 0, p_amount, 0
   where p_paid_at is not null
  union all
  select date_trunc('month', greatest(p_earned_at, least(p_paid_at, p_voided_at)) at time zone p_time_zone)::date, 0, 0, 0, 0, p_amount
   where least(p_paid_at, p_voided_at) is not null
$$;
revoke all on function private.commission_month_contributions(text, text, numeric, timestamptz, timestamptz, timestamptz, timestamptz) from public, anon, authenticated;

-- Adds (p_sign 1) or takes out (-1) the contributions of the given rows. Rows of a partner
-- being deleted are skipped: its roll-ups go with it.
create or replace function private.add_referral_rollups(p_rows public.partner_referrals[], p_sign integer)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_monthly_rollups as m
         (partner_id, org_id, month, referrals_submitted, submitted_value, closed_value, referrals_won, referrals_lost,
          won_value, reached_qualified, reached_qualified_value, reached_in_progress, reached_in_progress_value,
          referrals_now_won, won_estimated_value, referrals_now_lost, lost_estimated_value)
  select x.partner_id, x.org_id, c.month, p_sign * sum(c.submitted), p_sign * sum(c.submitted_value),
         p_sign * sum(c.closed_value), p_sign * sum(c.won), p_sign * sum(c.lost), p_sign * sum(c.won_value),
         p_sign * sum(c.reached_qualified), p_sign * sum(c.reached_qualified_value),
         p_sign * sum(c.reached_in_progress), p_sign * sum(c.reached_in_progress_value),
         p_sign * sum(c.now_won), p_sign * sum(c.won_estimated), p_sign * sum(c.now_lost), p_sign * sum(c.lost_estimated)
    from unnest(p_rows) x
    join public.partners p on p.id = x.partner_id
    join public.organizations org on org.id = x.org_id
   cross join lateral private.referral_month_contributions(org.time_zone, x.referred_at, x.closed_at, x.status,
                        x.estimated_value, x.actual_value, x.qualified_at, x.in_progress_at) c
   group by x.partner_id, x.org_id, c.month
  on conflict (partner_id, month) do update set
    referrals_submitted = m.referrals_submitted + excluded.referrals_submitted,
    submitted_value = m.submitted_value + excluded.submitted_value,
    closed_value = m.closed_value + excluded.closed_value,
    referrals_won = m.referrals_won + excluded.referrals_won,
    referrals_lost = m.referrals_lost + excluded.referrals_lost,
    won_value = m.won_value + excluded.won_value,
    reached_qualified = m.reached_qualified + excluded.reached_qualified,
    reached_qualified_value = m.reached_qualified_value + excluded.reached_qualified_value,
    reached_in_progress = m.reached_in_progress + excluded.reached_in_progress,
    reached_in_progress_value = m.reached_in_progress_value + excluded.reached_in_progress_value,
    referrals_now_won = m.referrals_now_won + excluded.referrals_now_won,
    won_estimated_value = m.won_estimated_value + excluded.won_estimated_value,
    referrals_now_lost = m.referrals_now_lost + excluded.referrals_now_lost,
    lost_estimated_value = m.lost_estimated_value + excluded.lost_estimated_value
$$;
comment on function private.add_referral_rollups(public.partner_referrals[], integer) is 'Adds (1) or takes out (-1) referral rows'' contributions to partner_monthly_rollups.';
revoke all on function private.add_referral_rollups(public.partner_referrals[], integer) from public, anon, authenticated;

create or replace function private.add_commission_rollups(p_rows public.partner_commissions[], p_sign integer)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_monthly_rollups as m
         (partner_id, org_id, month, commission_earned, commission_recorded, commission_approved, commission_paid,
          commission_settled)
  select x.partner_id, x.org_id, c.month, p_sign * sum(c.earned), p_sign * sum(c.recorded),
         p_sign * sum(c.approved), p_sign * sum(c.paid), p_sign * sum(c.settled)
    from unnest(p_rows) x
    join public.partners p on p.id = x.partner_id
    join public.organizations org on org.id = x.org_id
   cross join lateral private.commission_month_contributions(org.time_zone, x.status, x.amount, x.earned_at,
                        x.approved_at, x.paid_at, x.voided_at) c
   group by x.partner_id, x.org_id, c.month
  on conflict (partner_id, month) do update set
    commission_earned = m.commission_earned + excluded.commission_earned,
    commission_recorded = m.commission_recorded + excluded.commission_recorded,
    commission_approved = m.commission_approved + excluded.commission_approved,
    commission_paid = m.commission_paid + excluded.commission_paid,
    commission_settled = m.commission_settled + excluded.commission_settled
$$;
comment on function private.add_commission_rollups(public.partner_commissions[], integer) is 'Adds (1) or takes out (-1) commission rows'' contributions to partner_monthly_rollups.';
revoke all on function private.add_commission_rollups(public.partner_commissions[], integer) from public, anon, authenticated;

create or replace function private.rollups_after_referrals()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.add_referral_rollups(array(select o::public.partner_referrals from old_rows o), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.add_referral_rollups(array(select n::public.partner_referrals from new_rows n), 1);
  end if;
  return null;
end
$$;
comment on function private.rollups_after_referrals() is 'AFTER ... FOR EACH STATEMENT on partner_referrals: moves the changed rows'' contributions in partner_monthly_rollups (old out, new in).';
revoke all on function private.rollups_after_referrals() from public, anon, authenticated;

create or replace function private.rollups_after_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.add_commission_rollups(array(select o::public.partner_commissions from old_rows o), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.add_commission_rollups(array(select n::public.partner_commissions from new_rows n), 1);
  end if;
  return null;
end
$$;
comment on function private.rollups_after_commissions() is 'AFTER ... FOR EACH STATEMENT on partner_commissions: moves the changed rows'' contributions in partner_monthly_rollups (old out, new in).';
revoke all on function private.rollups_after_commissions() from public, anon, authenticated;

create trigger partner_referrals_rollups_insert after insert on public.partner_referrals
  referencing new table as new_rows for each statement execute function private.rollups_after_referrals();
create trigger partner_referrals_rollups_update after update on public.partner_referrals
  referencing old table as old_rows new table as new_rows for each statement execute function private.rollups_after_referrals();
create trigger partner_referrals_rollups_delete after delete on public.partner_referrals
  referencing old table as old_rows for each statement execute function private.rollups_after_referrals();
create trigger partner_commissions_rollups_insert after insert on public.partner_commissions
  referencing new table as new_rows for each statement execute function private.rollups_after_commissions();
create trigger partner_commissions_rollups_update after update on public.partner_commissions
  referencing old table as old_rows new table as new_rows for each statement execute function private.rollups_after_commissions();
create trigger partner_commissions_rollups_delete after delete on public.partner_commissions
  referencing old table as old_rows for each statement execute function private.rollups_after_commissions();

-- Recomputes one organization's months from its rows: the backfill below, db:seed:scale
-- (which loads with triggers set aside), a change of time zone, and repairs.
create or replace function private.rebuild_partner_monthly_rollups(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  tz text;
begin
  select o.time_zone into tz from public.organizations o where o.id = p_org_id;
  if tz is null then
    return;
  end if;
  -- writers wait for the rebuild, then add their deltas on top of it
  lock table public.partner_monthly_rollups in exclusive mode;
  delete from public.partner_monthly_rollups where org_id = p_org_id;
  insert into public.partner_monthly_rollups
         (partner_id, org_id, month, referrals_submitted, submitted_value, closed_value, referrals_won, referrals_lost,
          won_value, reached_qualified, reached_qualified_value, reached_in_progress, reached_in_progress_value,
          referrals_now_won, won_estimated_value, referrals_now_lost, lost_estimated_value, commission_earned,
          commission_recorded, commission_approved, commission_paid, commission_settled)
  select partner_id, p_org_id, month, sum(a), sum(b), sum(c), sum(d), sum(e), sum(f), sum(g), sum(h), sum(i), sum(j),
         sum(kw), sum(k), sum(lw), sum(l), sum(m), sum(n), sum(o), sum(p), sum(q)
    from (
      select x.partner_id, c.month, c.submitted as a, c.submitted_value as b, c.closed_value as c, c.won as d,
             c.lost as e, c.won_value as f, c.reached_qualified as g, c.reached_qualified_value as h,
             c.reached_in_progress as i, c.reached_in_progress_value as j, c.now_won as kw, c.won_estimated as k,
             c.now_lost as lw, c.lost_estimated as l,
             0::numeric as m, 0::numeric as n, 0::numeric as o, 0::numeric as p, 0::numeric as q
        from public.partner_referrals x
       cross join lateral private.referral_month_contributions(tz, x.referred_at, x.closed_at, x.status,
                            x.estimated_value, x.actual_value, x.qualified_at, x.in_progress_at) c
       where x.org_id = p_org_id
      union all
      select x.partner_id, c.month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, c.earned, c.recorded, c.approved, c.paid, c.settled
        from public.partner_commissions x
       cross join lateral private.commission_month_contributions(tz, x.status, x.amount, x.earned_at,
                            x.approved_at, x.paid_at, x.voided_at) c
       where x.org_id = p_org_id) u
   group by partner_id, month;
end
$$;
comment on function private.rebuild_partner_monthly_rollups(uuid) is 'Recomputes an organization''s partner_monthly_rollups from its referrals and commissions (set-wise). For the backfill, db:seed:scale, a time zone change and repairs.';
revoke all on function private.rebuild_partner_monthly_rollups(uuid) from public, anon, authenticated;

create or replace function private.rollups_after_time_zone()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_partner_monthly_rollups(new.id);
  return null;
end
$$;
comment on function private.rollups_after_time_zone() is 'AFTER UPDATE OF time_zone on organizations: its months are other instants now, so its roll-ups are rebuilt.';
revoke all on function private.rollups_after_time_zone() from public, anon, authenticated;
create trigger organizations_rollups_time_zone after update of time_zone on public.organizations
  for each row when (old.time_zone is distinct from new.time_zone) execute function private.rollups_after_time_zone();

select private.rebuild_partner_monthly_rollups(o.id) from public.organizations o;

-- ---------------------------------------------------------------------------------------------
-- Period totals from the roll-ups: for each period [p_from[i], p_to[i]] (days in the org's
-- time zone), the whole months inside it from partner_monthly_rollups and the days before
-- the first and after the last whole month from the raw rows (indexed by org and date).
-- Staff of the org only (the roll-ups are staff's); security invoker, so RLS decides.
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
as $$
#variable_conflict use_column
begin
  -- plpgsql, not sql: its statement is planned with the call's values (a custom plan), so the
  -- date ranges meet their indexes; a generic plan of the same text scans whole tables
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
    w as (
      -- no whole month inside: every day is read raw, [t0, t1) and an empty [t1, t1)
      select w0.i, case when w0.ms < w0.me then w0.ms else w0.t + 1 end as ms,
             case when w0.ms < w0.me then w0.me else w0.t + 1 end as me,
             w0.f::timestamp at time zone o.time_zone as t0,
             (case when w0.ms < w0.me then w0.ms else w0.t + 1 end)::timestamp at time zone o.time_zone as tms,
             (case when w0.ms < w0.me then w0.me else w0.t + 1 end)::timestamp at time zone o.time_zone as tme,
             (w0.t + 1)::timestamp at time zone o.time_zone as t1
        from w0 cross join o),
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
        from w join public.partner_monthly_rollups r on r.org_id = p_org_id and r.month >= w.ms and r.month < w.me
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or r.partner_id in (select p.id from p)
       group by w.i),
    submitted as (
      select w.i, count(*) as a, coalesce(sum(x.estimated_value), 0) as b,
             count(*) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won') as g,
             coalesce(sum(x.estimated_value) filter (where x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won'), 0) as h,
             count(*) filter (where x.in_progress_at is not null or x.status = 'won') as j,
             coalesce(sum(x.estimated_value) filter (where x.in_progress_at is not null or x.status = 'won'), 0) as k,
             count(*) filter (where x.status = 'won') as lw,
             coalesce(sum(x.estimated_value) filter (where x.status = 'won'), 0) as l,
             count(*) filter (where x.status = 'lost') as mw,
             coalesce(sum(x.estimated_value) filter (where x.status = 'lost'), 0) as m
        from w join public.partner_referrals x on x.org_id = p_org_id
         and ((x.referred_at >= w.t0 and x.referred_at < w.tms) or (x.referred_at >= w.tme and x.referred_at < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i),
    closed as (
      select w.i, coalesce(sum(x.estimated_value), 0) as c, count(*) filter (where x.status = 'won') as d,
             count(*) filter (where x.status = 'lost') as e,
             coalesce(sum(x.actual_value) filter (where x.status = 'won'), 0) as f
        from w join public.partner_referrals x on x.org_id = p_org_id and x.closed_at is not null
         and ((x.closed_at >= w.t0 and x.closed_at < w.tms) or (x.closed_at >= w.tme and x.closed_at < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i),
    earned as (
      select w.i, coalesce(sum(x.amount) filter (where x.status <> 'void'), 0) as n, coalesce(sum(x.amount), 0) as q
        from w join public.partner_commissions x on x.org_id = p_org_id
         and ((x.earned_at >= w.t0 and x.earned_at < w.tms) or (x.earned_at >= w.tme and x.earned_at < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i),
    approved as (
      select w.i, coalesce(sum(x.amount), 0) as s
        from w join public.partner_commissions x on x.org_id = p_org_id and x.approved_at is not null and x.status <> 'void'
         and ((x.approved_at >= w.t0 and x.approved_at < w.tms) or (x.approved_at >= w.tme and x.approved_at < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i),
    paid as (
      select w.i, coalesce(sum(x.amount), 0) as u
        from w join public.partner_commissions x on x.org_id = p_org_id and x.paid_at is not null
         and ((x.paid_at >= w.t0 and x.paid_at < w.tms) or (x.paid_at >= w.tme and x.paid_at < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i),
    settled as (
      select w.i, coalesce(sum(x.amount), 0) as v
        from w join public.partner_commissions x on x.org_id = p_org_id
         and (x.paid_at is not null or x.voided_at is not null)
         and ((greatest(x.earned_at, least(x.paid_at, x.voided_at)) >= w.t0 and greatest(x.earned_at, least(x.paid_at, x.voided_at)) < w.tms)
           or (greatest(x.earned_at, least(x.paid_at, x.voided_at)) >= w.tme and greatest(x.earned_at, least(x.paid_at, x.voided_at)) < w.t1))
       where (p_owner_id is null and p_region is null and p_tiers is null and p_statuses is null)
          or x.partner_id in (select p.id from p)
       group by w.i)
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
comment on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) is 'Sums per period (days in the org''s time zone): whole months from partner_monthly_rollups, the other days from the raw rows. Staff of the org only; security invoker.';
revoke all on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) from public, anon;
grant execute on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) to authenticated, service_role;

-- What is open now (no period): the pipeline and owed commission of the filtered partners,
-- from the directory's metric buckets (partner_stats by status, which the dated columns
-- follow). Going back from now, pipeline at T = open now - estimated value referred since T
-- + estimated value closed since T; owed at T = owed now - amount recorded since T + amount
-- settled since T.
create or replace function private.dashboard_open_now(
  p_org_id uuid, p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (pipeline_value numeric, commission_owed numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(sum(b.pipeline_value), 0), coalesce(sum(b.owed_commission), 0)
    from public.partner_metric_buckets b
   where b.org_id = p_org_id
     and (p_owner_id is null or b.owner_id = p_owner_id)
     and (p_region is null or b.region = p_region)
     and (p_tiers is null or b.tier = any (p_tiers))
     and (p_statuses is null or b.status = any (p_statuses))
$$;
comment on function private.dashboard_open_now(uuid, uuid, text, text[], text[]) is 'Pipeline value and owed commission now of the partners matching the filters (metric buckets). Staff only through RLS; security invoker.';
revoke all on function private.dashboard_open_now(uuid, uuid, text, text[], text[]) from public, anon;
grant execute on function private.dashboard_open_now(uuid, uuid, text, text[], text[]) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- The dashboard's tiles, trend and funnel, now read from the roll-ups (same answers as the
-- definitions in 20261202150100, which tests/db/41 holds them to). Staff of the org only.

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
             p_owner_id, p_region, p_tiers, p_statuses) x),
  now_open as (select * from private.dashboard_open_now(p_org_id, p_owner_id, p_region, p_tiers, p_statuses)),
  ends as (
    select n.pipeline_value - f.submitted_value + f.closed_value as pipeline_1,
           n.commission_owed - f.commission_recorded + f.commission_settled as owed_1,
           c.submitted_value - c.closed_value as pipeline_moved_1,
           c.commission_recorded - c.commission_settled as owed_moved_1
      from now_open n, tot f, tot c where f.i = 3 and c.i = 1),
  p as (
    select x.status, x.created_at from public.partners x
     where x.org_id = p_org_id
       and (p_owner_id is null or x.owner_id = p_owner_id)
       and (p_region is null or x.region = p_region)
       and (p_tiers is null or x.tier = any (p_tiers))
       and (p_statuses is null or x.status = any (p_statuses))),
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
   cross join lateral (
     select count(*) filter (where p.status = 'active')::integer as active,
            count(*) filter (where p.created_at >= b.t0)::integer as new
       from p where p.created_at < b.t1) pp
   order by b.starts_on desc
$$;

create or replace function public.dashboard_series(
  p_org_id uuid, p_from date, p_to date, p_bucket text default 'month',
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (
  bucket date, starts_on date, ends_on date, currency text,
  referrals_submitted integer, referrals_won integer, won_value numeric,
  commission_earned numeric, commission_paid numeric, commission_owed numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with o as (
    select x.currency from public.organizations x
     where x.id = p_org_id and x.id = any ((select private.staff_org_ids())) and p_bucket in ('week', 'month')
       and p_from is not null and p_to is not null and p_from <= p_to),
  bk as (
    select (row_number() over (order by g))::integer as i, g::date as bucket, greatest(g::date, p_from) as starts_on,
           least((g + ('1 ' || p_bucket)::interval)::date - 1, p_to) as ends_on
      from o cross join generate_series(date_trunc(p_bucket, p_from::timestamp), p_to::timestamp,
                                        ('1 ' || p_bucket)::interval) g),
  n as (select count(*)::integer as k from bk),
  -- the buckets, then (k + 1) everything after the period, to go back from what is owed now
  tot as (
    select t.* from private.dashboard_period_totals(p_org_id,
             array(select bk.starts_on from bk order by bk.i) || (p_to + 1),
             array(select bk.ends_on from bk order by bk.i) || '2999-12-31'::date,
             p_owner_id, p_region, p_tiers, p_statuses) t),
  now_open as (select * from private.dashboard_open_now(p_org_id, p_owner_id, p_region, p_tiers, p_statuses)),
  owed_end as (
    select no.commission_owed - f.commission_recorded + f.commission_settled as owed
      from now_open no cross join n join tot f on f.i = n.k + 1)
  select bk.bucket, bk.starts_on, bk.ends_on, o.currency,
         t.referrals_submitted::integer, t.referrals_won::integer, t.won_value,
         t.commission_earned, t.commission_paid,
         -- owed at a bucket's end = owed at the period's end less what the later buckets added
         oe.owed - coalesce(sum(t.commission_recorded - t.commission_settled)
                              over (order by bk.i desc rows between unbounded preceding and 1 preceding), 0)
    from bk cross join o cross join owed_end oe
    join tot t on t.i = bk.i
   order by bk.bucket
$$;

create or replace function public.dashboard_funnel(
  p_org_id uuid, p_from date, p_to date,
  p_owner_id uuid default null, p_region text default null,
  p_tiers text[] default null, p_statuses text[] default null)
returns table (stage text, stage_order integer, referrals integer, estimated_value numeric, conversion numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with c as (
    select t.referrals_submitted::integer as submitted, t.submitted_value,
           t.reached_qualified::integer as qualified, t.reached_qualified_value as qualified_value,
           t.reached_in_progress::integer as in_progress, t.reached_in_progress_value as in_progress_value,
           t.referrals_now_won::integer as won, t.won_estimated_value as won_value,
           t.referrals_now_lost::integer as lost, t.lost_estimated_value as lost_value
      from private.dashboard_period_totals(p_org_id, array[p_from], array[p_to],
             p_owner_id, p_region, p_tiers, p_statuses) t)
  select s.stage, s.stage_order, s.n, s.v, case when s.base > 0 then round(s.n::numeric / s.base, 4) end
    from c cross join lateral (values
      ('submitted', 1, c.submitted, c.submitted_value, null::integer),
      ('qualified', 2, c.qualified, c.qualified_value, c.submitted),
      ('in_progress', 3, c.in_progress, c.in_progress_value, c.qualified),
      ('won', 4, c.won, c.won_value, c.in_progress),
      ('lost', 5, c.lost, c.lost_value, c.submitted)) s(stage, stage_order, n, v, base)
   order by s.stage_order
$$;
