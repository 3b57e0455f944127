-- The notification and webhook tables follow the schema's habits: policy names Postgres keeps
-- whole (it cuts identifiers at 63 bytes), an index behind every foreign key so a deleted
-- organization or endpoint does not scan whole tables, and a comment on every column.

alter policy "Notification preferences are visible to their person and the de" on public.notification_preferences
  rename to "Preferences are read by their person, defaults by admins";
alter policy "Notification preferences are set by their person and the defaul" on public.notification_preferences
  rename to "Preferences are set by their person, defaults by admins";
alter policy "Notification preferences are changed by their person and the de" on public.notification_preferences
  rename to "Preferences are changed by their person, defaults by admins";
alter policy "Notification preferences are cleared by their person and the de" on public.notification_preferences
  rename to "Preferences are cleared by their person, defaults by admins";

create index notification_preferences_user_idx on public.notification_preferences (user_id);
create index notifications_org_idx on public.notifications (org_id);
create index email_deliveries_org_idx on private.email_deliveries (org_id);
create index outbox_events_org_idx on private.outbox_events (org_id);
create index webhook_deliveries_endpoint_org_idx on public.webhook_deliveries (endpoint_id, org_id);
create index webhook_endpoints_org_idx on public.webhook_endpoints (org_id);

comment on column public.notification_preferences.id is 'Preference id.';
comment on column public.notification_preferences.created_at is 'Set by trigger.';
comment on column public.notification_preferences.updated_at is 'Set by trigger on every write.';
comment on column public.notifications.id is 'Notification id.';
comment on column public.notifications.org_id is 'The organization the event happened in; the row is read only while its person belongs to it.';
comment on column public.notifications.created_at is 'When the runner wrote it.';
comment on column public.notifications.updated_at is 'Set by trigger on every write (marking read).';
comment on column public.webhook_endpoints.id is 'Endpoint id.';
comment on column public.webhook_endpoints.org_id is 'The organization whose events it receives.';
comment on column public.webhook_endpoints.description is 'What the endpoint is for, in the admin''s words.';
comment on column public.webhook_endpoints.disabled_at is 'When it was turned off (by an admin, or by the runner after a day of failures).';
comment on column public.webhook_endpoints.disabled_reason is 'Why it was turned off, shown to admins.';
comment on column public.webhook_endpoints.created_by is 'The admin who added it (set from the caller). No FK: outlives the person.';
comment on column public.webhook_endpoints.created_at is 'Set by trigger.';
comment on column public.webhook_endpoints.updated_at is 'Set by trigger on every write.';
comment on column public.webhook_deliveries.id is 'Delivery id, sent as the webhook-id header so a receiver can drop repeats.';
comment on column public.webhook_deliveries.org_id is 'The endpoint''s organization.';
comment on column public.webhook_deliveries.endpoint_id is 'Where it is sent.';
comment on column public.webhook_deliveries.outbox_event_id is 'The event it carries; null for a test ping.';
comment on column public.webhook_deliveries.event_type is 'The event type (or webhook.ping).';
comment on column public.webhook_deliveries.body is 'The JSON payload as signed and sent.';
comment on column public.webhook_deliveries.status is 'pending (waiting or retrying), succeeded, or failed (retries ran out).';
comment on column public.webhook_deliveries.attempts is 'How many times it was sent.';
comment on column public.webhook_deliveries.next_attempt_at is 'When the runner sends it next, on the retry schedule.';
comment on column public.webhook_deliveries.locked_until is 'A runner holds it until then; after that another runner may take it.';
comment on column public.webhook_deliveries.last_attempt_at is 'When it was last sent.';
comment on column public.webhook_deliveries.last_status_code is 'The receiver''s HTTP status on the last attempt; null when no answer came.';
comment on column public.webhook_deliveries.last_duration_ms is 'How long the last attempt took.';
comment on column public.webhook_deliveries.last_error is 'Why the last attempt failed, in words (timeout, refused address, status).';
comment on column public.webhook_deliveries.delivered_at is 'When a receiver first answered 2xx.';
comment on column public.webhook_deliveries.created_at is 'When the runner created it.';
