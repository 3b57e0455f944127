-- A partner update that moves its filter key (status, tier, owner, region) cost ~15 ms more
-- than before the month buckets: two upserts through a SQL function, planned afresh on every
-- call. One upsert now takes the partner's months out of the old key and into the new one
-- together, from PL/pgSQL so its plan is kept for the session, and an update that leaves the
-- key alone no longer runs a statement trigger over transition tables at all.

create or replace function private.move_month_buckets(p_partner_ids uuid[], p_old_keys jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.partner_month_buckets as b (org_id, month, status, tier, owner_id, region, referrals_submitted, submitted_value, closed_value, referrals_won, referrals_lost, won_value, reached_qualified, reached_qualified_value, reached_in_progress, reached_in_progress_value, referrals_now_won, won_estimated_value, referrals_now_lost, lost_estimated_value, commission_earned, commission_recorded, commission_approved, commission_paid, commission_settled)
  select d.org_id, d.month, d.status, d.tier, d.owner_id, d.region,
         sum(d.sign * d.referrals_submitted), sum(d.sign * d.submitted_value), sum(d.sign * d.closed_value),
         sum(d.sign * d.referrals_won), sum(d.sign * d.referrals_lost), sum(d.sign * d.won_value),
         sum(d.sign * d.reached_qualified), sum(d.sign * d.reached_qualified_value),
         sum(d.sign * d.reached_in_progress), sum(d.sign * d.reached_in_progress_value),
         sum(d.sign * d.referrals_now_won), sum(d.sign * d.won_estimated_value),
         sum(d.sign * d.referrals_now_lost), sum(d.sign * d.lost_estimated_value),
         sum(d.sign * d.commission_earned), sum(d.sign * d.commission_recorded),
         sum(d.sign * d.commission_approved), sum(d.sign * d.commission_paid),
         sum(d.sign * d.commission_settled)
    from (
      -- out of the old key, into the current one; a month whose two keys meet nets to zero
      select s.sign, r.*,
             case s.sign when -1 then k ->> 'status' else p.status end as status,
             case s.sign when -1 then k ->> 'tier' else p.tier end as tier,
             case s.sign when -1 then (k ->> 'owner_id')::uuid else p.owner_id end as owner_id,
             case s.sign when -1 then k ->> 'region' else p.region end as region
        from public.partner_monthly_rollups r
        join public.partners p on p.id = r.partner_id
       cross join lateral (select p_old_keys -> r.partner_id::text as k) kk
       cross join (values (-1), (1)) s(sign)
       where r.partner_id = any (p_partner_ids)) d
   group by d.org_id, d.month, d.status, d.tier, d.owner_id, d.region
  on conflict on constraint partner_month_buckets_key do update set
    referrals_submitted = b.referrals_submitted + excluded.referrals_submitted,
    submitted_value = b.submitted_value + excluded.submitted_value,
    closed_value = b.closed_value + excluded.closed_value,
    referrals_won = b.referrals_won + excluded.referrals_won,
    referrals_lost = b.referrals_lost + excluded.referrals_lost,
    won_value = b.won_value + excluded.won_value,
    reached_qualified = b.reached_qualified + excluded.reached_qualified,
    reached_qualified_value = b.reached_qualified_value + excluded.reached_qualified_value,
    reached_in_progress = b.reached_in_progress + excluded.reached_in_progress,
    reached_in_progress_value = b.reached_in_progress_value + excluded.reached_in_progress_value,
    referrals_now_won = b.referrals_now_won + excluded.referrals_now_won,
    won_estimated_value = b.won_estimated_value + excluded.won_estimated_value,
    referrals_now_lost = b.referrals_now_lost + excluded.referrals_now_lost,
    lost_estimated_value = b.lost_estimated_value + excluded.lost_estimated_value,
    commission_earned = b.commission_earned + excluded.commission_earned,
    commission_recorded = b.commission_recorded + excluded.commission_recorded,
    commission_approved = b.commission_approved + excluded.commission_approved,
    commission_paid = b.commission_paid + excluded.commission_paid,
    commission_settled = b.commission_settled + excluded.commission_settled;
end
$$;
comment on function private.move_month_buckets(uuid[], jsonb) is 'Moves the given partners'' monthly roll-ups from their old key buckets (p_old_keys: partner id -> status, tier, owner_id, region) to the buckets of their key now, in one upsert.';
revoke all on function private.move_month_buckets(uuid[], jsonb) from public, anon, authenticated;

-- A row trigger whose WHEN compares the key: an update that leaves status, tier, owner and
-- region alone calls nothing and captures no transition tables.
drop trigger partners_month_buckets_key on public.partners;
drop function private.buckets_after_partner_key();

create function private.buckets_after_partner_key_move()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.move_month_buckets(array[new.id], jsonb_build_object(old.id::text, jsonb_build_object(
    'status', old.status, 'tier', old.tier, 'owner_id', old.owner_id, 'region', old.region)));
  return null;
end
$$;
comment on function private.buckets_after_partner_key_move() is 'AFTER UPDATE FOR EACH ROW on partners, when status, tier, owner or region changed: moves the partner''s months from the old key bucket to the new one.';
revoke all on function private.buckets_after_partner_key_move() from public, anon, authenticated;
create trigger partners_month_buckets_key after update of status, tier, owner_id, region on public.partners
  for each row
  when ((old.status, old.tier, old.owner_id, old.region) is distinct from (new.status, new.tier, new.owner_id, new.region))
  execute function private.buckets_after_partner_key_move();
