-- When a referral first reached each open stage, so the dashboard can measure days from
-- submitted to qualified and draw the pipeline funnel. closed_at already covers won/lost.
-- Stamped by trigger (like closed_at), backfilled from the activity log, which has recorded
-- every status change since the start.

alter table public.partner_referrals
  add column qualified_at timestamptz,
  add column in_progress_at timestamptz,
  add constraint partner_referrals_qualified_after_referred check (qualified_at is null or qualified_at >= referred_at),
  add constraint partner_referrals_in_progress_after_referred check (in_progress_at is null or in_progress_at >= referred_at);
comment on column public.partner_referrals.qualified_at is 'When it first became qualified (set by trigger; cleared if moved back to submitted); never before referred_at.';
comment on column public.partner_referrals.in_progress_at is 'When it first became in_progress (set by trigger; cleared if moved back to submitted or qualified); never before referred_at.';

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
comment on function private.stamp_referral_stages() is 'BEFORE INSERT/UPDATE on partner_referrals: qualified_at / in_progress_at stamp the first time each stage is reached; on insert a given stamp is kept (imports, seeds), on update the trigger alone sets them.';
revoke all on function private.stamp_referral_stages() from public, anon, authenticated;

create trigger partner_referrals_stages before insert or update on public.partner_referrals
  for each row execute function private.stamp_referral_stages();

-- Backfill: the first time the log saw each stage (created in it, or changed to it).
-- A backfill is not a business change: no audit entries, no activity, no stats churn.
alter table public.partner_referrals disable trigger user;
update public.partner_referrals r
   set qualified_at = greatest(s.qualified_at, r.referred_at),
       in_progress_at = greatest(s.in_progress_at, r.referred_at)
  from (
    select l.source_id,
           min(l.occurred_at) filter (where coalesce(l.payload ->> 'to', l.payload ->> 'status') = 'qualified') as qualified_at,
           min(l.occurred_at) filter (where coalesce(l.payload ->> 'to', l.payload ->> 'status') = 'in_progress') as in_progress_at
      from public.partner_activity_log l
     where l.source_table = 'partner_referrals'
       and l.event_type in ('referral.created', 'referral.status_changed')
     group by l.source_id) s
 where s.source_id = r.id
   and (s.qualified_at is not null or s.in_progress_at is not null);
alter table public.partner_referrals enable trigger user;

-- The dashboard reads referrals and commissions of an org by date.
create index partner_referrals_org_referred_idx on public.partner_referrals (org_id, referred_at);
create index partner_referrals_org_closed_idx on public.partner_referrals (org_id, closed_at) where closed_at is not null;
create index partner_commissions_org_earned_idx on public.partner_commissions (org_id, earned_at);
create index partner_commissions_org_paid_idx on public.partner_commissions (org_id, paid_at) where paid_at is not null;
