-- Per-person settings, such as the partner directory's saved layout.

create table public.user_preferences (
  user_id uuid primary key references auth.users (id) on delete cascade,
  partner_directory_layout jsonb not null default '{}' check (jsonb_typeof(partner_directory_layout) = 'object'),
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.user_preferences is 'Settings of one person; only they read and write them.';
comment on column public.user_preferences.user_id is 'The person (auth user id).';
comment on column public.user_preferences.partner_directory_layout is 'Saved directory view (columns, sort, filters) applied when the URL says nothing.';
comment on column public.user_preferences.settings is 'Other UI settings (theme, density, ...).';
comment on column public.user_preferences.created_at is 'Set by trigger.';
comment on column public.user_preferences.updated_at is 'Set by trigger on every write.';

create trigger user_preferences_timestamps before insert or update on public.user_preferences
  for each row execute function private.set_timestamps();
create trigger user_preferences_reparenting before update on public.user_preferences
  for each row execute function private.refuse_reparenting('user_id');

alter table public.user_preferences enable row level security;

revoke all on table public.user_preferences from public, anon, authenticated, service_role;
grant select, delete, insert (user_id, partner_directory_layout, settings),
      update (partner_directory_layout, settings)
  on table public.user_preferences to authenticated;
grant select, insert, update, delete on table public.user_preferences to service_role;
