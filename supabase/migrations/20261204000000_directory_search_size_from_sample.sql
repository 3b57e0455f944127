-- A text search's size decided from the sample before anything is counted.
--
-- The summary asked directory_search_exceeds() first, which counted the matches up to the
-- exact limit through the trigram indexes. A bitmap scan cannot stop early, so a common word
-- read every match before the summary could start: 52,000 rows for "Blue" at a million
-- partners, about half a second, and the page asked the same again. Now the repeatable sample
-- (directory_match_estimate) answers first. Far above the limit the sample cannot be wrong by
-- a factor of two (at the limit of a million-row table it holds about 100 hits; twice that
-- is ten standard deviations away), so the count is the sample's and no match is read. Below
-- that the metrics are computed exactly, as before, and they count every match on the way:
-- a count past the limit keeps its figure (shown as "about") and drops the money, so no
-- search is counted twice.

create or replace function public.partner_directory_summary(
  p_org_id uuid,
  p_status text[] default null,
  p_tier text[] default null,
  p_owner_id uuid default null,
  p_region text default null,
  p_search text default null,
  p_include_archived boolean default false,
  p_exact_limit integer default 10000)
returns table (matching_partners bigint, matching_is_estimate boolean, active_partners bigint,
               pipeline_value numeric, owed_commission numeric)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  searching boolean := coalesce(p_search, '') <> '';
  sampled bigint;
  exact record;
begin
  if searching then
    sampled := private.directory_match_estimate(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                                p_include_archived);
    if sampled > 2::bigint * p_exact_limit then
      return query select sampled, true, null::bigint, null::numeric, null::numeric;
      return;
    end if;
  end if;
  select m.matching_partners, m.active_partners, m.pipeline_value, m.owed_commission into exact
    from public.partner_directory_metrics(p_org_id, p_status, p_tier, p_owner_id, p_region, p_search,
                                          p_include_archived) m;
  if searching and exact.matching_partners > p_exact_limit then
    return query select exact.matching_partners::bigint, true, null::bigint, null::numeric, null::numeric;
    return;
  end if;
  return query select exact.matching_partners::bigint, false, exact.active_partners::bigint,
                      exact.pipeline_value::numeric, exact.owed_commission::numeric;
end
$$;
comment on function public.partner_directory_summary(uuid, text[], text[], uuid, text, text, boolean, integer) is 'How many partners match the directory filter, and its hero metrics (partner_directory_metrics). A text search that matches more than p_exact_limit partners is flagged matching_is_estimate and carries no metrics, never estimated money: past twice the limit by the repeatable sample''s figure, without reading the matches; nearer, by the exact count the metrics made. Security invoker: RLS applies.';
