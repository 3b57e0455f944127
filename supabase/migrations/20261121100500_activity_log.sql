-- The partner timeline. Written only by triggers (and add_partner_note() through its
-- trigger); partner users see partner_visible rows, whose payload holds partner-safe keys only.

create table public.partner_activity_log (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  partner_id uuid not null,
  event_type text not null check (event_type in (
    'partner.created', 'partner.imported', 'partner.status_changed', 'partner.tier_changed',
    'partner.owner_changed', 'partner.archived',
    'referral.created', 'referral.status_changed', 'referral.won', 'referral.lost',
    'commission.created', 'commission.approved', 'commission.paid', 'commission.voided',
    'task.created', 'task.completed', 'document.added', 'note.added')),
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  payload jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
  source_table text check (source_table in ('partners', 'partner_referrals', 'partner_commissions',
                                            'partner_tasks', 'partner_documents', 'partner_notes')),
  source_id uuid,
  partner_visible boolean not null default false,
  created_at timestamptz not null default now(),
  foreign key (partner_id, org_id) references public.partners (id, org_id) on delete cascade
);
comment on table public.partner_activity_log is 'Timeline of a partner. Written by triggers only; partner users read partner_visible rows (activity scope).';
comment on column public.partner_activity_log.id is 'Event id.';
comment on column public.partner_activity_log.org_id is 'Organization (same as the partner''s).';
comment on column public.partner_activity_log.partner_id is 'The partner the event belongs to.';
comment on column public.partner_activity_log.event_type is 'One of the event types shared by triggers, backfill, import and UI.';
comment on column public.partner_activity_log.occurred_at is 'When it happened (a historic instant for backfilled and seeded events).';
comment on column public.partner_activity_log.actor_id is 'Who did it (auth user id); null for the system. No FK: the timeline outlives people.';
comment on column public.partner_activity_log.payload is 'Event details. Partner-safe keys only when partner_visible.';
comment on column public.partner_activity_log.source_table is 'Table of the row the event is about.';
comment on column public.partner_activity_log.source_id is 'Id of that row.';
comment on column public.partner_activity_log.partner_visible is 'Shown in the partner portal (activity scope).';
comment on column public.partner_activity_log.created_at is 'When the event row was written.';

create index partner_activity_log_partner_org_idx on public.partner_activity_log (partner_id, org_id, occurred_at desc);
-- Backfill and triggers never record the same creation twice.
create unique index partner_activity_log_creation_once_idx
  on public.partner_activity_log (source_table, source_id, event_type)
  where event_type in ('partner.created', 'partner.imported', 'referral.created', 'commission.created',
                       'task.created', 'document.added', 'note.added');

alter table public.partner_activity_log enable row level security;

-- One writer for every event. Definer: callers have no INSERT on the log.
create or replace function private.log_activity(
  p_org_id uuid, p_partner_id uuid, p_event_type text, p_source_table text, p_source_id uuid,
  p_payload jsonb, p_partner_visible boolean, p_occurred_at timestamptz default now())
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.partner_activity_log
    (org_id, partner_id, event_type, occurred_at, actor_id, payload, source_table, source_id, partner_visible)
  values
    (p_org_id, p_partner_id, p_event_type, coalesce(p_occurred_at, now()), auth.uid(),
     jsonb_strip_nulls(coalesce(p_payload, '{}')), p_source_table, p_source_id, p_partner_visible)
  on conflict (source_table, source_id, event_type)
    where event_type in ('partner.created', 'partner.imported', 'referral.created', 'commission.created',
                         'task.created', 'document.added', 'note.added')
  do nothing
$$;
comment on function private.log_activity(uuid, uuid, text, text, uuid, jsonb, boolean, timestamptz) is 'Writes one partner_activity_log row (actor = auth.uid()); a creation event already recorded is skipped.';
revoke all on function private.log_activity(uuid, uuid, text, text, uuid, jsonb, boolean, timestamptz) from public, anon, authenticated;

-- partners: created / imported / status / tier / owner / archived.
-- partner.imported is written instead of partner.created while import_partners() runs.
create or replace function private.partner_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.log_activity(new.org_id, new.id,
      case when current_setting('partnerdesk.importing', true) = 'on' then 'partner.imported' else 'partner.created' end,
      'partners', new.id, jsonb_build_object('name', new.name, 'status', new.status, 'tier', new.tier),
      true, new.created_at);
    return new;
  end if;
  if new.status is distinct from old.status then
    perform private.log_activity(new.org_id, new.id, 'partner.status_changed', 'partners', new.id,
      jsonb_build_object('from', old.status, 'to', new.status), true);
  end if;
  if new.tier is distinct from old.tier then
    perform private.log_activity(new.org_id, new.id, 'partner.tier_changed', 'partners', new.id,
      jsonb_build_object('from', old.tier, 'to', new.tier), true);
  end if;
  if new.owner_id is distinct from old.owner_id then
    perform private.log_activity(new.org_id, new.id, 'partner.owner_changed', 'partners', new.id,
      jsonb_build_object('from', old.owner_id, 'to', new.owner_id), false);
  end if;
  if new.archived_at is not null and old.archived_at is null then
    perform private.log_activity(new.org_id, new.id, 'partner.archived', 'partners', new.id,
      jsonb_build_object('name', new.name), false);
  end if;
  return new;
end
$$;
comment on function private.partner_activity() is 'AFTER INSERT/UPDATE on partners: partner.created|imported, status_changed, tier_changed (partner-visible), owner_changed, archived (internal).';
revoke all on function private.partner_activity() from public, anon, authenticated;

create trigger partners_activity after insert or update of status, tier, owner_id, archived_at on public.partners
  for each row execute function private.partner_activity();

-- Children. Nothing is written for a partner that is being deleted.
create or replace function private.child_activity()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.partner_exists(new.partner_id) then
    return new;
  end if;

  if tg_table_name = 'partner_referrals' then
    if tg_op = 'INSERT' then
      perform private.log_activity(new.org_id, new.partner_id, 'referral.created', tg_table_name, new.id,
        jsonb_build_object('client_name', new.client_name, 'status', new.status, 'estimated_value', new.estimated_value),
        true, new.created_at);
    elsif new.status is distinct from old.status then
      perform private.log_activity(new.org_id, new.partner_id,
        case new.status when 'won' then 'referral.won' when 'lost' then 'referral.lost' else 'referral.status_changed' end,
        tg_table_name, new.id,
        jsonb_build_object('client_name', new.client_name, 'from', old.status, 'to', new.status,
                           'actual_value', case when new.status = 'won' then new.actual_value end),
        true);
    end if;

  elsif tg_table_name = 'partner_commissions' then
    if tg_op = 'INSERT' then
      perform private.log_activity(new.org_id, new.partner_id, 'commission.created', tg_table_name, new.id,
        jsonb_build_object('amount', new.amount, 'currency', new.currency, 'status', new.status, 'referral_id', new.referral_id),
        true, new.created_at);
    elsif new.status is distinct from old.status then
      perform private.log_activity(new.org_id, new.partner_id,
        case new.status when 'approved' then 'commission.approved' when 'paid' then 'commission.paid' else 'commission.voided' end,
        tg_table_name, new.id,
        jsonb_build_object('amount', new.amount, 'currency', new.currency, 'from', old.status, 'to', new.status),
        true);
    end if;

  elsif tg_table_name = 'partner_tasks' then
    if tg_op = 'INSERT' then
      perform private.log_activity(new.org_id, new.partner_id, 'task.created', tg_table_name, new.id,
        jsonb_build_object('title', new.title, 'assignee_id', new.assignee_id, 'due_date', new.due_date),
        false, new.created_at);
    end if;
    if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
      perform private.log_activity(new.org_id, new.partner_id, 'task.completed', tg_table_name, new.id,
        jsonb_build_object('title', new.title), false, coalesce(new.completed_at, now()));
    end if;

  elsif tg_table_name = 'partner_documents' then
    if tg_op = 'INSERT' then
      perform private.log_activity(new.org_id, new.partner_id, 'document.added', tg_table_name, new.id,
        jsonb_build_object('title', new.title, 'document_type', new.document_type, 'visibility', new.visibility),
        new.visibility = 'shared', new.created_at);
    elsif new.visibility is distinct from old.visibility then
      -- the "added" event follows the document: shown to the partner only while shared
      update public.partner_activity_log
         set partner_visible = (new.visibility = 'shared'),
             payload = payload || jsonb_build_object('visibility', new.visibility)
       where source_table = tg_table_name and source_id = new.id and event_type = 'document.added';
    end if;

  elsif tg_table_name = 'partner_notes' then
    if tg_op = 'INSERT' then
      perform private.log_activity(new.org_id, new.partner_id, 'note.added', tg_table_name, new.id,
        jsonb_build_object('excerpt', left(new.body, 200)), false, new.created_at);
    end if;
  end if;
  return new;
end
$$;
comment on function private.child_activity() is 'AFTER INSERT/UPDATE on partner children: referral.*, commission.*, task.*, document.added, note.added. Skips partners being deleted.';
revoke all on function private.child_activity() from public, anon, authenticated;

create trigger partner_referrals_activity after insert or update of status on public.partner_referrals
  for each row execute function private.child_activity();
create trigger partner_commissions_activity after insert or update of status on public.partner_commissions
  for each row execute function private.child_activity();
create trigger partner_tasks_activity after insert or update of status on public.partner_tasks
  for each row execute function private.child_activity();
create trigger partner_documents_activity after insert or update of visibility on public.partner_documents
  for each row execute function private.child_activity();
create trigger partner_notes_activity after insert on public.partner_notes
  for each row execute function private.child_activity();

-- Manual notes: an editor adds an internal note; its note.added event comes from the trigger.
create or replace function public.add_partner_note(p_partner_id uuid, p_body text)
returns public.partner_notes
language plpgsql
security invoker
set search_path = ''
as $$
declare
  note public.partner_notes;
  partner_org uuid;
begin
  select org_id into partner_org from public.partners where id = p_partner_id;
  if partner_org is null then
    raise exception 'partner not found' using errcode = 'P0002';
  end if;
  insert into public.partner_notes (org_id, partner_id, body)
  values (partner_org, p_partner_id, p_body)
  returning * into note;
  return note;
end
$$;
comment on function public.add_partner_note(uuid, text) is 'Adds an internal note to a partner as the caller (RLS: editors) and records note.added. Returns the note.';
revoke all on function public.add_partner_note(uuid, text) from public, anon;
grant execute on function public.add_partner_note(uuid, text) to authenticated, service_role;

revoke all on table public.partner_activity_log from public, anon, authenticated, service_role;
grant select on table public.partner_activity_log to authenticated;
grant select on table public.partner_activity_log to service_role;
