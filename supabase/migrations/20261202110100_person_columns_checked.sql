-- Every column that names a person is checked against the row's organization.
--
-- Owners, assignees, authors, creators, granters and revokers must be staff of the row's
-- organization. Before this only partners.owner_id and partner_tasks.assignee_id were checked;
-- a document's owner could be set to another tenant's admin or to a partner user.
-- Columns stamped from the caller (created_by, author_id, granted_by, revoked_by) can only be
-- chosen by the service role, but the rule holds for it too.
--
-- Each refusal is SQLSTATE 23503 with a stable name, `<table>_<column>_staff`, as the error's
-- constraint and at the start of its message ("partner_documents_owner_id_staff: the owner
-- must be staff of the organization"), so a translator maps it to its field by exact name.
-- A value is checked when it is written (insert, or an update that changes it): removing a
-- person from the organization later does not make old rows unwritable. The caller naming
-- themselves is left to RLS (below).

create or replace function private.check_person_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  new_row jsonb := to_jsonb(new);
  old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else null end;
  column_name text;
  person uuid;
  check_name text;
begin
  foreach column_name in array tg_argv loop
    person := (new_row ->> column_name)::uuid;
    if person is not null
       and (old_row is null or person is distinct from (old_row ->> column_name)::uuid)
       -- The caller's own id (what the stamping triggers write) is RLS's to judge: every write
       -- policy on these tables admits only staff of the row's organization, and a refusal
       -- must stay 42501 rather than tell a stranger what the row needs.
       and person is distinct from auth.uid()
       and not private.is_staff_of(new.org_id, person) then
      check_name := tg_table_name || '_' || column_name || '_staff';
      raise exception '%: the % must be staff of the organization', check_name,
          case column_name
            when 'owner_id' then 'owner'
            when 'assignee_id' then 'assignee'
            when 'author_id' then 'author'
            when 'created_by' then 'creator'
            when 'granted_by' then 'person granting access'
            when 'revoked_by' then 'person revoking access'
            else replace(column_name, '_', ' ')
          end
        using errcode = '23503',
              constraint = check_name,
              column = column_name,
              table = tg_table_name,
              schema = tg_table_schema,
              detail = format('%s.%s names someone who is not staff of the row''s organization.', tg_table_name, column_name);
    end if;
  end loop;
  return new;
end
$$;
comment on function private.check_person_columns() is 'BEFORE INSERT/UPDATE: each column named in the trigger''s arguments, when written and not null, is a staff member of new.org_id; else 23503 "<table>_<column>_staff".';
revoke all on function private.check_person_columns() from public, anon, authenticated;

-- The owner and assignee checks move here, so every person column is refused the same way,
-- under its own name. Redefined without them: check_partner() and check_task().
create or replace function private.check_partner()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.primary_contact_email := lower(new.primary_contact_email);
  return new;
end
$$;
comment on function private.check_partner() is 'BEFORE INSERT/UPDATE on partners: contact email lowercased. (The owner is checked by partners_verify_people.)';

create or replace function private.check_task()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'done' then
    new.completed_at := case when tg_op = 'UPDATE' and old.status = 'done' then old.completed_at
                             else coalesce(new.completed_at, now()) end;
  else
    new.completed_at := null;
  end if;
  return new;
end
$$;
comment on function private.check_task() is 'BEFORE INSERT/UPDATE on partner_tasks: completed_at follows status done. (The assignee is checked by partner_tasks_verify_people.)';

-- BEFORE triggers fire in name order: `_verify_people` sorts after every trigger that stamps
-- these columns (`_created_by`, `_author`, `_owner`, `_stamp`), so it checks the final value.
create trigger partners_verify_people before insert or update on public.partners
  for each row execute function private.check_person_columns('owner_id', 'created_by');
create trigger partner_tasks_verify_people before insert or update on public.partner_tasks
  for each row execute function private.check_person_columns('assignee_id', 'created_by');
create trigger partner_documents_verify_people before insert or update on public.partner_documents
  for each row execute function private.check_person_columns('owner_id', 'created_by');
create trigger partner_notes_verify_people before insert or update on public.partner_notes
  for each row execute function private.check_person_columns('author_id');
create trigger partner_referrals_verify_people before insert or update on public.partner_referrals
  for each row execute function private.check_person_columns('created_by');
create trigger partner_commissions_verify_people before insert or update on public.partner_commissions
  for each row execute function private.check_person_columns('created_by');
create trigger partner_training_verify_people before insert or update on public.partner_training
  for each row execute function private.check_person_columns('created_by');
create trigger partner_resources_verify_people before insert or update on public.partner_resources
  for each row execute function private.check_person_columns('created_by');
create trigger partner_users_verify_people before insert or update on public.partner_users
  for each row execute function private.check_person_columns('created_by');
create trigger partner_access_verify_people before insert or update on public.partner_access
  for each row execute function private.check_person_columns('granted_by', 'revoked_by');

comment on column public.partner_documents.owner_id is 'Staff member (of the same organization) responsible for it; defaults to the creator.';
