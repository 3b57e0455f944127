-- Hero metrics without touching every partner: partner_metric_buckets holds, per organization
-- and combination of the directory's exact filters (status, tier, owner, region, archived),
-- how many partners fall in it and the sum of their pipeline and owed commission. Triggers on
-- partners and partner_stats keep it current with deltas; partner_directory_metrics() sums a
-- few hundred bucket rows instead of joining 100k partners to their stats (~390 ms -> ~1 ms
-- at 100k partners). A text search cannot be bucketed, so it keeps the join (trigram-selective).
--
-- Who contributes what:
--   * a partner row contributes partners = 1 to the bucket of its current key;
--   * its partner_stats row contributes pipeline_value and commission_owed to the same bucket.
-- A key change moves both; a stats change adds its delta; deleting a partner removes both
-- (before the cascade removes its stats row, whose own trigger then finds no partner and
-- skips it).
--
-- Concurrency: the bucket rows are changed only by upserts adding deltas, so concurrent writers
-- never lose each other's changes. A partner's key and its stats change under different row
-- locks, so the partner side takes the stats row lock before reading the totals it moves: a
-- concurrent roll-up refresh (which holds that lock from refresh_partner_stats() to commit)
-- either commits first, and its new totals are moved, or waits, and then reads the partner's
-- committed new key when it adds its delta.

create table public.partner_metric_buckets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  status text not null,
  tier text not null,
  owner_id uuid,
  region text,
  archived boolean not null,
  -- no check (partners >= 0): an upsert checks the row it proposes (a negative delta) before
  -- it finds the conflict that turns it into an update
  partners bigint not null default 0,
  pipeline_value numeric not null default 0,
  owed_commission numeric not null default 0,
  updated_at timestamptz not null default now(),
  constraint partner_metric_buckets_key unique nulls not distinct (org_id, status, tier, owner_id, region, archived)
);
comment on table public.partner_metric_buckets is 'Directory hero metrics pre-aggregated per organization and filter combination (status, tier, owner, region, archived), maintained by triggers on partners and partner_stats. Staff read; nobody writes through the API.';
comment on column public.partner_metric_buckets.id is 'Surrogate key (the natural key has nullable owner and region).';
comment on column public.partner_metric_buckets.org_id is 'Organization.';
comment on column public.partner_metric_buckets.status is 'Partner status of this bucket.';
comment on column public.partner_metric_buckets.tier is 'Partner tier of this bucket.';
comment on column public.partner_metric_buckets.owner_id is 'Partner owner of this bucket (null: no owner). No foreign key: an owner''s removal nulls partners'' owner_id, and the partners trigger moves them.';
comment on column public.partner_metric_buckets.region is 'Partner region of this bucket (null: no region).';
comment on column public.partner_metric_buckets.archived is 'Whether the partners of this bucket are archived (archived_at is not null).';
comment on column public.partner_metric_buckets.partners is 'Number of partners with this key (active partners are the buckets with status active).';
comment on column public.partner_metric_buckets.pipeline_value is 'Sum of partner_stats.pipeline_value of those partners.';
comment on column public.partner_metric_buckets.owed_commission is 'Sum of partner_stats.commission_owed of those partners.';
comment on column public.partner_metric_buckets.updated_at is 'When a trigger last changed the bucket.';

alter table public.partner_metric_buckets enable row level security;

create policy "Metric buckets are visible to staff"
  on public.partner_metric_buckets for select to authenticated
  using (org_id = any ((select private.staff_org_ids())));

revoke all on table public.partner_metric_buckets from anon, authenticated, service_role;
grant select on table public.partner_metric_buckets to authenticated, service_role;

-- Adds deltas (one row per partner or per key, any sign) to their buckets. Rows are summed per
-- key and applied in key order, so two writers touching the same buckets lock them in the
-- same order. Deltas for an organization that no longer exists (it is being deleted, and its
-- buckets with it) are dropped.
create or replace function private.add_to_metric_buckets(p_deltas jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_metric_buckets as b
         (org_id, status, tier, owner_id, region, archived, partners, pipeline_value, owed_commission)
  select d.org_id, d.status, d.tier, d.owner_id, d.region, d.archived,
         sum(d.partners), sum(d.pipeline_value), sum(d.owed_commission)
    from jsonb_to_recordset(p_deltas) as d (org_id uuid, status text, tier text, owner_id uuid, region text,
                                            archived boolean, partners bigint, pipeline_value numeric,
                                            owed_commission numeric)
   where exists (select from public.organizations o where o.id = d.org_id)
   group by d.org_id, d.status, d.tier, d.owner_id, d.region, d.archived
  having sum(d.partners) <> 0 or sum(d.pipeline_value) <> 0 or sum(d.owed_commission) <> 0
   order by d.org_id, d.status, d.tier, d.owner_id, d.region, d.archived
  on conflict on constraint partner_metric_buckets_key do update set
    partners = b.partners + excluded.partners,
    pipeline_value = b.pipeline_value + excluded.pipeline_value,
    owed_commission = b.owed_commission + excluded.owed_commission,
    updated_at = now();
end
$$;
comment on function private.add_to_metric_buckets(jsonb) is 'Adds signed deltas [{org_id,status,tier,owner_id,region,archived,partners,pipeline_value,owed_commission}] to partner_metric_buckets (upsert, key order). For the bucket triggers.';
revoke all on function private.add_to_metric_buckets(jsonb) from public, anon, authenticated;

-- partners: insert ---------------------------------------------------------------------------
create or replace function private.metric_buckets_partners_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- stats rows are created after this (partners_stats_insert) and add their own totals
  perform private.add_to_metric_buckets((
    select jsonb_agg(jsonb_build_object(
             'org_id', n.org_id, 'status', n.status, 'tier', n.tier, 'owner_id', n.owner_id,
             'region', n.region, 'archived', n.archived_at is not null,
             'partners', 1, 'pipeline_value', 0, 'owed_commission', 0))
      from new_rows n));
  return null;
end
$$;
comment on function private.metric_buckets_partners_insert() is 'AFTER INSERT FOR EACH STATEMENT on partners: counts new partners into their buckets.';
revoke all on function private.metric_buckets_partners_insert() from public, anon, authenticated;

create trigger partners_metric_buckets_insert after insert on public.partners
  referencing new table as new_rows for each statement execute function private.metric_buckets_partners_insert();

-- partners: update of the key ----------------------------------------------------------------
create or replace function private.metric_buckets_partners_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  moved uuid[];
begin
  select array_agg(n.id order by n.id) into moved
    from new_rows n join old_rows o on o.id = n.id
   where (n.status, n.tier, n.owner_id, n.region, n.archived_at is not null)
         is distinct from (o.status, o.tier, o.owner_id, o.region, o.archived_at is not null);
  if moved is null then
    return null;
  end if;
  -- wait for concurrent roll-up refreshes of these partners, then move their committed totals
  perform from public.partner_stats s where s.partner_id = any (moved) order by s.partner_id for share;

  perform private.add_to_metric_buckets((
    select jsonb_agg(d)
      from (select jsonb_build_object(
                     'org_id', o.org_id, 'status', o.status, 'tier', o.tier, 'owner_id', o.owner_id,
                     'region', o.region, 'archived', o.archived_at is not null, 'partners', -1,
                     'pipeline_value', -coalesce(s.pipeline_value, 0),
                     'owed_commission', -coalesce(s.commission_owed, 0)) as d
              from old_rows o left join public.partner_stats s on s.partner_id = o.id
             where o.id = any (moved)
            union all
            select jsonb_build_object(
                     'org_id', n.org_id, 'status', n.status, 'tier', n.tier, 'owner_id', n.owner_id,
                     'region', n.region, 'archived', n.archived_at is not null, 'partners', 1,
                     'pipeline_value', coalesce(s.pipeline_value, 0),
                     'owed_commission', coalesce(s.commission_owed, 0))
              from new_rows n left join public.partner_stats s on s.partner_id = n.id
             where n.id = any (moved)) x));
  return null;
end
$$;
comment on function private.metric_buckets_partners_update() is 'AFTER UPDATE FOR EACH STATEMENT on partners: moves partners whose status, tier, owner, region or archived state changed (with their stats totals) to their new buckets.';
revoke all on function private.metric_buckets_partners_update() from public, anon, authenticated;

create trigger partners_metric_buckets_update after update on public.partners
  referencing old table as old_rows new table as new_rows for each statement execute function private.metric_buckets_partners_update();

-- partners: delete ---------------------------------------------------------------------------
-- Row-level BEFORE: the stats row still exists here (the cascade removes it after the row is
-- gone, and its trigger then skips it because the partner no longer exists).
create or replace function private.metric_buckets_partners_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_pipeline numeric := 0;
  v_owed numeric := 0;
begin
  if not exists (select from public.organizations where id = old.org_id) then
    return old; -- the organization is being deleted; its buckets go with it
  end if;
  select s.pipeline_value, s.commission_owed into v_pipeline, v_owed
    from public.partner_stats s where s.partner_id = old.id for update;
  perform private.add_to_metric_buckets(jsonb_build_array(jsonb_build_object(
    'org_id', old.org_id, 'status', old.status, 'tier', old.tier, 'owner_id', old.owner_id,
    'region', old.region, 'archived', old.archived_at is not null, 'partners', -1,
    'pipeline_value', -coalesce(v_pipeline, 0), 'owed_commission', -coalesce(v_owed, 0))));
  return old;
end
$$;
comment on function private.metric_buckets_partners_delete() is 'BEFORE DELETE FOR EACH ROW on partners: removes the partner and its stats totals from its bucket.';
revoke all on function private.metric_buckets_partners_delete() from public, anon, authenticated;

create trigger partners_metric_buckets_delete before delete on public.partners
  for each row execute function private.metric_buckets_partners_delete();

-- partner_stats: insert, update, delete --------------------------------------------------------
-- Deltas go to the bucket of the partner's current key; rows whose partner is gone (being
-- deleted: already taken out by the partners trigger) are skipped.
create or replace function private.metric_buckets_stats_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  deltas jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(jsonb_build_object(
             'org_id', p.org_id, 'status', p.status, 'tier', p.tier, 'owner_id', p.owner_id,
             'region', p.region, 'archived', p.archived_at is not null, 'partners', 0,
             'pipeline_value', n.pipeline_value, 'owed_commission', n.commission_owed))
      into deltas
      from new_rows n join public.partners p on p.id = n.partner_id
     where n.pipeline_value <> 0 or n.commission_owed <> 0;
  elsif tg_op = 'UPDATE' then
    select jsonb_agg(jsonb_build_object(
             'org_id', p.org_id, 'status', p.status, 'tier', p.tier, 'owner_id', p.owner_id,
             'region', p.region, 'archived', p.archived_at is not null, 'partners', 0,
             'pipeline_value', n.pipeline_value - o.pipeline_value,
             'owed_commission', n.commission_owed - o.commission_owed))
      into deltas
      from new_rows n
      join old_rows o on o.partner_id = n.partner_id
      join public.partners p on p.id = n.partner_id
     where n.pipeline_value <> o.pipeline_value or n.commission_owed <> o.commission_owed;
  else
    select jsonb_agg(jsonb_build_object(
             'org_id', p.org_id, 'status', p.status, 'tier', p.tier, 'owner_id', p.owner_id,
             'region', p.region, 'archived', p.archived_at is not null, 'partners', 0,
             'pipeline_value', -o.pipeline_value, 'owed_commission', -o.commission_owed))
      into deltas
      from old_rows o join public.partners p on p.id = o.partner_id
     where o.pipeline_value <> 0 or o.commission_owed <> 0;
  end if;
  if deltas is not null then
    perform private.add_to_metric_buckets(deltas);
  end if;
  return null;
end
$$;
comment on function private.metric_buckets_stats_change() is 'AFTER INSERT/UPDATE/DELETE FOR EACH STATEMENT on partner_stats: adds pipeline and owed deltas to the partners'' buckets.';
revoke all on function private.metric_buckets_stats_change() from public, anon, authenticated;

create trigger partner_stats_metric_buckets_insert after insert on public.partner_stats
  referencing new table as new_rows for each statement execute function private.metric_buckets_stats_change();
create trigger partner_stats_metric_buckets_update after update on public.partner_stats
  referencing old table as old_rows new table as new_rows for each statement execute function private.metric_buckets_stats_change();
create trigger partner_stats_metric_buckets_delete after delete on public.partner_stats
  referencing old table as old_rows for each statement execute function private.metric_buckets_stats_change();

-- Rebuild (backfill, bulk loads with triggers set aside, repair) ---------------------------------
create or replace function private.rebuild_partner_metric_buckets(p_org_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- writers of buckets wait until the rebuild commits, then add their deltas on top of it
  lock table public.partner_metric_buckets in exclusive mode;
  delete from public.partner_metric_buckets where org_id = p_org_id;
  insert into public.partner_metric_buckets
         (org_id, status, tier, owner_id, region, archived, partners, pipeline_value, owed_commission)
  select p.org_id, p.status, p.tier, p.owner_id, p.region, p.archived_at is not null,
         count(*), coalesce(sum(s.pipeline_value), 0), coalesce(sum(s.commission_owed), 0)
    from public.partners p
    left join public.partner_stats s on s.partner_id = p.id
   where p.org_id = p_org_id
   group by p.org_id, p.status, p.tier, p.owner_id, p.region, p.archived_at is not null;
end
$$;
comment on function private.rebuild_partner_metric_buckets(uuid) is 'Recomputes an organization''s partner_metric_buckets from partners and partner_stats (set-wise). For the migration backfill, db:seed:scale and repairs.';
revoke all on function private.rebuild_partner_metric_buckets(uuid) from public, anon, authenticated;

select private.rebuild_partner_metric_buckets(o.id) from public.organizations o;

