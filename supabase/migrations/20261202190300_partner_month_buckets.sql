-- The dashboard's whole months without touching every partner: partner_month_buckets holds,
-- per organization, month and combination of the dashboard's partner filters (status, tier,
-- owner, region), the sums of partner_monthly_rollups of the partners with that key, as
-- partner_metric_buckets does for the directory. A year then reads a few thousand rows
-- instead of one per partner and month (at 100k partners, ~220k rows took ~1.7 s).
--
-- Who moves what:
--   * a change to a partner's monthly roll-ups adds its delta to the bucket of the partner's
--     current key (the partner row is locked FOR SHARE first, so a concurrent key change
--     either commits before, and the delta goes to the new key, or waits for this one);
--   * a key change (status, tier, owner, region) moves all the partner's months from the old
--     key to the new one;
--   * a partner being deleted takes its months out first (BEFORE DELETE), and the cascade
--     that then removes its roll-ups finds no partner and moves nothing.

create table public.partner_month_buckets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  month date not null,
  status text not null,
  tier text not null,
  owner_id uuid,
  region text,
  referrals_submitted bigint not null default 0,
  submitted_value numeric not null default 0,
  closed_value numeric not null default 0,
  referrals_won bigint not null default 0,
  referrals_lost bigint not null default 0,
  won_value numeric not null default 0,
  reached_qualified bigint not null default 0,
  reached_qualified_value numeric not null default 0,
  reached_in_progress bigint not null default 0,
  reached_in_progress_value numeric not null default 0,
  referrals_now_won bigint not null default 0,
  won_estimated_value numeric not null default 0,
  referrals_now_lost bigint not null default 0,
  lost_estimated_value numeric not null default 0,
  commission_earned numeric not null default 0,
  commission_recorded numeric not null default 0,
  commission_approved numeric not null default 0,
  commission_paid numeric not null default 0,
  commission_settled numeric not null default 0,
  constraint partner_month_buckets_key unique nulls not distinct (org_id, month, status, tier, owner_id, region)
);
comment on table public.partner_month_buckets is 'partner_monthly_rollups summed per organization, month and partner filter key (status, tier, owner, region), kept by triggers on the roll-ups and on partners. Read by the dashboard for whole months; staff only; nobody writes through the API.';
comment on column public.partner_month_buckets.id is 'Surrogate key (the natural key has nullable owner and region).';
comment on column public.partner_month_buckets.org_id is 'Organization.';
comment on column public.partner_month_buckets.month is 'First day of the month, in the organization''s time zone.';
comment on column public.partner_month_buckets.status is 'Partner status of this bucket.';
comment on column public.partner_month_buckets.tier is 'Partner tier of this bucket.';
comment on column public.partner_month_buckets.owner_id is 'Partner owner of this bucket (null: none).';
comment on column public.partner_month_buckets.region is 'Partner region of this bucket (null: none).';
comment on column public.partner_month_buckets.referrals_submitted is 'Sum of partner_monthly_rollups.referrals_submitted of the partners with this key.';
comment on column public.partner_month_buckets.submitted_value is 'Sum of partner_monthly_rollups.submitted_value of the partners with this key.';
comment on column public.partner_month_buckets.closed_value is 'Sum of partner_monthly_rollups.closed_value of the partners with this key.';
comment on column public.partner_month_buckets.referrals_won is 'Sum of partner_monthly_rollups.referrals_won of the partners with this key.';
comment on column public.partner_month_buckets.referrals_lost is 'Sum of partner_monthly_rollups.referrals_lost of the partners with this key.';
comment on column public.partner_month_buckets.won_value is 'Sum of partner_monthly_rollups.won_value of the partners with this key.';
comment on column public.partner_month_buckets.reached_qualified is 'Sum of partner_monthly_rollups.reached_qualified of the partners with this key.';
comment on column public.partner_month_buckets.reached_qualified_value is 'Sum of partner_monthly_rollups.reached_qualified_value of the partners with this key.';
comment on column public.partner_month_buckets.reached_in_progress is 'Sum of partner_monthly_rollups.reached_in_progress of the partners with this key.';
comment on column public.partner_month_buckets.reached_in_progress_value is 'Sum of partner_monthly_rollups.reached_in_progress_value of the partners with this key.';
comment on column public.partner_month_buckets.referrals_now_won is 'Sum of partner_monthly_rollups.referrals_now_won of the partners with this key.';
comment on column public.partner_month_buckets.won_estimated_value is 'Sum of partner_monthly_rollups.won_estimated_value of the partners with this key.';
comment on column public.partner_month_buckets.referrals_now_lost is 'Sum of partner_monthly_rollups.referrals_now_lost of the partners with this key.';
comment on column public.partner_month_buckets.lost_estimated_value is 'Sum of partner_monthly_rollups.lost_estimated_value of the partners with this key.';
comment on column public.partner_month_buckets.commission_earned is 'Sum of partner_monthly_rollups.commission_earned of the partners with this key.';
comment on column public.partner_month_buckets.commission_recorded is 'Sum of partner_monthly_rollups.commission_recorded of the partners with this key.';
comment on column public.partner_month_buckets.commission_approved is 'Sum of partner_monthly_rollups.commission_approved of the partners with this key.';
comment on column public.partner_month_buckets.commission_paid is 'Sum of partner_monthly_rollups.commission_paid of the partners with this key.';
comment on column public.partner_month_buckets.commission_settled is 'Sum of partner_monthly_rollups.commission_settled of the partners with this key.';

create index partner_month_buckets_org_month_idx on public.partner_month_buckets (org_id, month);

alter table public.partner_month_buckets enable row level security;
create policy "Month buckets are visible to staff"
  on public.partner_month_buckets for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));
revoke all on table public.partner_month_buckets from public, anon, authenticated, service_role;
grant select on table public.partner_month_buckets to authenticated, service_role;

-- Adds signed roll-up rows to the buckets of the given partners' keys (their key now, or the
-- one named by p_key_from_old for a move: the old key's values passed per partner).
create or replace function private.add_month_buckets(
  p_rows public.partner_monthly_rollups[], p_sign integer,
  p_keys jsonb default null)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, referrals_submitted, submitted_value, closed_value, referrals_won, referrals_lost, won_value, reached_qualified, reached_qualified_value, reached_in_progress, reached_in_progress_value, referrals_now_won, won_estimated_value, referrals_now_lost, lost_estimated_value, commission_earned, commission_recorded, commission_approved, commission_paid, commission_settled)
  select d.org_id, d.month, d.status, d.tier, d.owner_id, d.region,
         sum(d.sign * d.referrals_submitted),
         sum(d.sign * d.submitted_value),
         sum(d.sign * d.closed_value),
         sum(d.sign * d.referrals_won),
         sum(d.sign * d.referrals_lost),
         sum(d.sign * d.won_value),
         sum(d.sign * d.reached_qualified),
         sum(d.sign * d.reached_qualified_value),
         sum(d.sign * d.reached_in_progress),
         sum(d.sign * d.reached_in_progress_value),
         sum(d.sign * d.referrals_now_won),
         sum(d.sign * d.won_estimated_value),
         sum(d.sign * d.referrals_now_lost),
         sum(d.sign * d.lost_estimated_value),
         sum(d.sign * d.commission_earned),
         sum(d.sign * d.commission_recorded),
         sum(d.sign * d.commission_approved),
         sum(d.sign * d.commission_paid),
         sum(d.sign * d.commission_settled)
    from (
      select p_sign as sign, r.*,
             coalesce(k ->> 'status', p.status) as status, coalesce(k ->> 'tier', p.tier) as tier,
             case when k is null then p.owner_id else (k ->> 'owner_id')::uuid end as owner_id,
             case when k is null then p.region else k ->> 'region' end as region
        from unnest(p_rows) r
        join public.partners p on p.id = r.partner_id
        left join lateral (select p_keys -> r.partner_id::text as k) kk on true) d
   group by d.org_id, d.month, d.status, d.tier, d.owner_id, d.region
  on conflict on constraint partner_month_buckets_key do update set
    referrals_submitted = b.referrals_submitted + excluded.referrals_submitted,
    submitted_value = b.submitted_value + excluded.submitted_value,
    closed_value = b.closed_value + excluded.closed_value,
    referrals_won = b.referrals_won + excluded.referrals_won,
    referrals_lost = b.referrals_lost + excluded.referrals_lost,
    won_value = b.won_value + excluded.won_value,
    reached_qualified = b.reached_qualified + excluded.reached_qualified,
    reached_qualified_value = b.reached_qualified_value + excluded.reached_qualified_value,
    reached_in_progress = b.reached_in_progress + excluded.reached_in_progress,
    reached_in_progress_value = b.reached_in_progress_value + excluded.reached_in_progress_value,
    referrals_now_won = b.referrals_now_won + excluded.referrals_now_won,
    won_estimated_value = b.won_estimated_value + excluded.won_estimated_value,
    referrals_now_lost = b.referrals_now_lost + excluded.referrals_now_lost,
    lost_estimated_value = b.lost_estimated_value + excluded.lost_estimated_value,
    commission_earned = b.commission_earned + excluded.commission_earned,
    commission_recorded = b.commission_recorded + excluded.commission_recorded,
    commission_approved = b.commission_approved + excluded.commission_approved,
    commission_paid = b.commission_paid + excluded.commission_paid,
    commission_settled = b.commission_settled + excluded.commission_settled
$$;
comment on function private.add_month_buckets(public.partner_monthly_rollups[], integer, jsonb) is 'Adds (1) or takes out (-1) roll-up rows to their partners'' key buckets (the current key, or the key given per partner id in p_keys).';
revoke all on function private.add_month_buckets(public.partner_monthly_rollups[], integer, jsonb) from public, anon, authenticated;

create or replace function private.buckets_after_rollups()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform from public.partners p where p.id in (select o.partner_id from old_rows o) order by p.id for share;
    perform private.add_month_buckets(array(select o::public.partner_monthly_rollups from old_rows o), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform from public.partners p where p.id in (select n.partner_id from new_rows n) order by p.id for share;
    perform private.add_month_buckets(array(select n::public.partner_monthly_rollups from new_rows n), 1);
  end if;
  return null;
end
$$;
comment on function private.buckets_after_rollups() is 'AFTER ... FOR EACH STATEMENT on partner_monthly_rollups: moves the changed months'' deltas into the partners'' key buckets.';
revoke all on function private.buckets_after_rollups() from public, anon, authenticated;

create trigger partner_monthly_rollups_buckets_insert after insert on public.partner_monthly_rollups
  referencing new table as new_rows for each statement execute function private.buckets_after_rollups();
create trigger partner_monthly_rollups_buckets_update after update on public.partner_monthly_rollups
  referencing old table as old_rows new table as new_rows for each statement execute function private.buckets_after_rollups();
create trigger partner_monthly_rollups_buckets_delete after delete on public.partner_monthly_rollups
  referencing old table as old_rows for each statement execute function private.buckets_after_rollups();

create or replace function private.buckets_after_partner_key()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  moved uuid[];
  old_keys jsonb;
begin
  select array_agg(n.id), jsonb_object_agg(o.id, jsonb_build_object('status', o.status, 'tier', o.tier,
                                                                      'owner_id', o.owner_id, 'region', o.region))
    into moved, old_keys
    from new_rows n join old_rows o on o.id = n.id
   where (n.status, n.tier, n.owner_id, n.region) is distinct from (o.status, o.tier, o.owner_id, o.region);
  if moved is null then
    return null;
  end if;
  perform private.add_month_buckets(array(select r from public.partner_monthly_rollups r where r.partner_id = any (moved)), -1, old_keys);
  perform private.add_month_buckets(array(select r from public.partner_monthly_rollups r where r.partner_id = any (moved)), 1);
  return null;
end
$$;
comment on function private.buckets_after_partner_key() is 'AFTER UPDATE FOR EACH STATEMENT on partners: a partner whose status, tier, owner or region changed moves its months from the old key bucket to the new one.';
revoke all on function private.buckets_after_partner_key() from public, anon, authenticated;
create trigger partners_month_buckets_key after update on public.partners
  referencing old table as old_rows new table as new_rows for each statement execute function private.buckets_after_partner_key();

create or replace function private.buckets_before_partner_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.add_month_buckets(array(select r from public.partner_monthly_rollups r where r.partner_id = old.id), -1);
  return old;
end
$$;
comment on function private.buckets_before_partner_delete() is 'BEFORE DELETE on partners: its months leave their key buckets before the cascade removes them.';
revoke all on function private.buckets_before_partner_delete() from public, anon, authenticated;
create trigger partners_month_buckets_delete before delete on public.partners
  for each row execute function private.buckets_before_partner_delete();

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
end
$$;
comment on function private.rebuild_partner_month_buckets(uuid) is 'Recomputes an organization''s partner_month_buckets from partner_monthly_rollups and partners (set-wise). For the backfill, db:seed:scale and repairs.';
revoke all on function private.rebuild_partner_month_buckets(uuid) from public, anon, authenticated;

select private.rebuild_partner_month_buckets(o.id) from public.organizations o;

-- ---------------------------------------------------------------------------------------------
-- Period totals from the roll-ups: for each period [p_from[i], p_to[i]] (days in the org's
-- time zone), the whole months inside it from partner_month_buckets and the days before
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
        from w join public.partner_month_buckets r on r.org_id = p_org_id and r.month >= w.ms and r.month < w.me
       where (p_owner_id is null or r.owner_id = p_owner_id)
         and (p_region is null or r.region = p_region)
         and (p_tiers is null or r.tier = any (p_tiers))
         and (p_statuses is null or r.status = any (p_statuses))
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
comment on function private.dashboard_period_totals(uuid, date[], date[], uuid, text, text[], text[]) is 'Sums per period (days in the org''s time zone): whole months from partner_month_buckets, the other days from the raw rows. Staff of the org only; security invoker.';
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
