-- Append-only audit log. Owned by a NOLOGIN role; UPDATE/DELETE refused by a row trigger and
-- TRUNCATE by a statement trigger (both ENABLE ALWAYS, so replica mode does not skip them);
-- nobody is granted anything but SELECT. Rows arrive only through private.write_audit(),
-- a definer function owned by the same role, called by triggers and record_portal_event().

do $$
begin
  if not exists (select from pg_roles where rolname = 'partnerdesk_audit_owner') then
    create role partnerdesk_audit_owner nologin noinherit;
  end if;
end
$$;
comment on role partnerdesk_audit_owner is 'Owns public.audit_log; cannot log in.';
-- A role that is not a superuser (hosted's postgres) may hand an object only to a role it is
-- a member of, and only if that role may CREATE in the object's schema. The CREATE grants
-- last just long enough for the hand-over below; ownership does not need them afterwards.
grant partnerdesk_audit_owner to current_user;
grant usage, create on schema private to partnerdesk_audit_owner;
grant usage, create on schema public to partnerdesk_audit_owner;

create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid,
  actor_id uuid,
  actor_type text not null check (actor_type in ('staff', 'partner_user', 'service', 'system')),
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  resource_type text not null,
  resource_id text,
  partner_id uuid,
  before jsonb,
  after jsonb,
  metadata jsonb not null default '{}',
  ip text,
  user_agent text,
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Append-only record of every change to business data and access. No foreign keys: an audit row outlives what it describes. Admins read it.';
comment on column public.audit_log.id is 'Entry id.';
comment on column public.audit_log.org_id is 'Organization the change belongs to.';
comment on column public.audit_log.actor_id is 'Who acted (auth user id); null for the system.';
comment on column public.audit_log.actor_type is 'staff, partner_user, service (service role key) or system (no JWT: migrations, seed, scripts).';
comment on column public.audit_log.action is 'What happened, resource.verb: partner.updated, partner.access.granted, org_member.role_changed, portal.sign_in, ...';
comment on column public.audit_log.resource_type is 'Kind of thing changed: partner, referral, commission, partner_access, ...';
comment on column public.audit_log.resource_id is 'Its id (text: some keys are composite, as org_id:user_id).';
comment on column public.audit_log.partner_id is 'Partner concerned, when any (filter by partner).';
comment on column public.audit_log.before is 'Row before the change (null on create).';
comment on column public.audit_log.after is 'Row after the change (null on delete).';
comment on column public.audit_log.metadata is 'Extra context (changed columns, portal event details).';
comment on column public.audit_log.ip is 'Client IP from the API gateway''s x-forwarded-for, when known.';
comment on column public.audit_log.user_agent is 'Client user agent, when known.';
comment on column public.audit_log.created_at is 'When it was recorded.';

create index audit_log_org_created_idx on public.audit_log (org_id, created_at desc);
create index audit_log_org_partner_idx on public.audit_log (org_id, partner_id, created_at desc);
create index audit_log_org_actor_idx on public.audit_log (org_id, actor_id, created_at desc);
create index audit_log_org_action_idx on public.audit_log (org_id, action, created_at desc);
create index audit_log_resource_idx on public.audit_log (resource_type, resource_id);

alter table public.audit_log enable row level security;
alter table public.audit_log owner to partnerdesk_audit_owner;

create or replace function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using errcode = '42501';
end
$$;
comment on function private.refuse_audit_change() is 'BEFORE UPDATE/DELETE (row) and TRUNCATE (statement) on audit_log: always refuses.';
revoke all on function private.refuse_audit_change() from public, anon, authenticated;

create trigger audit_log_no_update_or_delete before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();
alter table public.audit_log enable always trigger audit_log_no_update_or_delete;
alter table public.audit_log enable always trigger audit_log_no_truncate;

-- Who is acting, as the audit log names them.
create or replace function private.actor_type()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when auth.uid() is not null then
      case when exists (select from public.partner_users where id = auth.uid()) then 'partner_user' else 'staff' end
    when auth.role() = 'service_role' then 'service'
    else 'system'
  end
$$;
comment on function private.actor_type() is 'staff, partner_user, service or system for the current request.';
revoke all on function private.actor_type() from public, anon, authenticated;

-- The one door into audit_log: owned by the table's NOLOGIN owner, executable only by the
-- role that owns the definer functions below (never by API roles).
create or replace function private.insert_audit_entry(
  p_org_id uuid, p_actor_id uuid, p_actor_type text, p_action text, p_resource_type text, p_resource_id text,
  p_partner_id uuid, p_before jsonb, p_after jsonb, p_metadata jsonb, p_ip text, p_user_agent text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.audit_log
    (org_id, actor_id, actor_type, action, resource_type, resource_id, partner_id, before, after, metadata, ip, user_agent)
  values
    (p_org_id, p_actor_id, p_actor_type, p_action, p_resource_type, p_resource_id, p_partner_id,
     p_before, p_after, coalesce(p_metadata, '{}'), p_ip, p_user_agent)
$$;
comment on function private.insert_audit_entry(uuid, uuid, text, text, text, text, uuid, jsonb, jsonb, jsonb, text, text) is 'Inserts one audit_log row as its owner. Only private.write_audit() calls it.';
alter function private.insert_audit_entry(uuid, uuid, text, text, text, text, uuid, jsonb, jsonb, jsonb, text, text) owner to partnerdesk_audit_owner;
revoke all on function private.insert_audit_entry(uuid, uuid, text, text, text, text, uuid, jsonb, jsonb, jsonb, text, text) from public, anon, authenticated, service_role;
grant execute on function private.insert_audit_entry(uuid, uuid, text, text, text, text, uuid, jsonb, jsonb, jsonb, text, text) to current_user;
revoke create on schema private, public from partnerdesk_audit_owner;

-- Records an entry with the request's actor, IP and user agent.
create or replace function private.write_audit(
  p_org_id uuid, p_action text, p_resource_type text, p_resource_id text, p_partner_id uuid,
  p_before jsonb, p_after jsonb, p_metadata jsonb default '{}')
returns void
language sql
security definer
set search_path = ''
as $$
  select private.insert_audit_entry(
    p_org_id, auth.uid(), private.actor_type(), p_action, p_resource_type, p_resource_id, p_partner_id,
    p_before, p_after, p_metadata, private.request_header('x-forwarded-for'), private.request_header('user-agent'))
$$;
comment on function private.write_audit(uuid, text, text, text, uuid, jsonb, jsonb, jsonb) is 'Writes an audit entry for the current request (actor from auth.uid(), IP and user agent from PostgREST headers). Called by triggers and definer functions only.';
revoke all on function private.write_audit(uuid, text, text, text, uuid, jsonb, jsonb, jsonb) from public, anon, authenticated, service_role;

-- Business rows: <resource>.created/updated/deleted with before and after. Access and
-- membership changes get specific verbs. Child rows removed by a partner's cascade delete
-- are covered by the partner.deleted entry.
create or replace function private.audit_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  resource text := tg_argv[0];
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
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
comment on function private.audit_row() is 'AFTER INSERT/UPDATE/DELETE on business tables (argument: resource name): writes audit_log with before, after and changed columns.';
revoke all on function private.audit_row() from public, anon, authenticated;

create trigger organizations_audit after update on public.organizations
  for each row execute function private.audit_row('organization');
create trigger org_members_audit after insert or update or delete on public.org_members
  for each row execute function private.audit_row('org_member');
create trigger partners_audit after insert or update or delete on public.partners
  for each row execute function private.audit_row('partner');
create trigger partner_users_audit after insert or update or delete on public.partner_users
  for each row execute function private.audit_row('partner_user');
create trigger partner_access_audit after insert or update or delete on public.partner_access
  for each row execute function private.audit_row('partner_access');
create trigger partner_notes_audit after insert or update or delete on public.partner_notes
  for each row execute function private.audit_row('note');
create trigger partner_referrals_audit after insert or update or delete on public.partner_referrals
  for each row execute function private.audit_row('referral');
create trigger partner_commissions_audit after insert or update or delete on public.partner_commissions
  for each row execute function private.audit_row('commission');
create trigger partner_tasks_audit after insert or update or delete on public.partner_tasks
  for each row execute function private.audit_row('task');
create trigger partner_documents_audit after insert or update or delete on public.partner_documents
  for each row execute function private.audit_row('document');
create trigger partner_training_audit after insert or update or delete on public.partner_training
  for each row execute function private.audit_row('training');
create trigger partner_resources_audit after insert or update or delete on public.partner_resources
  for each row execute function private.audit_row('resource');

-- A partner user logs their own portal sign-in and account switch (they can write nothing else).
create or replace function public.record_portal_event(p_event text, p_partner_id uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  me public.partner_users;
begin
  if p_event not in ('portal.sign_in', 'portal.account_switched') then
    raise exception 'unknown portal event "%"', p_event using errcode = '22023';
  end if;
  select * into me from public.partner_users where id = auth.uid() and is_active;
  if not found then
    raise exception 'only active partner users record portal events' using errcode = '42501';
  end if;
  if p_partner_id is not null and not exists (
    select from public.partner_access a
     where a.partner_user_id = me.id and a.partner_id = p_partner_id and a.revoked_at is null
       and (a.starts_at is null or a.starts_at <= now()) and (a.ends_at is null or a.ends_at > now())) then
    raise exception 'no access to this partner' using errcode = '42501';
  end if;
  perform private.write_audit(me.org_id, p_event, 'partner_user', me.id::text, p_partner_id, null, null,
    jsonb_strip_nulls(jsonb_build_object('partner_id', p_partner_id, 'email', me.email)));
end
$$;
comment on function public.record_portal_event(text, uuid) is 'Partner users log their own portal.sign_in or portal.account_switched (to a partner they hold an in-force grant on).';
revoke all on function public.record_portal_event(text, uuid) from public, anon;
grant execute on function public.record_portal_event(text, uuid) to authenticated;

revoke all on table public.audit_log from public, anon, authenticated, service_role;
grant select on table public.audit_log to authenticated, service_role;
