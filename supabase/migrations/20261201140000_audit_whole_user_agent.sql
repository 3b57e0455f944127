-- A user agent holds commas ("(KHTML, like Gecko)"); private.request_header keeps only the
-- first entry of a list, right for an address list and wrong here. The audit's user agent is
-- now read whole.

create or replace function private.write_audit(
  p_org_id uuid, p_action text, p_resource_type text, p_resource_id text, p_partner_id uuid,
  p_before jsonb, p_after jsonb, p_metadata jsonb default '{}')
returns void
language sql
security definer
set search_path = ''
as $$
  select private.insert_audit_entry(
    p_org_id, auth.uid(), private.actor_type(), p_action, p_resource_type, p_resource_id, p_partner_id,
    p_before, p_after, p_metadata,
    left(coalesce(private.request_header('x-client-ip'), private.request_header('x-forwarded-for')), 64),
    left(coalesce(
      nullif(trim((nullif(current_setting('request.headers', true), '')::json ->> 'x-client-ua')), ''),
      nullif(trim((nullif(current_setting('request.headers', true), '')::json ->> 'user-agent')), '')), 512))
$$;
revoke all on function private.write_audit(uuid, text, text, text, uuid, jsonb, jsonb, jsonb) from public, anon, authenticated, service_role;
