-- Audit entries record what people changed. Generated sort keys on partners (status_rank,
-- tier_rank) changed with every status or tier edit and showed up as a second change; the
-- audit trigger now leaves generated columns out of before, after and the changed list.

create or replace function private.audit_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  resource text := tg_argv[0];
  -- Generated columns (sort keys such as partners.status_rank) follow a column that is
  -- recorded already; recording them too would list a change nobody made.
  derived text[] := array(select a.attname::text from pg_catalog.pg_attribute a
                           where a.attrelid = tg_relid and a.attgenerated <> '' and not a.attisdropped);
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - derived end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - derived end;
  row_data jsonb := coalesce(new_row, old_row);
  action text;
  partner uuid;
  resource_key text;
  changed text[];
begin
  if tg_op = 'UPDATE' then
    if old_row = new_row then
      return new;
    end if;
    select array_agg(key order by key) into changed
      from jsonb_each(new_row) n
     where n.value is distinct from old_row -> n.key and n.key <> 'updated_at';
    if changed is null then
      return new;
    end if;
  end if;

  partner := case when tg_table_name = 'partners' then (row_data ->> 'id')::uuid
                  else (row_data ->> 'partner_id')::uuid end;
  if tg_op = 'DELETE' and tg_table_name <> 'partners' and partner is not null
     and not private.partner_exists(partner) then
    return old;
  end if;

  resource_key := case tg_table_name
    when 'org_members' then (row_data ->> 'org_id') || ':' || (row_data ->> 'user_id')
    else row_data ->> 'id' end;

  action := resource || '.' || case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end;
  if tg_table_name = 'partner_access' then
    action := case
      when tg_op = 'INSERT' then 'partner.access.granted'
      when old_row ->> 'revoked_at' is null and new_row ->> 'revoked_at' is not null then 'partner.access.revoked'
      when old_row ->> 'revoked_at' is not null and new_row ->> 'revoked_at' is null then 'partner.access.restored'
      else 'partner.access.updated' end;
  elsif tg_table_name = 'partner_users' and tg_op = 'UPDATE'
        and (old_row -> 'is_active') is distinct from (new_row -> 'is_active') then
    action := case when (new_row ->> 'is_active')::boolean then 'partner_user.reactivated' else 'partner_user.deactivated' end;
  elsif tg_table_name = 'org_members' then
    action := case tg_op when 'INSERT' then 'org_member.added' when 'DELETE' then 'org_member.removed'
                         else case when 'role' = any (changed) then 'org_member.role_changed' else 'org_member.updated' end end;
  elsif tg_table_name = 'partners' and tg_op = 'UPDATE' and changed = array['archived_at'] then
    action := case when new_row ->> 'archived_at' is null then 'partner.restored' else 'partner.archived' end;
  end if;

  perform private.write_audit(
    (case when tg_table_name = 'organizations' then row_data ->> 'id' else row_data ->> 'org_id' end)::uuid,
    action, resource, resource_key, partner, old_row, new_row,
    case when changed is null then '{}'::jsonb else jsonb_build_object('changed', to_jsonb(changed)) end);
  return coalesce(new, old);
end
$$;
comment on function private.audit_row() is 'AFTER INSERT/UPDATE/DELETE on business tables (argument: resource name): writes audit_log with before, after and changed columns, leaving out generated columns.';
revoke all on function private.audit_row() from public, anon, authenticated;
