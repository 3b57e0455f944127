-- Rate limits over a sliding window instead of fixed ones. With fixed windows, a count began
-- again at every window's start, so someone could spend a whole limit just before a boundary
-- and another just after it: twice the attempts in a moment. Now the previous window's hits
-- still count, weighted by how much of it lies within the last window_seconds (the usual
-- two-counter approximation of a sliding window), so the allowance recovers gradually.

create or replace function private.rate_limit_take(p_kind text, p_subject text, p_count integer, p_full_blocks boolean)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  rule private.rate_limit_rules;
  clock timestamptz := private.rate_limit_now();
  started timestamptz;
  previous_started timestamptz;
  key text := private.rate_limit_key(p_subject);
  current_hits integer;
  previous_hits integer;
  overlap double precision;
  estimate double precision;
begin
  if p_subject is null or trim(p_subject) = '' then
    return 0;
  end if;
  select * into rule from private.rate_limit_rules where kind = p_kind;
  if not found then
    raise exception 'unknown rate limit "%"', p_kind using errcode = '22023';
  end if;
  started := to_timestamp(floor(extract(epoch from clock) / rule.window_seconds) * rule.window_seconds);
  previous_started := started - make_interval(secs => rule.window_seconds);

  delete from private.rate_limit_counters
   where kind = p_kind and key_hash = key and window_start < previous_started;
  if random() < 0.01 then
    perform private.sweep_rate_limits();
  end if;

  if p_count > 0 then
    insert into private.rate_limit_counters as c (kind, key_hash, window_start, hits)
    values (p_kind, key, started, p_count)
    on conflict (kind, key_hash, window_start) do update set hits = c.hits + excluded.hits
    returning hits into current_hits;
  else
    select hits into current_hits from private.rate_limit_counters
     where kind = p_kind and key_hash = key and window_start = started;
  end if;
  select hits into previous_hits from private.rate_limit_counters
   where kind = p_kind and key_hash = key and window_start = previous_started;

  -- The share of the previous window that still lies within the last window_seconds.
  overlap := 1 - extract(epoch from (clock - started)) / rule.window_seconds;
  -- Rounded up: a hit that has only partly slid out still counts whole, so the moment after
  -- a boundary weighs exactly what the moment before did.
  estimate := ceil(coalesce(current_hits, 0) + coalesce(previous_hits, 0) * overlap);

  if estimate > rule.max_hits or (p_full_blocks and estimate >= rule.max_hits) then
    -- Until this window ends: by then the hits that tipped it have begun to fade.
    return greatest(1, ceil(extract(epoch from (started + make_interval(secs => rule.window_seconds) - clock)))::integer);
  end if;
  return 0;
end
$$;
comment on function private.rate_limit_take(text, text, integer, boolean) is 'Counts a hit for (kind, subject), or only looks when p_count is 0, over a sliding window (this window''s hits plus the previous one''s, weighted by their overlap with the last window_seconds). Returns the seconds until the subject may act again (0: allowed).';
revoke all on function private.rate_limit_take(text, text, integer, boolean) from public, anon, authenticated, service_role;

-- A counter is spent once it can no longer weigh on the window after its own.
create or replace function private.sweep_rate_limits()
returns integer
language sql
security definer
set search_path = ''
as $$
  with swept as (
    delete from private.rate_limit_counters c
     using private.rate_limit_rules r
     where r.kind = c.kind
       and c.window_start + make_interval(secs => 2 * r.window_seconds) < private.rate_limit_now()
    returning 1
  )
  select count(*)::integer from swept
$$;
comment on function private.sweep_rate_limits() is 'Deletes every counter that no longer weighs on any window (two windows old); returns how many.';
revoke all on function private.sweep_rate_limits() from public, anon, authenticated, service_role;
