-- Audit entries record the person's own address and user agent. Every call the app makes
-- leaves its server, so PostgREST's x-forwarded-for and user-agent are the app server's; the
-- app's server client sends the client's address (read from the one proxy header the
-- deployment trusts) and user agent in x-client-ip and x-client-ua, and they win here.
-- A direct API caller can set them too: for such calls they are as trustworthy as the caller.

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
    left(coalesce(private.request_header('x-client-ua'), private.request_header('user-agent')), 512))
$$;
comment on function private.write_audit(uuid, text, text, text, uuid, jsonb, jsonb, jsonb) is 'Writes an audit entry for the current request: actor from auth.uid(), address and user agent from the app''s x-client-ip / x-client-ua headers, else PostgREST''s x-forwarded-for / user-agent. Called by triggers and definer functions only.';
revoke all on function private.write_audit(uuid, text, text, text, uuid, jsonb, jsonb, jsonb) from public, anon, authenticated, service_role;

comment on column public.audit_log.ip is 'Client address as the app received it (x-client-ip, from its trusted proxy header), else the API gateway''s x-forwarded-for.';
