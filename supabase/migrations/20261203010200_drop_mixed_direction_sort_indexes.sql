-- The directory now breaks ties on its sort key by id in the same direction, so the keyset
-- indexes on (org_id, updated_at, id) and (org_id, created_at, id) serve both directions.
-- The older indexes held the key descending and id ascending: nothing orders that way any
-- more, and with the same columns they only cost every partner write.
drop index public.partners_org_updated_at_idx;
drop index public.partners_org_created_at_idx;
