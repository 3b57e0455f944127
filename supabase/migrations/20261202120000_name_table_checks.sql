-- Table-level checks were created without names, so Postgres numbered them
-- (partner_commissions_check, _check1, _check2) in the order they were written. A refused
-- write names the constraint it broke, and the app maps that exact name to a field, so a
-- numbered name would blame the wrong field the day someone adds a check above another.
-- Each gets a name that says its rule. Column checks, keys and foreign keys keep the names
-- Postgres derived from their columns (partners_name_check, partners_owner_id_fkey): those
-- follow from the column, not from the order, and other migrations refer to them.
--
-- The checks are found by the columns they read, not by their generated names, so this is
-- right on any database laid out by the earlier migrations, and running it again changes nothing.
do $$
declare
  target record;
  current_name name;
begin
  for target in
    select *
    from (values
      ('partner_referrals', array['closed_at', 'referred_at'], 'partner_referrals_closed_after_referred'),
      ('partner_commissions', array['due_at', 'earned_at'], 'partner_commissions_due_after_earned'),
      ('partner_commissions', array['paid_at', 'status'], 'partner_commissions_paid_at_when_paid'),
      ('partner_commissions', array['status', 'voided_at'], 'partner_commissions_voided_at_when_void'),
      ('partner_users', array['deactivated_at', 'is_active'], 'partner_users_deactivated_at_when_inactive'),
      ('partner_access', array['ends_at', 'starts_at'], 'partner_access_ends_after_start'),
      ('partner_tasks', array['completed_at', 'status'], 'partner_tasks_completed_at_when_done'),
      ('partner_training', array['completed_on', 'expires_on'], 'partner_training_expires_after_completed'),
      ('partner_training', array['completed_on', 'status'], 'partner_training_completed_on_when_finished')
    ) as wanted(table_name, columns, new_name)
  loop
    select c.conname into current_name
    from pg_catalog.pg_constraint c
    where c.conrelid = format('public.%I', target.table_name)::regclass
      and c.contype = 'c'
      and (
        select array_agg(a.attname::text order by a.attname::text)
        from pg_catalog.pg_attribute a
        where a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      ) = target.columns;
    if current_name is null then
      raise exception 'no check on %(%) to name %', target.table_name, array_to_string(target.columns, ', '), target.new_name;
    end if;
    if current_name <> target.new_name then
      execute format('alter table public.%I rename constraint %I to %I', target.table_name, current_name, target.new_name);
    end if;
  end loop;
end
$$;

comment on constraint partner_referrals_closed_after_referred on public.partner_referrals is 'A referral closes on or after the day it was referred.';
comment on constraint partner_commissions_due_after_earned on public.partner_commissions is 'A commission falls due on or after the day it was earned.';
comment on constraint partner_commissions_paid_at_when_paid on public.partner_commissions is 'paid_at is set exactly when the commission is paid.';
comment on constraint partner_commissions_voided_at_when_void on public.partner_commissions is 'voided_at is set exactly when the commission is void.';
comment on constraint partner_users_deactivated_at_when_inactive on public.partner_users is 'deactivated_at is set exactly when the partner user is inactive.';
comment on constraint partner_access_ends_after_start on public.partner_access is 'A grant''s window ends after it starts.';
comment on constraint partner_tasks_completed_at_when_done on public.partner_tasks is 'completed_at is set exactly when the task is done.';
comment on constraint partner_training_expires_after_completed on public.partner_training is 'A certification expires on or after the day it was completed.';
comment on constraint partner_training_completed_on_when_finished on public.partner_training is 'Completed and expired training has a completion day.';
