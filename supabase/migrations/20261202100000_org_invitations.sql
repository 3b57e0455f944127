-- Membership by consent. An admin no longer adds a person to the organization by naming a
-- user id: they invite an email address, and an org_members row appears only when the
-- person who owns that address, signed in, accepts the invitation (or when org:create makes
-- the first admin with the service role).
--
-- The invitation's single-use token is known only to the app server and the email: it is
-- issued by a function only service_role may run, after the admin's own call created or
-- resent the invitation, and the table keeps its SHA-256 alone. An admin calling the API
-- directly therefore never holds a token, and cannot accept (or set the password of an
-- account created for) someone else's invitation.

create table public.org_invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  email text not null,
  role text not null,
  token_hash text,
  invited_by uuid,
  created_user_id uuid,
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz,
  revoked_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_invitations_email_format check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint org_invitations_email_length check (char_length(email) <= 254),
  constraint org_invitations_role_valid check (role in ('admin', 'manager', 'member', 'viewer')),
  constraint org_invitations_token_hash_format check (token_hash is null or token_hash ~ '^[0-9a-f]{64}$'),
  constraint org_invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null)
);
comment on table public.org_invitations is 'Invitations to join an organization as staff. Accepted by the invitee through accept_org_invitation(); never deleted.';
comment on column public.org_invitations.id is 'Invitation id.';
comment on column public.org_invitations.org_id is 'The organization the invitee would join.';
comment on column public.org_invitations.email is 'Who is invited (lowercased); only the account with this email can accept.';
comment on column public.org_invitations.role is 'The role the invitee gets on accepting.';
comment on column public.org_invitations.token_hash is 'Hex SHA-256 of the single-use token in the emailed link; null until the app issues one (and after each resend until the new one is issued). The token itself is never stored.';
comment on column public.org_invitations.invited_by is 'The admin who invited (set from the caller). No FK: outlives the person.';
comment on column public.org_invitations.created_user_id is 'The auth user the app created for this invitation (the address had no account); such an account may choose its first password through the invitation link.';
comment on column public.org_invitations.sent_at is 'When the invitation was last sent (created or resent).';
comment on column public.org_invitations.expires_at is 'After this instant the link no longer works; a resend sets a new one.';
comment on column public.org_invitations.accepted_at is 'When the invitee accepted; the token is spent.';
comment on column public.org_invitations.accepted_by is 'The auth user who accepted.';
comment on column public.org_invitations.revoked_at is 'When an admin revoked it; a revoked invitation cannot be accepted.';
comment on column public.org_invitations.revoked_by is 'The admin who revoked it.';
comment on column public.org_invitations.created_at is 'Set by trigger.';
comment on column public.org_invitations.updated_at is 'Set by trigger on every write.';

-- One open invitation per address and organization: inviting again resends it.
create unique index org_invitations_one_open_per_email on public.org_invitations (org_id, email)
  where accepted_at is null and revoked_at is null;
create unique index org_invitations_token_hash_key on public.org_invitations (token_hash) where token_hash is not null;
create index org_invitations_org_idx on public.org_invitations (org_id, sent_at desc);
create index org_invitations_created_user_idx on public.org_invitations (created_user_id) where created_user_id is not null;

create trigger org_invitations_timestamps before insert or update on public.org_invitations
  for each row execute function private.set_timestamps();
create trigger org_invitations_reparenting before update on public.org_invitations
  for each row execute function private.refuse_reparenting('org_id', 'email');
create trigger org_invitations_write_limit before insert or update or delete on public.org_invitations
  for each statement execute function private.limit_writes();

-- Audit: created, resent, revoked and accepted, with the actor of the request. Issuing a
-- token (service role, right after the admin's call) is not an event of its own, and no
-- entry carries the token's hash.
create or replace function private.audit_org_invitation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) - 'token_hash' end;
  new_row jsonb := to_jsonb(new) - 'token_hash';
  action text;
begin
  if tg_op = 'INSERT' then
    action := 'org_invitation.created';
  elsif old.accepted_at is null and new.accepted_at is not null then
    action := 'org_invitation.accepted';
  elsif old.revoked_at is null and new.revoked_at is not null then
    action := 'org_invitation.revoked';
  elsif new.sent_at is distinct from old.sent_at then
    action := 'org_invitation.resent';
  else
    return new;
  end if;
  perform private.write_audit(new.org_id, action, 'org_invitation', new.id::text, null, old_row, new_row,
    jsonb_build_object('email', new.email, 'role', new.role));
  return new;
end
$$;
comment on function private.audit_org_invitation() is 'AFTER INSERT/UPDATE on org_invitations: audits created, resent, revoked and accepted (never the token hash).';
revoke all on function private.audit_org_invitation() from public, anon, authenticated, service_role;

create trigger org_invitations_audit after insert or update on public.org_invitations
  for each row execute function private.audit_org_invitation();

alter table public.org_invitations enable row level security;

create policy "Invitations are visible to admins of the organization"
  on public.org_invitations for select to authenticated
  using (org_id = any ((select private.org_ids_with_role(array['admin']))));

-- Admins read invitations, never the token's hash or which account was made for whom;
-- every write goes through the functions below.
revoke all on table public.org_invitations from public, anon, authenticated, service_role;
grant select (id, org_id, email, role, invited_by, sent_at, expires_at, accepted_at, accepted_by, revoked_at,
  revoked_by, created_at, updated_at) on table public.org_invitations to authenticated;
grant select on table public.org_invitations to service_role;

-- No more memberships by user id ----------------------------------------------------------
drop policy "Members are added by admins" on public.org_members;
revoke insert on table public.org_members from authenticated;

-- Functions ------------------------------------------------------------------------------
create or replace function private.invitation_lifetime()
returns interval
language sql
immutable
set search_path = ''
as $$
  select interval '7 days'
$$;
comment on function private.invitation_lifetime() is 'How long an invitation link works after it is sent.';
revoke all on function private.invitation_lifetime() from public, anon, authenticated, service_role;

create or replace function private.require_org_admin(p_org_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_org_id is null or not (p_org_id = any (array(select private.org_ids_with_role(array['admin'])))) then
    raise exception 'only admins of the organization manage its invitations' using errcode = '42501';
  end if;
end
$$;
comment on function private.require_org_admin(uuid) is 'Raises 42501 unless the caller is an admin of the organization.';
revoke all on function private.require_org_admin(uuid) from public, anon, authenticated, service_role;

-- Invites an address, or sends the open invitation for it again with the new role. The
-- answer is the same whether or not the address has an account anywhere: this function
-- never looks at auth.users. Only an address that is already a member here is refused,
-- which the admin can see on the members list anyway.
create or replace function public.create_org_invitation(p_org_id uuid, p_email text, p_role text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  address text := lower(trim(p_email));
  invitation uuid;
begin
  perform private.require_org_admin(p_org_id);
  if exists (
    select from public.org_members m join public.profiles p on p.id = m.user_id
     where m.org_id = p_org_id and p.email = address
  ) then
    raise exception 'this person is already a member of this organization'
      using errcode = '23505', hint = 'already_member';
  end if;
  update public.org_invitations
     set role = p_role, invited_by = auth.uid(), sent_at = now(),
         expires_at = now() + private.invitation_lifetime(), token_hash = null
   where org_id = p_org_id and email = address and accepted_at is null and revoked_at is null
  returning id into invitation;
  if invitation is null then
    insert into public.org_invitations (org_id, email, role, invited_by, expires_at)
    values (p_org_id, address, p_role, auth.uid(), now() + private.invitation_lifetime())
    returning id into invitation;
  end if;
  return invitation;
end
$$;
comment on function public.create_org_invitation(uuid, text, text) is 'Admins: invites an email address to the organization with a role (or resends its open invitation). Returns the invitation id; the app then issues the token and emails it.';

create or replace function public.resend_org_invitation(p_invitation_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target public.org_invitations;
begin
  select * into target from public.org_invitations where id = p_invitation_id for update;
  perform private.require_org_admin(target.org_id);
  if target.accepted_at is not null or target.revoked_at is not null then
    raise exception 'this invitation was already accepted or revoked' using errcode = '22023', hint = 'invitation_closed';
  end if;
  update public.org_invitations
     set sent_at = now(), expires_at = now() + private.invitation_lifetime(), token_hash = null
   where id = p_invitation_id;
  return p_invitation_id;
end
$$;
comment on function public.resend_org_invitation(uuid) is 'Admins: gives an open invitation a new expiry and spends its old link; the app then issues a new token and emails it.';

create or replace function public.revoke_org_invitation(p_invitation_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target public.org_invitations;
begin
  select * into target from public.org_invitations where id = p_invitation_id for update;
  perform private.require_org_admin(target.org_id);
  if target.accepted_at is not null or target.revoked_at is not null then
    raise exception 'this invitation was already accepted or revoked' using errcode = '22023', hint = 'invitation_closed';
  end if;
  update public.org_invitations set revoked_at = now(), revoked_by = auth.uid() where id = p_invitation_id;
end
$$;
comment on function public.revoke_org_invitation(uuid) is 'Admins: revokes an open invitation; its link stops working at once.';

-- Service role only: the app server issues the token right after the admin's call, so the
-- token never passes through a response an API caller could read.
create or replace function public.mint_org_invitation_token(p_invitation_id uuid, p_created_user_id uuid default null)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  token text := translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/=', '-_');
begin
  update public.org_invitations
     set token_hash = encode(extensions.digest(token, 'sha256'), 'hex'),
         created_user_id = coalesce(p_created_user_id, created_user_id)
   where id = p_invitation_id and accepted_at is null and revoked_at is null and token_hash is null;
  if not found then
    raise exception 'no open invitation waits for a token' using errcode = 'P0002', hint = 'invitation_not_found';
  end if;
  return token;
end
$$;
comment on function public.mint_org_invitation_token(uuid, uuid) is 'service_role: gives an open invitation that has no token yet a fresh single-use token, stores its hash, returns the token for the email. p_created_user_id: the account the app created for this address.';

create or replace function private.invitation_by_token(p_token text)
returns public.org_invitations
language sql
stable
security definer
set search_path = ''
as $$
  select * from public.org_invitations
   where token_hash = encode(extensions.digest(coalesce(p_token, ''), 'sha256'), 'hex')
$$;
comment on function private.invitation_by_token(text) is 'The invitation a token belongs to, by its hash.';
revoke all on function private.invitation_by_token(text) from public, anon, authenticated, service_role;

-- Service role only: what the invitation page shows before anyone is signed in.
-- sets_password: the address's account was created by an invitation and has never signed
-- in, so it has no password of its own; only then may the link choose one.
create or replace function public.org_invitation_for_token(p_token text)
returns table (
  invitation_id uuid, org_id uuid, org_name text, email text, role text, inviter_name text,
  expires_at timestamptz, status text, account_id uuid, sets_password boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select i.id, i.org_id, o.name, i.email, i.role, coalesce(p.display_name, p.email),
         i.expires_at,
         case when i.accepted_at is not null then 'accepted'
              when i.revoked_at is not null then 'revoked'
              when i.expires_at <= now() then 'expired'
              else 'pending' end,
         u.id,
         coalesce(u.last_sign_in_at is null and exists (
           select from public.org_invitations made where made.created_user_id = u.id), false)
    from private.invitation_by_token(p_token) i
    join public.organizations o on o.id = i.org_id
    left join public.profiles p on p.id = i.invited_by
    left join auth.users u on lower(u.email) = i.email and u.deleted_at is null
   where i.id is not null
$$;
comment on function public.org_invitation_for_token(text) is 'service_role: the invitation behind a token (org, email, role, inviter, expiry, status) and whether its account may choose its first password through the link.';

-- The invitee, signed in, accepts. Every refusal has its own hint, for the invitee's eyes.
create or replace function public.accept_org_invitation(p_token text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  my_email text;
  found_id uuid;
  target public.org_invitations;
begin
  if me is null then
    raise exception 'sign in to accept an invitation' using errcode = '42501', hint = 'invitation_sign_in';
  end if;
  found_id := (private.invitation_by_token(p_token)).id;
  select * into target from public.org_invitations where id = found_id for update;
  if not found then
    raise exception 'this invitation link is not valid' using errcode = 'P0002', hint = 'invitation_not_found';
  end if;
  if target.accepted_at is not null then
    raise exception 'this invitation was already used' using errcode = '22023', hint = 'invitation_used';
  end if;
  if target.revoked_at is not null then
    raise exception 'this invitation was revoked' using errcode = '22023', hint = 'invitation_revoked';
  end if;
  if target.expires_at <= now() then
    raise exception 'this invitation has expired' using errcode = '22023', hint = 'invitation_expired';
  end if;
  select lower(email) into my_email from auth.users where id = me;
  if my_email is distinct from target.email then
    raise exception 'this invitation is for another email address' using errcode = '42501', hint = 'invitation_wrong_email';
  end if;
  if not exists (select from public.org_members where org_id = target.org_id and user_id = me) then
    insert into public.org_members (org_id, user_id, role) values (target.org_id, me, target.role);
  end if;
  update public.org_invitations set accepted_at = now(), accepted_by = me where id = target.id;
  return target.org_id;
end
$$;
comment on function public.accept_org_invitation(text) is 'The signed-in invitee accepts: the token must be open, unexpired and for their own email; adds them to the organization with the invited role. Returns the organization id.';

revoke all on function public.create_org_invitation(uuid, text, text), public.resend_org_invitation(uuid),
  public.revoke_org_invitation(uuid), public.accept_org_invitation(text),
  public.mint_org_invitation_token(uuid, uuid), public.org_invitation_for_token(text)
  from public, anon, authenticated, service_role;
grant execute on function public.create_org_invitation(uuid, text, text), public.resend_org_invitation(uuid),
  public.revoke_org_invitation(uuid), public.accept_org_invitation(text) to authenticated;
grant execute on function public.mint_org_invitation_token(uuid, uuid), public.org_invitation_for_token(text)
  to service_role;
