-- Per-partner roll-ups, kept current by statement-level triggers, and the read functions
-- behind the directory's hero metrics and a partner's workspace.

create table public.partner_stats (
  partner_id uuid primary key references public.partners (id) on delete cascade,
  org_id uuid not null,
  referrals_submitted integer not null default 0 check (referrals_submitted >= 0),
  referrals_qualified integer not null default 0 check (referrals_qualified >= 0),
  referrals_in_progress integer not null default 0 check (referrals_in_progress >= 0),
  referrals_won integer not null default 0 check (referrals_won >= 0),
  referrals_lost integer not null default 0 check (referrals_lost >= 0),
  pipeline_value numeric(16, 2) not null default 0 check (pipeline_value >= 0),
  won_value numeric(16, 2) not null default 0 check (won_value >= 0),
  commission_earned numeric(16, 2) not null default 0 check (commission_earned >= 0),
  commission_owed numeric(16, 2) not null default 0 check (commission_owed >= 0),
  commission_paid numeric(16, 2) not null default 0 check (commission_paid >= 0),
  open_tasks integer not null default 0 check (open_tasks >= 0),
  overdue_tasks integer not null default 0 check (overdue_tasks >= 0),
  updated_at timestamptz not null default now()
);
comment on table public.partner_stats is 'One row per partner: roll-ups of its referrals, commissions and tasks, maintained by triggers. Staff only.';
comment on column public.partner_stats.partner_id is 'The partner.';
comment on column public.partner_stats.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_stats.referrals_submitted is 'Referrals in status submitted.';
comment on column public.partner_stats.referrals_qualified is 'Referrals in status qualified.';
comment on column public.partner_stats.referrals_in_progress is 'Referrals in status in_progress.';
comment on column public.partner_stats.referrals_won is 'Referrals won.';
comment on column public.partner_stats.referrals_lost is 'Referrals lost.';
comment on column public.partner_stats.pipeline_value is 'Sum of estimated_value of open referrals (submitted, qualified, in_progress).';
comment on column public.partner_stats.won_value is 'Sum of won referrals'' actual_value (estimated_value when no actual value).';
comment on column public.partner_stats.commission_earned is 'Sum of commissions not void.';
comment on column public.partner_stats.commission_owed is 'Sum of pending and approved commissions.';
comment on column public.partner_stats.commission_paid is 'Sum of paid commissions.';
comment on column public.partner_stats.open_tasks is 'Tasks todo or in_progress.';
comment on column public.partner_stats.overdue_tasks is 'Open tasks due before today (org time zone) when last recomputed; partner_rollups() recomputes it at read time.';
comment on column public.partner_stats.updated_at is 'When last recomputed.';

create index partner_stats_org_idx on public.partner_stats (org_id) include (partner_id, pipeline_value, commission_owed);

alter table public.partner_stats enable row level security;

-- Recomputes the roll-ups of the given partners from their rows. The stats rows are locked
-- first: in READ COMMITTED the recount that follows then sees every committed change, so two
-- concurrent writers for one partner cannot leave a stale total.
-- Roll-ups heal: a partner whose stats row is missing still counts in the hero
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
revoke all on function private.refresh_partner_stats(uuid[]) from public, anon, authenticated;

-- Statement-level: one recount per statement for all partners it touched (a bulk import or
-- a bulk status change costs one pass, not one per row). Partners being deleted are skipped.
create or replace function private.stats_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct partner_id) into ids from new_rows;
  elsif tg_op = 'UPDATE' then
    select array_agg(distinct partner_id) into ids
      from (select partner_id from new_rows union select partner_id from old_rows) x;
  else
    select array_agg(distinct o.partner_id) into ids
      from old_rows o where exists (select from public.partners p where p.id = o.partner_id);
  end if;
  perform private.refresh_partner_stats(ids);
  return null;
end
$$;
comment on function private.stats_after_change() is 'AFTER ... FOR EACH STATEMENT on referrals, commissions, tasks: refreshes the touched partners'' stats.';
revoke all on function private.stats_after_change() from public, anon, authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['partner_referrals', 'partner_commissions', 'partner_tasks'] loop
    execute format('create trigger %1$s_stats_insert after insert on public.%1$I
                      referencing new table as new_rows for each statement execute function private.stats_after_change()', t);
    execute format('create trigger %1$s_stats_update after update on public.%1$I
                      referencing old table as old_rows new table as new_rows for each statement execute function private.stats_after_change()', t);
    execute format('create trigger %1$s_stats_delete after delete on public.%1$I
                      referencing old table as old_rows for each statement execute function private.stats_after_change()', t);
  end loop;
end
$$;

create or replace function private.create_partner_stats()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_stats (partner_id, org_id)
  select id, org_id from new_rows
  on conflict (partner_id) do nothing;
  return null;
end
$$;
comment on function private.create_partner_stats() is 'AFTER INSERT FOR EACH STATEMENT on partners: an empty stats row per new partner.';
revoke all on function private.create_partner_stats() from public, anon, authenticated;

create trigger partners_stats_insert after insert on public.partners
  referencing new table as new_rows for each statement execute function private.create_partner_stats();

-- The directory's hero metrics, partner_directory_metrics(), read partner_metric_buckets
-- (see 20261121101200 and 20261121101300).

-- A partner's roll-ups for its workspace. Overdue tasks depend on the clock, so they are
-- counted at read time rather than taken from the stored counter.
create or replace function public.partner_rollups(p_partner_id uuid)
returns table (
  partner_id uuid, referrals_submitted integer, referrals_qualified integer, referrals_in_progress integer,
  referrals_won integer, referrals_lost integer, referrals_open integer, referrals_total integer,
  pipeline_value numeric, won_value numeric, commission_earned numeric, commission_owed numeric,
  commission_paid numeric, open_tasks integer, overdue_tasks integer, currency text, updated_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select s.partner_id, s.referrals_submitted, s.referrals_qualified, s.referrals_in_progress,
         s.referrals_won, s.referrals_lost,
         s.referrals_submitted + s.referrals_qualified + s.referrals_in_progress,
         s.referrals_submitted + s.referrals_qualified + s.referrals_in_progress + s.referrals_won + s.referrals_lost,
         s.pipeline_value, s.won_value, s.commission_earned, s.commission_owed, s.commission_paid,
         s.open_tasks,
         (select count(*)::integer from public.partner_tasks t
           where t.partner_id = s.partner_id and t.status in ('todo', 'in_progress')
             and t.due_date < (now() at time zone o.time_zone)::date),
         o.currency, s.updated_at
    from public.partner_stats s
    join public.organizations o on o.id = s.org_id
   where s.partner_id = p_partner_id
$$;
comment on function public.partner_rollups(uuid) is 'Roll-ups of one partner (stats row, with overdue tasks counted now in the org time zone). Staff only through RLS.';
revoke all on function public.partner_rollups(uuid) from public, anon;
grant execute on function public.partner_rollups(uuid) to authenticated, service_role;

revoke all on table public.partner_stats from public, anon, authenticated, service_role;
grant select on table public.partner_stats to authenticated, service_role;
