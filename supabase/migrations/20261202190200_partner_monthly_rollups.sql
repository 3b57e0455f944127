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
  -- an impossible date (before referred_at) is left for the check constraint to refuse, so
  -- the caller hears about it instead of seeing it vanish
  if new.status not in ('won', 'lost') and new.closed_at >= new.referred_at then
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
