-- Two fixes to the commission rules.
--
-- 1. A referral whose commission is paid or void could not be deleted: the foreign key's
-- ON DELETE SET NULL clears the commission's referral_id, and the state machine refused
-- any change to a settled commission. Leads may delete referrals (DESIGN.md), and the
-- commission must outlive it, so the state machine now lets that one change through:
-- referral_id set to null because the referral is gone. Unlinking by hand stays refused.
--
-- 2. An insert under another org's partner was refused with a currency error (the trigger,
-- running as the caller before RLS, saw no currency for an org it cannot read). The check
-- now leaves that row to RLS, which refuses it with 42501 (docs/schema-findings.md F1).

create or replace function private.commission_state_machine()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  org_currency text;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'pending' and private.partner_exists(old.partner_id) then
      raise exception 'only pending commissions can be deleted (this one is %)', old.status
        using errcode = '23514', hint = 'Void it instead.';
    end if;
    return old;
  end if;

  select currency into org_currency from public.organizations where id = new.org_id;
  new.currency := coalesce(new.currency, org_currency);
  -- An org the caller cannot see (null currency) is RLS's to refuse, with 42501, right
  -- after this trigger; a currency message would mislead and confirm the org exists.
  if org_currency is not null and new.currency is distinct from org_currency then
    raise exception 'commission currency % differs from the organization''s currency %', new.currency, org_currency
      using errcode = '23514';
  end if;

  if tg_op = 'INSERT' then
    -- a commission may be recorded in any state (history, imports), with its dates
    if new.status in ('approved', 'paid') then new.approved_at := coalesce(new.approved_at, now()); end if;
    if new.status = 'paid' then new.paid_at := coalesce(new.paid_at, now()); end if;
    if new.status = 'void' then new.voided_at := coalesce(new.voided_at, now()); end if;
    return new;
  end if;

  if new.status is distinct from old.status then
    if not ((old.status = 'pending' and new.status in ('approved', 'void'))
         or (old.status = 'approved' and new.status in ('paid', 'void'))) then
      raise exception 'a commission cannot go from % to %', old.status, new.status
        using errcode = '23514', hint = 'Allowed: pending -> approved -> paid, pending/approved -> void.';
    end if;
    if new.status = 'approved' then new.approved_at := now(); end if;
    if new.status = 'paid' then new.paid_at := coalesce(new.paid_at, now()); end if;
    if new.status = 'void' then new.voided_at := now(); end if;
  else
    new.approved_at := old.approved_at;
    new.paid_at := old.paid_at;
    new.voided_at := old.voided_at;
  end if;
  if new.amount is distinct from old.amount and old.status <> 'pending' then
    raise exception 'the amount of a % commission cannot change', old.status
      using errcode = '23514', hint = 'Only pending commissions can change amount.';
  end if;
  if old.status in ('paid', 'void') and (new.earned_at, new.due_at, coalesce(new.referral_id, old.referral_id))
       is distinct from (old.earned_at, old.due_at, old.referral_id)
     and private.partner_exists(old.partner_id) then
    raise exception 'a % commission cannot change', old.status using errcode = '23514';
  end if;
  -- The one change a settled commission accepts: losing the link to a referral that was
  -- deleted (the foreign key's ON DELETE SET NULL). The money stays on record.
  if old.status in ('paid', 'void') and new.referral_id is null and old.referral_id is not null
     and exists (select from public.partner_referrals where id = old.referral_id)
     and private.partner_exists(old.partner_id) then
    raise exception 'a % commission cannot change', old.status using errcode = '23514';
  end if;
  return new;
end
$$;

comment on function private.commission_state_machine() is 'BEFORE INSERT/UPDATE/DELETE on partner_commissions: currency = org currency; pending->approved->paid, pending/approved->void; amount only while pending; delete only while pending; a settled commission only loses the link to a deleted referral.';
