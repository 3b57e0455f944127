-- A partner's key move (status, tier, owner, region) moves its service-level counts out of the
-- old key and into the new one: two writes of the same counts with opposite signs, which
-- cancel in organization_day_counts (20261204100500). Followed through the trigger on
-- partner_day_counts, each move wrote every month and measure of the partner there twice
-- (~3 ms more per moved partner at 100k partners). The move now says so for its own two
-- writes, and the organization-wide counts skip them.

create or replace function private.day_counts_after_partner_key_move()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  counts jsonb := private.partner_own_day_counts(new.id, 1);
begin
  if counts is not null then
    perform set_config('partnerdesk.day_counts_key_move', 'on', true);
    -- out of the old key (sign -1 under p_keys), into the new one
    perform private.add_day_counts(
      (select jsonb_agg(e || jsonb_build_object('sign', -1)) from jsonb_array_elements(counts) e),
      jsonb_build_object(old.id::text, jsonb_build_object('status', old.status, 'tier', old.tier,
                                                           'owner_id', old.owner_id, 'region', old.region)));
    perform private.add_day_counts(counts);
    perform set_config('partnerdesk.day_counts_key_move', '', true);
  end if;
  return null;
end
$$;
comment on function private.day_counts_after_partner_key_move() is 'AFTER UPDATE FOR EACH ROW on partners, when status, tier, owner or region changed: moves the partner''s service-level counts from the old key to the new one (marked as a key move, which leaves organization_day_counts as it is).';
revoke all on function private.day_counts_after_partner_key_move() from public, anon, authenticated;

create or replace function private.organization_day_counts_after_day_counts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- a key move's two writes cancel here
  if coalesce(current_setting('partnerdesk.day_counts_key_move', true), '') = 'on' then
    return null;
  end if;
  if tg_op = 'INSERT' then
    perform private.add_organization_day_counts(array(select r::public.partner_day_counts from new_rows r), '{}');
  elsif tg_op = 'DELETE' then
    perform private.add_organization_day_counts('{}', array(select r::public.partner_day_counts from old_rows r));
  else
    perform private.add_organization_day_counts(array(select r::public.partner_day_counts from new_rows r),
                                                array(select r::public.partner_day_counts from old_rows r));
  end if;
  return null;
end
$$;
comment on function private.organization_day_counts_after_day_counts() is 'AFTER ... FOR EACH STATEMENT on partner_day_counts: moves the changed counts into organization_day_counts, except a partner key move''s, which cancel.';
revoke all on function private.organization_day_counts_after_day_counts() from public, anon, authenticated;
