-- Partner users no longer read referrals and commissions from the tables (their policies
-- are staff-only; the portal reads through portal_referral_rows and portal_commission_rows).
-- The monthly trend reads through the same functions, so a partner user's trend counts what
-- their grant's scope shows them, and staff still count their organization's rows.
-- Each partner's rows are read once and bucketed by month, rather than once per month.
create or replace function public.partner_monthly_trend(p_from date, p_to date, p_partner_id uuid default null)
returns table (
  org_id uuid, partner_id uuid, is_total boolean, month date, currency text,
  referrals integer, won_referrals integer, won_value numeric,
  commission_earned numeric, commission_paid numeric, commission_owed numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  with ids as (
    select x.id as partner_id, x.org_id from public.partners x
     where x.id = p_partner_id and x.org_id = any ((select private.staff_org_ids()))
    union
    select g.id, g.org_id from public.portal_partners() g
     where g.id = any (array(select private.granted_partner_ids()))
       and (p_partner_id is null or g.id = p_partner_id)),
  m as (
    select ids.partner_id, ids.org_id, o.currency, g::date as month,
           greatest(g::date, p_from)::timestamp at time zone o.time_zone as t0,
           (least((g + interval '1 month')::date - 1, p_to) + 1)::timestamp at time zone o.time_zone as t1
      from ids
      join public.portal_organizations() o on o.id = ids.org_id
     cross join generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp, interval '1 month') g
     where p_from <= p_to),
  refs as materialized (
    select x.partner_id, x.org_id, x.status, x.referred_at, x.closed_at, x.actual_value
      from ids cross join lateral public.portal_referral_rows(ids.partner_id) x
     where x.org_id = ids.org_id),
  coms as materialized (
    select x.partner_id, x.org_id, x.status, x.amount, x.earned_at, x.paid_at, x.voided_at
      from ids cross join lateral public.portal_commission_rows(ids.partner_id) x
     where x.org_id = ids.org_id),
  v as (
    select m.*, r.n, r.won, r.won_value, c.earned, c.paid, c.owed
      from m
     cross join lateral (
       select count(*) filter (where x.referred_at >= m.t0 and x.referred_at < m.t1)::integer as n,
              count(*) filter (where x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1)::integer as won,
              coalesce(sum(x.actual_value) filter (where x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1), 0) as won_value
         from refs x
        where x.partner_id = m.partner_id and x.org_id = m.org_id and x.referred_at < m.t1) r
     cross join lateral (
       select coalesce(sum(x.amount) filter (where x.status <> 'void' and x.earned_at >= m.t0), 0) as earned,
              coalesce(sum(x.amount) filter (where x.paid_at >= m.t0 and x.paid_at < m.t1), 0) as paid,
              coalesce(sum(x.amount) filter (where (x.paid_at is null or x.paid_at >= m.t1)
                                               and (x.voided_at is null or x.voided_at >= m.t1)), 0) as owed
         from coms x
        where x.partner_id = m.partner_id and x.org_id = m.org_id and x.earned_at < m.t1) c)
  select v.org_id, v.partner_id, grouping(v.partner_id) = 1, v.month, v.currency,
         sum(v.n)::integer, sum(v.won)::integer, sum(v.won_value),
         sum(v.earned), sum(v.paid), sum(v.owed)
    from v
   group by grouping sets ((v.org_id, v.currency, v.month, v.partner_id), (v.org_id, v.currency, v.month))
   order by 3, 2, 1, 4
$$;
comment on function public.partner_monthly_trend(date, date, uuid) is 'Monthly trend (org time zone; first and last month clipped to [p_from, p_to]) of the named partner (staff) or of the caller''s granted accounts (partner users), per partner and in total per organization (is_total): referrals submitted, won and won value (closed in the month), commission earned and paid in the month, owed at the month''s end. Reads through portal_partners, portal_organizations, portal_referral_rows and portal_commission_rows, so the grant''s scope decides what a partner user counts.';
