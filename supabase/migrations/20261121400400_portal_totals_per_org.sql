-- "All accounts" totals grouped their rows by currency alone, so a caller who sees partners
-- of two organizations with the same currency got one total summed across both
-- (docs/schema-findings.md F6). A partner user belongs to one org and is unaffected; the
-- totals are now one per organization for everyone. Same signatures and columns.

create or replace function public.portal_commission_summary()
returns table (
  partner_id uuid, partner_name text, is_total boolean, currency text,
  owed numeric, paid numeric, overdue numeric, overdue_count integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, p.name, grouping(p.id) = 1, o.currency,
         coalesce(sum(c.amount) filter (where c.status in ('pending', 'approved')), 0),
         coalesce(sum(c.amount) filter (where c.status = 'paid'), 0),
         coalesce(sum(c.amount) filter (where c.status in ('pending', 'approved') and c.due_at < now()), 0),
         (count(c.id) filter (where c.status in ('pending', 'approved') and c.due_at < now()))::integer
    from public.partners p
    join public.organizations o on o.id = p.org_id
    left join public.partner_commissions c on c.partner_id = p.id
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;

create or replace function public.portal_referral_pipeline(
  p_from date default null, p_to date default null, p_statuses text[] default null)
returns table (
  partner_id uuid, partner_name text, is_total boolean, currency text,
  referrals integer, open_referrals integer, won_referrals integer,
  estimated_value numeric, pipeline_value numeric, won_value numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  select p.id, p.name, grouping(p.id) = 1, o.currency,
         count(r.id)::integer,
         (count(r.id) filter (where r.status in ('submitted', 'qualified', 'in_progress')))::integer,
         (count(r.id) filter (where r.status = 'won'))::integer,
         coalesce(sum(r.estimated_value), 0),
         coalesce(sum(r.estimated_value) filter (where r.status in ('submitted', 'qualified', 'in_progress')), 0),
         coalesce(sum(coalesce(r.actual_value, r.estimated_value)) filter (where r.status = 'won'), 0)
    from public.partners p
    join public.organizations o on o.id = p.org_id
    left join public.partner_referrals r
      on r.partner_id = p.id
     and (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
   group by grouping sets ((o.id, p.id, p.name, o.currency), (o.id, o.currency))
   order by 3, 2
$$;
