-- An admin resets a member's two-factor sign-in when they lose their device. Factors belong
-- to the person, who may be staff of several organizations: an admin of one may reset only a
-- member who belongs to no other organization (anyone else re-enrols themselves). This
-- function decides that and records the reset; the app then deletes the factors through the
-- Auth admin API, which holds them.

create or replace function public.record_mfa_reset(p_org_id uuid, p_user_id uuid)
returns table (outcome text, email text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  member_email text;
begin
  if p_org_id is null or not (p_org_id = any (array(select private.org_ids_with_role(array['admin'])))) then
    return query select 'forbidden'::text, null::text;
    return;
  end if;
  if p_user_id = auth.uid() then
    return query select 'self'::text, null::text;
    return;
  end if;
  if not exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = p_user_id) then
    return query select 'not_member'::text, null::text;
    return;
  end if;
  if exists (select from public.org_members m where m.user_id = p_user_id and m.org_id <> p_org_id) then
    return query select 'other_org'::text, null::text;
    return;
  end if;
  select u.email into member_email from auth.users u where u.id = p_user_id;
  perform private.write_audit(p_org_id, 'org_member.mfa_reset', 'org_member', p_org_id::text || ':' || p_user_id::text,
    null, null, null, jsonb_build_object('member_id', p_user_id));
  return query select 'ok'::text, member_email;
end
$$;
comment on function public.record_mfa_reset(uuid, uuid) is 'For an admin of the organization (at the assurance level it requires): whether the member''s factors may be reset (ok, forbidden, self, not_member, other_org: they belong to another organization too), and on ok an audit entry org_member.mfa_reset and their email.';
revoke all on function public.record_mfa_reset(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function public.record_mfa_reset(uuid, uuid) to authenticated;
