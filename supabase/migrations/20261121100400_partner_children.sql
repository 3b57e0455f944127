-- What hangs off a partner: internal notes, referrals, commissions, internal tasks,
-- documents, training; and the organization-wide resource library.
-- Every child has a (partner_id, org_id) foreign key to partners(id, org_id), so it can only
-- belong to a partner of its own organization, and is deleted with the partner.

-- partner_notes ------------------------------------------------------------------------------
create table public.partner_notes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  author_id uuid references public.profiles (id) on delete set null,
  body text not null check (char_length(trim(body)) between 1 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_notes is 'Internal notes on a partner. Staff only; partner users never see them.';
comment on column public.partner_notes.id is 'Note id.';
comment on column public.partner_notes.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_notes.partner_id is 'The partner.';
comment on column public.partner_notes.author_id is 'Who wrote it (from the caller); only the author edits it.';
comment on column public.partner_notes.body is 'Note text (plain text, up to 10,000 characters).';
comment on column public.partner_notes.created_at is 'Set by trigger.';
comment on column public.partner_notes.updated_at is 'Set by trigger on every write.';
create index partner_notes_partner_org_idx on public.partner_notes (partner_id, org_id, created_at desc);
create index partner_notes_author_id_idx on public.partner_notes (author_id);

create or replace function private.set_note_author()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.author_id := coalesce(auth.uid(), new.author_id);
  else
    new.author_id := old.author_id;
  end if;
  return new;
end
$$;
comment on function private.set_note_author() is 'BEFORE INSERT/UPDATE on partner_notes: the author is the caller and never changes.';
revoke all on function private.set_note_author() from public, anon, authenticated;

create trigger partner_notes_author before insert or update on public.partner_notes
  for each row execute function private.set_note_author();

-- partner_referrals --------------------------------------------------------------------------
create table public.partner_referrals (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  client_name text not null check (char_length(trim(client_name)) between 1 and 200),
  client_email text check (client_email is null or client_email ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  status text not null default 'submitted'
    check (status in ('submitted', 'qualified', 'in_progress', 'won', 'lost')),
  estimated_value numeric(14, 2) check (estimated_value is null or estimated_value >= 0),
  actual_value numeric(14, 2) check (actual_value is null or actual_value >= 0),
  referred_at timestamptz not null default now(),
  closed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, partner_id),
  check (closed_at is null or closed_at >= referred_at),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_referrals is 'Deals a partner brought. Partner users see them with the referrals scope.';
comment on column public.partner_referrals.id is 'Referral id.';
comment on column public.partner_referrals.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_referrals.partner_id is 'The referring partner.';
comment on column public.partner_referrals.client_name is 'The referred company or person.';
comment on column public.partner_referrals.client_email is 'Contact email of the referred client.';
comment on column public.partner_referrals.status is 'submitted, qualified, in_progress (open), won, lost (closed).';
comment on column public.partner_referrals.estimated_value is 'Expected deal value in the organization''s currency (>= 0); open referrals sum to the pipeline.';
comment on column public.partner_referrals.actual_value is 'Final deal value once won (>= 0).';
comment on column public.partner_referrals.referred_at is 'When the partner referred the client.';
comment on column public.partner_referrals.closed_at is 'When won or lost (set by trigger if not given); never before referred_at.';
comment on column public.partner_referrals.created_by is 'Who recorded it. No FK: outlives the person.';
comment on column public.partner_referrals.created_at is 'Set by trigger.';
comment on column public.partner_referrals.updated_at is 'Set by trigger on every write.';
create index partner_referrals_partner_org_idx on public.partner_referrals (partner_id, org_id, referred_at desc);
create index partner_referrals_org_status_idx on public.partner_referrals (org_id, status);

create or replace function private.check_referral()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.client_email := lower(new.client_email);
  if new.status in ('won', 'lost') then
    if new.closed_at is null then
      new.closed_at := greatest(now(), new.referred_at);
    end if;
  elsif tg_op = 'UPDATE' and old.status in ('won', 'lost') then
    new.closed_at := null; -- reopened
  end if;
  return new;
end
$$;
comment on function private.check_referral() is 'BEFORE INSERT/UPDATE on partner_referrals: closed_at follows won/lost; client email lowercased.';
revoke all on function private.check_referral() from public, anon, authenticated;
create trigger partner_referrals_check before insert or update on public.partner_referrals
  for each row execute function private.check_referral();

-- partner_commissions ------------------------------------------------------------------------
create table public.partner_commissions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  referral_id uuid,
  amount numeric(14, 2) not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending' check (status in ('pending', 'approved', 'paid', 'void')),
  description text check (description is null or char_length(description) <= 1000),
  earned_at timestamptz not null default now(),
  due_at timestamptz,
  approved_at timestamptz,
  paid_at timestamptz,
  voided_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_at is null or due_at >= earned_at),
  check ((status = 'paid') = (paid_at is not null)),
  check ((status = 'void') = (voided_at is not null)),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade,
  -- the referral, when given, is one of the same partner's; deleting it keeps the commission
  foreign key (referral_id, partner_id) references public.partner_referrals (id, partner_id) on delete set null (referral_id)
);
comment on table public.partner_commissions is 'What the organization owes a partner. pending -> approved -> paid, or pending/approved -> void; amount fixed once approved.';
comment on column public.partner_commissions.id is 'Commission id.';
comment on column public.partner_commissions.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_commissions.partner_id is 'The partner who earned it.';
comment on column public.partner_commissions.referral_id is 'The referral it is for, when any (a referral of the same partner).';
comment on column public.partner_commissions.amount is 'Amount (> 0) in currency; changeable only while pending.';
comment on column public.partner_commissions.currency is 'Always the organization''s currency (filled and checked by trigger).';
comment on column public.partner_commissions.status is 'pending, approved, paid, void (state machine enforced by trigger).';
comment on column public.partner_commissions.description is 'What it is for.';
comment on column public.partner_commissions.earned_at is 'When it was earned.';
comment on column public.partner_commissions.due_at is 'When it should be paid (not before earned_at).';
comment on column public.partner_commissions.approved_at is 'When approved (set by trigger).';
comment on column public.partner_commissions.paid_at is 'When paid (set by trigger if not given); present exactly when status is paid.';
comment on column public.partner_commissions.voided_at is 'When voided (set by trigger); present exactly when status is void.';
comment on column public.partner_commissions.created_by is 'Who recorded it. No FK: outlives the person.';
comment on column public.partner_commissions.created_at is 'Set by trigger.';
comment on column public.partner_commissions.updated_at is 'Set by trigger on every write.';
create index partner_commissions_partner_org_idx on public.partner_commissions (partner_id, org_id, earned_at desc);
create index partner_commissions_referral_partner_idx on public.partner_commissions (referral_id, partner_id);
create index partner_commissions_org_status_idx on public.partner_commissions (org_id, status);

-- Is the partner still there? False while its cascade delete runs: child triggers then
-- skip their checks, events and roll-ups. Definer so RLS cannot hide the partner.
create or replace function private.partner_exists(p_partner_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select from public.partners where id = p_partner_id)
$$;
comment on function private.partner_exists(uuid) is 'False while the partner is being deleted (its cascade runs after the partner row is gone).';
revoke all on function private.partner_exists(uuid) from public, anon;
grant execute on function private.partner_exists(uuid) to authenticated, service_role;

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
revoke all on function private.commission_state_machine() from public, anon, authenticated;
create trigger partner_commissions_state_machine before insert or update or delete on public.partner_commissions
  for each row execute function private.commission_state_machine();

-- The organization's currency is the currency of all its money: it cannot change under existing commissions.
create or replace function private.keep_currency_with_commissions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.currency is distinct from old.currency
     and exists (select from public.partner_commissions where org_id = new.id) then
    raise exception 'the currency cannot change while the organization has commissions' using errcode = '23514';
  end if;
  return new;
end
$$;
comment on function private.keep_currency_with_commissions() is 'BEFORE UPDATE OF currency on organizations: refused when commissions exist.';
revoke all on function private.keep_currency_with_commissions() from public, anon, authenticated;
create trigger organizations_currency before update of currency on public.organizations
  for each row execute function private.keep_currency_with_commissions();

-- partner_tasks ------------------------------------------------------------------------------
create table public.partner_tasks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  assignee_id uuid references public.profiles (id) on delete set null,
  title text not null check (char_length(trim(title)) between 1 and 300),
  description text check (description is null or char_length(description) <= 10000),
  status text not null default 'todo' check (status in ('todo', 'in_progress', 'done', 'cancelled')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  due_date date,
  completed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'done') = (completed_at is not null)),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_tasks is 'Internal to-dos about a partner. Staff only.';
comment on column public.partner_tasks.id is 'Task id.';
comment on column public.partner_tasks.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_tasks.partner_id is 'The partner.';
comment on column public.partner_tasks.assignee_id is 'Staff member doing it (of the same organization).';
comment on column public.partner_tasks.title is 'What to do.';
comment on column public.partner_tasks.description is 'Details.';
comment on column public.partner_tasks.status is 'todo, in_progress (open), done, cancelled.';
comment on column public.partner_tasks.priority is 'low, medium, high, urgent.';
comment on column public.partner_tasks.due_date is 'Due day in the organization''s time zone; overdue when before today there and still open.';
comment on column public.partner_tasks.completed_at is 'When done (set by trigger); present exactly when status is done.';
comment on column public.partner_tasks.created_by is 'Who created it. No FK: outlives the person.';
comment on column public.partner_tasks.created_at is 'Set by trigger.';
comment on column public.partner_tasks.updated_at is 'Set by trigger on every write.';
create index partner_tasks_partner_org_idx on public.partner_tasks (partner_id, org_id, due_date);
create index partner_tasks_assignee_idx on public.partner_tasks (assignee_id, status);

create or replace function private.check_task()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.assignee_id is not null
     and (tg_op = 'INSERT' or new.assignee_id is distinct from old.assignee_id)
     and not private.is_staff_of(new.org_id, new.assignee_id) then
    raise exception 'the assignee must be staff of the organization' using errcode = '23503';
  end if;
  if new.status = 'done' then
    new.completed_at := case when tg_op = 'UPDATE' and old.status = 'done' then old.completed_at
                             else coalesce(new.completed_at, now()) end;
  else
    new.completed_at := null;
  end if;
  return new;
end
$$;
comment on function private.check_task() is 'BEFORE INSERT/UPDATE on partner_tasks: assignee is staff; completed_at follows status done.';
revoke all on function private.check_task() from public, anon, authenticated;
create trigger partner_tasks_check before insert or update on public.partner_tasks
  for each row execute function private.check_task();

-- partner_documents --------------------------------------------------------------------------
create table public.partner_documents (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  owner_id uuid references public.profiles (id) on delete set null,
  title text not null check (char_length(trim(title)) between 1 and 300),
  document_type text not null default 'other'
    check (document_type in ('contract', 'agreement', 'proposal', 'playbook', 'marketing', 'technical', 'report', 'other')),
  url text not null check (url ~* '^https?://[^\s]+$'),
  tags text[] not null default '{}' check (array_position(tags, null) is null),
  visibility text not null default 'internal' check (visibility in ('internal', 'shared')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_documents is 'Links to documents about a partner (Notion or any URL). Shared ones are visible in the portal (documents scope).';
comment on column public.partner_documents.id is 'Document id.';
comment on column public.partner_documents.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_documents.partner_id is 'The partner.';
comment on column public.partner_documents.owner_id is 'Staff member responsible for it (defaults to the creator).';
comment on column public.partner_documents.title is 'Title.';
comment on column public.partner_documents.document_type is 'contract, agreement, proposal, playbook, marketing, technical, report, other.';
comment on column public.partner_documents.url is 'http(s) link to the document.';
comment on column public.partner_documents.tags is 'Free labels.';
comment on column public.partner_documents.visibility is 'internal (staff only) or shared (also the partner''s users with the documents scope).';
comment on column public.partner_documents.created_by is 'Who added it. No FK: outlives the person.';
comment on column public.partner_documents.created_at is 'Set by trigger.';
comment on column public.partner_documents.updated_at is 'Set by trigger on every write.';
create index partner_documents_partner_org_idx on public.partner_documents (partner_id, org_id, created_at desc);
create index partner_documents_owner_idx on public.partner_documents (owner_id);

create or replace function private.default_document_owner()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.owner_id := coalesce(new.owner_id, auth.uid());
  return new;
end
$$;
comment on function private.default_document_owner() is 'BEFORE INSERT on partner_documents: the owner defaults to the caller.';
revoke all on function private.default_document_owner() from public, anon, authenticated;
create trigger partner_documents_owner before insert on public.partner_documents
  for each row execute function private.default_document_owner();

-- partner_training ---------------------------------------------------------------------------
create table public.partner_training (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  name text not null check (char_length(trim(name)) between 1 and 300),
  kind text not null default 'course' check (kind in ('course', 'certification')),
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'completed', 'expired')),
  completed_on date,
  expires_on date,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (expires_on is null or completed_on is null or expires_on >= completed_on),
  check (status not in ('completed', 'expired') or completed_on is not null),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_training is 'Courses and certifications of a partner. Visible in the portal with the training scope.';
comment on column public.partner_training.id is 'Training record id.';
comment on column public.partner_training.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_training.partner_id is 'The partner.';
comment on column public.partner_training.name is 'Course or certification name.';
comment on column public.partner_training.kind is 'course or certification.';
comment on column public.partner_training.status is 'not_started, in_progress, completed, expired.';
comment on column public.partner_training.completed_on is 'Day completed (required once completed or expired).';
comment on column public.partner_training.expires_on is 'Day a certification expires (not before completed_on).';
comment on column public.partner_training.created_by is 'Who recorded it. No FK: outlives the person.';
comment on column public.partner_training.created_at is 'Set by trigger.';
comment on column public.partner_training.updated_at is 'Set by trigger on every write.';
create index partner_training_partner_org_idx on public.partner_training (partner_id, org_id);

-- partner_resources --------------------------------------------------------------------------
create table public.partner_resources (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  title text not null check (char_length(trim(title)) between 1 and 300),
  description text check (description is null or char_length(description) <= 2000),
  url text not null check (url ~* '^https?://[^\s]+$'),
  kind text not null default 'guide' check (kind in ('guide', 'deck', 'video', 'template', 'datasheet', 'link')),
  min_tier text not null default 'registered' check (min_tier in ('registered', 'silver', 'gold', 'platinum')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.partner_resources is 'Organization-wide library for partners. A partner user sees a resource when one of their granted partners is at or above its min_tier.';
comment on column public.partner_resources.id is 'Resource id.';
comment on column public.partner_resources.org_id is 'The organization.';
comment on column public.partner_resources.title is 'Title.';
comment on column public.partner_resources.description is 'Short description.';
comment on column public.partner_resources.url is 'http(s) link.';
comment on column public.partner_resources.kind is 'guide, deck, video, template, datasheet, link.';
comment on column public.partner_resources.min_tier is 'Lowest partner tier that sees it (registered < silver < gold < platinum).';
comment on column public.partner_resources.created_by is 'Who added it. No FK: outlives the person.';
comment on column public.partner_resources.created_at is 'Set by trigger.';
comment on column public.partner_resources.updated_at is 'Set by trigger on every write.';
create index partner_resources_org_tier_idx on public.partner_resources (org_id, min_tier);

-- Shared row triggers -------------------------------------------------------------------------
do $$
declare
  t text;
begin
  foreach t in array array['partner_notes', 'partner_referrals', 'partner_commissions', 'partner_tasks',
                           'partner_documents', 'partner_training'] loop
    execute format('create trigger %1$s_reparenting before update on public.%1$I
                      for each row execute function private.refuse_reparenting(''org_id'', ''partner_id'')', t);
  end loop;
  foreach t in array array['partner_notes', 'partner_referrals', 'partner_commissions', 'partner_tasks',
                           'partner_documents', 'partner_training', 'partner_resources'] loop
    execute format('create trigger %1$s_timestamps before insert or update on public.%1$I
                      for each row execute function private.set_timestamps()', t);
    if t <> 'partner_notes' then
      execute format('create trigger %1$s_created_by before insert or update on public.%1$I
                        for each row execute function private.set_created_by()', t);
    end if;
    execute format('alter table public.%I enable row level security', t);
  end loop;
end
$$;
create trigger partner_resources_reparenting before update on public.partner_resources
  for each row execute function private.refuse_reparenting('org_id');

-- Grants (RLS narrows them; see the policies migration) ----------------------------------------
revoke all on table public.partner_notes, public.partner_referrals, public.partner_commissions,
  public.partner_tasks, public.partner_documents, public.partner_training, public.partner_resources
  from public, anon, authenticated, service_role;
grant select, delete on table public.partner_notes, public.partner_referrals, public.partner_commissions,
  public.partner_tasks, public.partner_documents, public.partner_training, public.partner_resources
  to authenticated;
grant insert (id, org_id, partner_id, body), update (body) on table public.partner_notes to authenticated;
grant insert (id, org_id, partner_id, client_name, client_email, status, estimated_value, actual_value, referred_at, closed_at),
      update (client_name, client_email, status, estimated_value, actual_value, referred_at, closed_at)
  on table public.partner_referrals to authenticated;
grant insert (id, org_id, partner_id, referral_id, amount, currency, status, description, earned_at, due_at, paid_at),
      update (referral_id, amount, status, description, earned_at, due_at, paid_at)
  on table public.partner_commissions to authenticated;
grant insert (id, org_id, partner_id, assignee_id, title, description, status, priority, due_date),
      update (assignee_id, title, description, status, priority, due_date)
  on table public.partner_tasks to authenticated;
grant insert (id, org_id, partner_id, owner_id, title, document_type, url, tags, visibility),
      update (owner_id, title, document_type, url, tags, visibility)
  on table public.partner_documents to authenticated;
grant insert (id, org_id, partner_id, name, kind, status, completed_on, expires_on),
      update (name, kind, status, completed_on, expires_on)
  on table public.partner_training to authenticated;
grant insert (id, org_id, title, description, url, kind, min_tier),
      update (title, description, url, kind, min_tier)
  on table public.partner_resources to authenticated;
grant select, insert, update, delete on table public.partner_notes, public.partner_referrals,
  public.partner_commissions, public.partner_tasks, public.partner_documents, public.partner_training,
  public.partner_resources to service_role;
