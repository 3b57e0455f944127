-- A commission's paid_at and voided_at are refused by their named checks
-- (partner_commissions_paid_at_when_paid, partner_commissions_voided_at_when_void) when
-- they do not match the status, so the person hears which date is wrong. The timeline
-- trigger cleared them silently first, hiding that refusal; it now clears only approved_at
-- of a pending commission, the one date no check holds.
create or replace function private.commission_dates_follow_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'pending' then
    new.approved_at := null;
  end if;
  return new;
end
$$;
comment on function private.commission_dates_follow_status() is 'BEFORE INSERT/UPDATE on partner_commissions, after the state machine: a pending commission has no approved_at. paid_at and voided_at are held to the status by named checks, which refuse rather than clear.';
