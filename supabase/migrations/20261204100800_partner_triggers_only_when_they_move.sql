-- Two statement triggers on partners (20261204100000, 20261204100100) ran on every update of
-- a partner, ~0.8 ms each, to find in the transition tables that nothing they keep had moved:
-- most updates neither archive nor restore a partner, nor change its key or creation date.
-- They are now row triggers with a WHEN condition, so an update that moves nothing of theirs
-- does not call them at all. Inserts and deletes stay statement triggers (an import adds
-- many partners in one statement).

create or replace function private.last_referral_days_after_archive_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- the partner's row is locked by the update: a concurrent change of its latest referral
  -- has either committed (and is read here) or waits and then sees it archived or not
  insert into public.partner_last_referral_days as d (org_id, day, partners)
  select l.org_id, (l.last_referred_at at time zone 'UTC')::date, case when new.archived_at is null then 1 else -1 end
    from public.partner_last_referrals l
   where l.partner_id = new.id
  on conflict (org_id, day) do update set partners = d.partners + excluded.partners;
  return null;
end
$$;
comment on function private.last_referral_days_after_archive_row() is 'AFTER UPDATE FOR EACH ROW on partners, when archived or restored: the partner leaves or rejoins the day of its latest referral in partner_last_referral_days.';
revoke all on function private.last_referral_days_after_archive_row() from public, anon, authenticated;

drop trigger partners_last_referral_days_archive on public.partners;
drop function private.last_referral_days_after_archive();
create trigger partners_last_referral_days_archive after update of archived_at on public.partners
  for each row when ((old.archived_at is null) <> (new.archived_at is null))
  execute function private.last_referral_days_after_archive_row();

create or replace function private.created_partner_buckets_after_key_move()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, partners_created)
  select c.org_id, c.month, c.status, c.tier, c.owner_id, c.region, sum(c.n)
    from (
      select new.org_id, date_trunc('month', new.created_at at time zone z.time_zone)::date as month,
             new.status, new.tier, new.owner_id, new.region, 1 as n
        from public.organizations z where z.id = new.org_id
      union all
      select old.org_id, date_trunc('month', old.created_at at time zone z.time_zone)::date,
             old.status, old.tier, old.owner_id, old.region, -1
        from public.organizations z where z.id = old.org_id) c
   group by 1, 2, 3, 4, 5, 6
  having sum(c.n) <> 0
   order by 1, 2, 3, 4, 5, 6
  on conflict on constraint partner_month_buckets_key do update
     set partners_created = b.partners_created + excluded.partners_created;
  return null;
end
$$;
comment on function private.created_partner_buckets_after_key_move() is 'AFTER UPDATE FOR EACH ROW on partners, when its key or creation date changed: moves the partner from its old bucket''s partners_created to its new one.';
revoke all on function private.created_partner_buckets_after_key_move() from public, anon, authenticated;

drop trigger partners_created_buckets_update on public.partners;
create trigger partners_created_buckets_update after update of status, tier, owner_id, region, created_at, org_id on public.partners
  for each row
  when ((old.status, old.tier, old.owner_id, old.region, old.created_at, old.org_id)
        is distinct from (new.status, new.tier, new.owner_id, new.region, new.created_at, new.org_id))
  execute function private.created_partner_buckets_after_key_move();

-- the statement function keeps its insert and delete branches
comment on function private.created_partner_buckets_after_partners() is 'AFTER INSERT or DELETE FOR EACH STATEMENT on partners: keeps partner_month_buckets.partners_created as partners are created or deleted.';
