-- `npm run mfa:reset` (the recovery when the last admin of an organization loses their
-- device) is audited like an admin's reset from the Members page.
--
-- The command runs with the secret key, and write_audit is closed to every API role (the
-- audit log has one door, and the service role must not hold it: it could then write any
-- entry it liked). This function is that door narrowed to one fact: a named person's
-- authenticators were removed by an operator. It writes org_member.mfa_reset in each
-- organization the person is staff of (where its admins read it), with the actor recorded
-- as the service and the number of authenticators removed. The command calls it only after
-- the auth server has removed them, so an entry never claims a reset that did not happen.

create or replace function public.record_operator_mfa_reset(p_user_id uuid, p_removed integer)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  member_email text;
  written integer := 0;
  org uuid;
begin
  if p_removed is null or p_removed < 1 then
    raise exception 'a reset removes at least one authenticator' using errcode = '22023';
  end if;
  select u.email into member_email from auth.users u where u.id = p_user_id;
  if member_email is null then
    raise exception 'no account has this id' using errcode = 'P0002';
  end if;
  for org in select m.org_id from public.org_members m where m.user_id = p_user_id order by m.org_id loop
    perform private.write_audit(org, 'org_member.mfa_reset', 'org_member', org::text || ':' || p_user_id::text,
      null, null, null,
      jsonb_build_object('member_id', p_user_id, 'email', member_email, 'factors_removed', p_removed,
                         'via', 'mfa:reset'));
    written := written + 1;
  end loop;
  return written;
end
$$;
comment on function public.record_operator_mfa_reset(uuid, integer) is 'For `npm run mfa:reset` (service role only): records org_member.mfa_reset, with the number of authenticators removed, in every organization the person is staff of; returns how many entries it wrote (0 for someone who is staff nowhere).';
revoke all on function public.record_operator_mfa_reset(uuid, integer) from public, anon, authenticated, service_role;
grant execute on function public.record_operator_mfa_reset(uuid, integer) to service_role;
