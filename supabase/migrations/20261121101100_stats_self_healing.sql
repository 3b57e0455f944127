-- Roll-ups that heal: a partner whose stats row is missing still counts in the hero
-- metrics (as zeros, through a left join), and the next change to its children recreates
-- the row instead of updating nothing.

create or replace function private.refresh_partner_stats(p_partner_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_partner_ids is null or cardinality(p_partner_ids) = 0 then
    return;
  end if;
  -- a partner without its stats row (removed by hand) gets one back
  insert into public.partner_stats (partner_id, org_id)
  select p.id, p.org_id from public.partners p
   where p.id = any (p_partner_ids)
     and not exists (select from public.partner_stats s where s.partner_id = p.id)
  on conflict (partner_id) do nothing;
  perform from public.partner_stats where partner_id = any (p_partner_ids) order by partner_id for update;

  update public.partner_stats s set
    referrals_submitted = coalesce(r.submitted, 0),
    referrals_qualified = coalesce(r.qualified, 0),
    referrals_in_progress = coalesce(r.in_progress, 0),
    referrals_won = coalesce(r.won, 0),
    referrals_lost = coalesce(r.lost, 0),
    pipeline_value = coalesce(r.pipeline, 0),
    won_value = coalesce(r.won_value, 0),
    commission_earned = coalesce(c.earned, 0),
    commission_owed = coalesce(c.owed, 0),
    commission_paid = coalesce(c.paid, 0),
    open_tasks = coalesce(t.open, 0),
    overdue_tasks = coalesce(t.overdue, 0),
    updated_at = now()
  from unnest(p_partner_ids) as ids(partner_id)
  left join lateral (
    select count(*) filter (where status = 'submitted') as submitted,
           count(*) filter (where status = 'qualified') as qualified,
           count(*) filter (where status = 'in_progress') as in_progress,
           count(*) filter (where status = 'won') as won,
           count(*) filter (where status = 'lost') as lost,
           sum(estimated_value) filter (where status in ('submitted', 'qualified', 'in_progress')) as pipeline,
           sum(coalesce(actual_value, estimated_value)) filter (where status = 'won') as won_value
      from public.partner_referrals where partner_id = ids.partner_id) r on true
  left join lateral (
    select sum(amount) filter (where status <> 'void') as earned,
           sum(amount) filter (where status in ('pending', 'approved')) as owed,
           sum(amount) filter (where status = 'paid') as paid
      from public.partner_commissions where partner_id = ids.partner_id) c on true
  left join lateral (
    select count(*) filter (where tk.status in ('todo', 'in_progress')) as open,
           count(*) filter (where tk.status in ('todo', 'in_progress')
                              and tk.due_date < (now() at time zone o.time_zone)::date) as overdue
      from public.partner_tasks tk join public.organizations o on o.id = tk.org_id
     where tk.partner_id = ids.partner_id) t on true
  where s.partner_id = ids.partner_id;
end
$$;
comment on function private.refresh_partner_stats(uuid[]) is 'Recomputes partner_stats for the given partners (locks their rows first). Used by triggers and after bulk loads.';

create or replace function public.partner_directory_metrics(
  p_org_id uuid,
  p_status text[] default null,
  p_tier text[] default null,
  p_owner_id uuid default null,
  p_region text default null,
  p_search text default null,
  p_include_archived boolean default false)
returns table (active_partners bigint, pipeline_value numeric, owed_commission numeric)
language sql
stable
security invoker
set search_path = ''
as $$
  select count(*) filter (where p.status = 'active') as active_partners,
         coalesce(sum(s.pipeline_value), 0) as pipeline_value,
         coalesce(sum(s.commission_owed), 0) as owed_commission
    from public.partners p
    left join public.partner_stats s on s.partner_id = p.id
   where p.org_id = p_org_id
     and (p_include_archived or p.archived_at is null)
     and (p_status is null or p.status = any (p_status))
     and (p_tier is null or p.tier = any (p_tier))
     and (p_owner_id is null or p.owner_id = p_owner_id)
     and (p_region is null or p.region = p_region)
     and (p_search is null or p_search = ''
          or p.name ilike '%' || p_search || '%'
          or p.primary_contact_email ilike '%' || p_search || '%')
$$;
comment on function public.partner_directory_metrics(uuid, text[], text[], uuid, text, text, boolean) is 'Hero metrics of the partner directory for an organization and filter: active partners, pipeline value, owed commission (from partner_stats; RLS applies).';
