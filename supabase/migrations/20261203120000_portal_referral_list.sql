-- The portal's "All accounts" referrals were read through portal_referrals(), which stops at
-- 200 rows (1,000 at most) with no way past them. This one has no cut: the caller asks for a
-- page of it (PostgREST's range and an exact count), so every referral is a page away.
create function public.portal_referral_list(p_from date default null, p_to date default null, p_statuses text[] default null)
returns table (
  id uuid, partner_id uuid, partner_name text, client_name text, status text,
  estimated_value numeric, actual_value numeric, referred_at timestamptz, closed_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select r.id, p.id, p.name, r.client_name, r.status, r.estimated_value, r.actual_value, r.referred_at, r.closed_at
    from public.portal_referral_rows() r
    join public.portal_partners() p on p.id = r.partner_id
    join public.portal_organizations() o on o.id = p.org_id
   where (p_from is null or (r.referred_at at time zone o.time_zone)::date >= p_from)
     and (p_to is null or (r.referred_at at time zone o.time_zone)::date <= p_to)
     and (p_statuses is null or cardinality(p_statuses) = 0 or r.status = any (p_statuses))
$$;
comment on function public.portal_referral_list(date, date, text[]) is 'The referrals the caller sees, filtered as portal_referral_pipeline (day range in the org time zone, statuses), uncut: the caller orders and pages it. Security invoker: the section functions it reads decide what is visible.';

revoke all on function public.portal_referral_list(date, date, text[]) from public, anon, authenticated, service_role;
grant execute on function public.portal_referral_list(date, date, text[]) to authenticated, service_role;
