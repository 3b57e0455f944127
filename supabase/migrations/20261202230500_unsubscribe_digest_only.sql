-- Unsubscribing from a digest turns its digest-only event types off (they were in no other
-- channel) and its digest types to the bell only, as before. Redefines
-- public.unsubscribe_email(uuid, uuid, text) of 20261202160200.

create or replace function public.unsubscribe_email(p_user_id uuid, p_org_id uuid, p_event_type text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  who_audience text;
  changed integer;
begin
  if exists (select from public.org_members m where m.org_id = p_org_id and m.user_id = p_user_id) then
    who_audience := 'staff';
  elsif exists (select from public.partner_users u where u.org_id = p_org_id and u.id = p_user_id) then
    who_audience := 'partner';
  else
    return 0;
  end if;
  insert into public.notification_preferences as np (org_id, user_id, event_type, delivery)
  select p_org_id, p_user_id, t.event_type, case t.delivery when 'digest_only' then 'off' else 'in_app' end
    from unnest(private.audience_event_types(who_audience)) as u(event_type)
   cross join lateral (select u.event_type,
                              private.notification_delivery(p_org_id, p_user_id, who_audience, u.event_type) as delivery) t
   where (p_event_type = '*' and t.delivery in ('digest', 'digest_only'))
      or (p_event_type <> '*' and t.event_type = p_event_type and t.delivery in ('email', 'digest', 'digest_only'))
  on conflict on constraint notification_preferences_once do update set delivery = excluded.delivery;
  get diagnostics changed = row_count;
  return changed;
end
$$;
comment on function public.unsubscribe_email(uuid, uuid, text) is 'Turns a person''s emails of one event type (or every digest type, with *) to the bell only, and digest-only types off; called by the app after it verified a signed unsubscribe link. service_role only.';
revoke all on function public.unsubscribe_email(uuid, uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.unsubscribe_email(uuid, uuid, text) to service_role;
