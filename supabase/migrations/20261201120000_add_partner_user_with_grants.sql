-- Inviting a partner user writes their row and every grant in one transaction, so a
-- failure half-way never leaves a partner user without the access they were invited to.
-- Security invoker: it runs as the signed-in staff member, so RLS decides (leads only)
-- and the audit triggers record the real actor.

create or replace function public.add_partner_user_with_grants(
  p_user_id uuid,
  p_org_id uuid,
  p_email text,
  p_name text,
  p_grants jsonb
)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  grant_doc jsonb;
  grant_scope text[];
begin
  if jsonb_typeof(p_grants) is distinct from 'array' or jsonb_array_length(p_grants) = 0 then
    raise exception 'give at least one grant' using errcode = '22023';
  end if;
  -- Read through RLS: a partner user of another organization is invisible here, so the
  -- insert below runs and the primary key refuses it (23505) instead of granting them.
  if not exists (select from public.partner_users where id = p_user_id) then
    insert into public.partner_users (id, org_id, email, name) values (p_user_id, p_org_id, p_email, p_name);
  end if;
  for grant_doc in select value from jsonb_array_elements(p_grants) loop
    grant_scope := array(select jsonb_array_elements_text(grant_doc -> 'scope'));
    -- Grants are unique per (user, partner) and never deleted: an earlier one, revoked or
    -- not, takes the new scope and window.
    update public.partner_access
       set scope = grant_scope,
           starts_at = (grant_doc ->> 'starts_at')::timestamptz,
           ends_at = (grant_doc ->> 'ends_at')::timestamptz,
           revoked_at = null
     where partner_user_id = p_user_id
       and partner_id = (grant_doc ->> 'partner_id')::uuid;
    if not found then
      insert into public.partner_access (org_id, partner_id, partner_user_id, scope, starts_at, ends_at)
      values (
        p_org_id,
        (grant_doc ->> 'partner_id')::uuid,
        p_user_id,
        grant_scope,
        (grant_doc ->> 'starts_at')::timestamptz,
        (grant_doc ->> 'ends_at')::timestamptz
      );
    end if;
  end loop;
end
$$;
comment on function public.add_partner_user_with_grants(uuid, uuid, text, text, jsonb) is
  'Adds a partner user (unless the caller''s org already has them) and grants them partners, all or nothing, as the caller (RLS: leads). p_grants: [{partner_id, scope, starts_at, ends_at}].';
revoke all on function public.add_partner_user_with_grants(uuid, uuid, text, text, jsonb) from public, anon;
grant execute on function public.add_partner_user_with_grants(uuid, uuid, text, text, jsonb) to authenticated;
