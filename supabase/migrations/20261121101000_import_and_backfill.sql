-- CSV import (upsert on external_id, recording partner.imported) and the idempotent
-- activity backfill behind `npm run db:backfill`.

-- Rows: a JSON array of objects keyed by partners' column names (external_id required;
-- owner_email may stand for owner_id). On existing partners only the keys present change;
-- a row equal to the stored partner is left alone. Security invoker: the caller's RLS
-- applies (editors of the organization), and every trigger records the caller as actor.
create or replace function public.import_partners(p_org_id uuid, p_rows jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql
security invoker
set search_path = ''
as $$
declare
  n_total integer;
  n_inserted integer;
  n_updated integer;
  bad text;
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception 'rows must be a JSON array of objects' using errcode = '22023';
  end if;
  select count(*) into n_total from jsonb_array_elements(p_rows);

  select coalesce(min(ord)::text, null) into bad
    from jsonb_array_elements(p_rows) with ordinality as r(doc, ord)
   where jsonb_typeof(doc) <> 'object' or coalesce(trim(doc ->> 'external_id'), '') = '';
  if bad is not null then
    raise exception 'row %: an external_id is required', bad using errcode = '22023';
  end if;
  select min(trim(doc ->> 'external_id')) into bad
    from (select doc, count(*) over (partition by trim(doc ->> 'external_id')) as n
            from jsonb_array_elements(p_rows) as r(doc)) d
   where n > 1;
  if bad is not null then
    raise exception 'external_id "%" appears more than once', bad using errcode = '23505';
  end if;
  select min(doc ->> 'owner_email') into bad
    from jsonb_array_elements(p_rows) as r(doc)
   where doc ? 'owner_email' and nullif(doc ->> 'owner_email', '') is not null
     and not exists (select from public.org_members m join public.profiles pr on pr.id = m.user_id
                      where m.org_id = p_org_id and pr.email = lower(doc ->> 'owner_email'));
  if bad is not null then
    raise exception 'owner "%" is not staff of this organization', bad using errcode = '23503';
  end if;

  perform set_config('partnerdesk.importing', 'on', true);

  create temporary table if not exists pg_temp.partner_import_rows (
    external_id text primary key, doc jsonb, owner_id uuid, has_owner boolean) on commit drop;
  truncate pg_temp.partner_import_rows;
  insert into pg_temp.partner_import_rows (external_id, doc, owner_id, has_owner)
  select trim(doc ->> 'external_id'), doc,
         case when doc ? 'owner_email' then
                (select m.user_id from public.org_members m join public.profiles pr on pr.id = m.user_id
                  where m.org_id = p_org_id and pr.email = lower(nullif(doc ->> 'owner_email', '')))
              else nullif(doc ->> 'owner_id', '')::uuid end,
         doc ? 'owner_email' or doc ? 'owner_id'
    from jsonb_array_elements(p_rows) as r(doc);

  with merged as (
    select p.id,
      case when s.doc ? 'name' then s.doc ->> 'name' else p.name end as name,
      case when s.doc ? 'status' then s.doc ->> 'status' else p.status end as status,
      case when s.doc ? 'tier' then s.doc ->> 'tier' else p.tier end as tier,
      case when s.has_owner then s.owner_id else p.owner_id end as owner_id,
      case when s.doc ? 'region' then nullif(s.doc ->> 'region', '') else p.region end as region,
      case when s.doc ? 'website' then nullif(s.doc ->> 'website', '') else p.website end as website,
      case when s.doc ? 'primary_contact_name' then nullif(s.doc ->> 'primary_contact_name', '') else p.primary_contact_name end as primary_contact_name,
      case when s.doc ? 'primary_contact_email' then lower(nullif(s.doc ->> 'primary_contact_email', '')) else p.primary_contact_email end as primary_contact_email,
      case when s.doc ? 'commission_rate' then nullif(s.doc ->> 'commission_rate', '')::numeric else p.commission_rate end as commission_rate,
      case when s.doc ? 'tags' then coalesce(array(select jsonb_array_elements_text(s.doc -> 'tags')), '{}') else p.tags end as tags
    from public.partners p
    join pg_temp.partner_import_rows s on s.external_id = p.external_id
    where p.org_id = p_org_id
  ), changed as (
    update public.partners p
       set name = m.name, status = m.status, tier = m.tier, owner_id = m.owner_id, region = m.region,
           website = m.website, primary_contact_name = m.primary_contact_name,
           primary_contact_email = m.primary_contact_email, commission_rate = m.commission_rate, tags = m.tags
      from merged m
     where p.id = m.id
       and (p.name, p.status, p.tier, p.owner_id, p.region, p.website, p.primary_contact_name,
            p.primary_contact_email, p.commission_rate, p.tags)
           is distinct from
           (m.name, m.status, m.tier, m.owner_id, m.region, m.website, m.primary_contact_name,
            m.primary_contact_email, m.commission_rate, m.tags)
    returning 1
  )
  select count(*) into n_updated from changed;

  insert into public.partners (org_id, external_id, name, status, tier, owner_id, region, website,
                               primary_contact_name, primary_contact_email, commission_rate, tags)
  select p_org_id, s.external_id, s.doc ->> 'name',
         coalesce(nullif(s.doc ->> 'status', ''), 'prospect'), coalesce(nullif(s.doc ->> 'tier', ''), 'registered'),
         s.owner_id, nullif(s.doc ->> 'region', ''), nullif(s.doc ->> 'website', ''),
         nullif(s.doc ->> 'primary_contact_name', ''), lower(nullif(s.doc ->> 'primary_contact_email', '')),
         nullif(s.doc ->> 'commission_rate', '')::numeric,
         coalesce(array(select jsonb_array_elements_text(s.doc -> 'tags')), '{}')
    from pg_temp.partner_import_rows s
   where not exists (select from public.partners p where p.org_id = p_org_id and p.external_id = s.external_id)
  on conflict (org_id, external_id) do nothing;
  get diagnostics n_inserted = row_count;

  perform set_config('partnerdesk.importing', '', true);
  drop table pg_temp.partner_import_rows;
  return query select n_inserted, n_updated, n_total - n_inserted - n_updated;
end
$$;
comment on function public.import_partners(uuid, jsonb) is 'CSV import: upserts partners on (org_id, external_id) as the caller (RLS: editors), records partner.imported for new ones; returns inserted, updated, unchanged counts. All or nothing.';
revoke all on function public.import_partners(uuid, jsonb) from public, anon;
grant execute on function public.import_partners(uuid, jsonb) to authenticated, service_role;

-- A referral.created per historic referral (at referred_at) and a commission.created per
-- commission lacking one. The creation-once index makes a second run a no-op.
create or replace function private.backfill_activity()
returns table (referral_events integer, commission_events integer)
language plpgsql
security definer
set search_path = ''
as $$
declare
  n_referrals integer;
  n_commissions integer;
begin
  insert into public.partner_activity_log
    (org_id, partner_id, event_type, occurred_at, actor_id, payload, source_table, source_id, partner_visible)
  select r.org_id, r.partner_id, 'referral.created', r.referred_at, r.created_by,
         jsonb_strip_nulls(jsonb_build_object('client_name', r.client_name, 'status', r.status,
                                              'estimated_value', r.estimated_value, 'backfilled', true)),
         'partner_referrals', r.id, true
    from public.partner_referrals r
   where not exists (select from public.partner_activity_log l
                      where l.source_table = 'partner_referrals' and l.source_id = r.id
                        and l.event_type = 'referral.created')
  on conflict (source_table, source_id, event_type)
    where event_type in ('partner.created', 'partner.imported', 'referral.created', 'commission.created',
                         'task.created', 'document.added', 'note.added')
  do nothing;
  get diagnostics n_referrals = row_count;

  insert into public.partner_activity_log
    (org_id, partner_id, event_type, occurred_at, actor_id, payload, source_table, source_id, partner_visible)
  select c.org_id, c.partner_id, 'commission.created', c.created_at, c.created_by,
         jsonb_strip_nulls(jsonb_build_object('amount', c.amount, 'currency', c.currency, 'status', c.status,
                                              'referral_id', c.referral_id, 'backfilled', true)),
         'partner_commissions', c.id, true
    from public.partner_commissions c
   where not exists (select from public.partner_activity_log l
                      where l.source_table = 'partner_commissions' and l.source_id = c.id
                        and l.event_type = 'commission.created')
  on conflict (source_table, source_id, event_type)
    where event_type in ('partner.created', 'partner.imported', 'referral.created', 'commission.created',
                         'task.created', 'document.added', 'note.added')
  do nothing;
  get diagnostics n_commissions = row_count;

  return query select n_referrals, n_commissions;
end
$$;
comment on function private.backfill_activity() is 'Writes missing referral.created (at referred_at) and commission.created events; idempotent. Returns how many it wrote.';
revoke all on function private.backfill_activity() from public, anon, authenticated;
grant execute on function private.backfill_activity() to service_role;
