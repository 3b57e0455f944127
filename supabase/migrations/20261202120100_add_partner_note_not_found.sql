-- A note for a partner that does not exist, or that RLS hides from the caller, raised
-- no_data_found (P0002), which PostgREST answers with HTTP 500 as if the server had failed.
-- PT404 is PostgREST's way to choose the status: the API now answers 404, and the message
-- stays the same, so the app's translator knows it by code and text.
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
    raise exception 'partner not found' using errcode = 'PT404';
  end if;
  insert into public.partner_notes (org_id, partner_id, body)
  values (partner_org, p_partner_id, p_body)
  returning * into note;
  return note;
end
$$;
comment on function public.add_partner_note(uuid, text) is 'Adds an internal note to a partner as the caller (RLS: editors) and records note.added. Returns the note; a partner the caller cannot see is 404 (PT404).';
revoke all on function public.add_partner_note(uuid, text) from public, anon;
grant execute on function public.add_partner_note(uuid, text) to authenticated, service_role;
