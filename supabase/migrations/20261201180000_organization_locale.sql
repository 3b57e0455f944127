-- Each organization writes and reads numbers, money and dates in one locale (a BCP 47 tag such
-- as de-DE). New organizations get one derived from their currency and time zone unless told.

create or replace function private.default_locale(currency text, time_zone text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when time_zone like 'Europe/Berlin' or time_zone like 'Europe/Vienna' or time_zone like 'Europe/Zurich' then 'de-DE'
    when time_zone like 'Europe/Paris' then 'fr-FR'
    when time_zone like 'Europe/Madrid' then 'es-ES'
    when time_zone like 'Europe/Rome' then 'it-IT'
    when time_zone like 'Europe/Amsterdam' then 'nl-NL'
    when time_zone like 'Europe/London' or currency = 'GBP' then 'en-GB'
    when currency = 'EUR' then 'de-DE'
    when currency = 'CHF' then 'de-CH'
    when currency = 'JPY' then 'ja-JP'
    when currency = 'CAD' then 'en-CA'
    when currency = 'AUD' then 'en-AU'
    when currency = 'INR' then 'en-IN'
    when currency = 'BRL' then 'pt-BR'
    else 'en-US'
  end
$$;
comment on function private.default_locale(text, text) is 'The locale an organization starts with when none is given: from its time zone, else its currency, else en-US.';
revoke all on function private.default_locale(text, text) from public;

alter table public.organizations add column locale text;
update public.organizations set locale = private.default_locale(currency, time_zone);
alter table public.organizations
  alter column locale set not null,
  add constraint organizations_locale_format check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$');
comment on column public.organizations.locale is 'BCP 47 tag (for example de-DE); numbers, money and dates are written and typed in it.';

create or replace function private.fill_organization_locale()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.locale is null then
    new.locale := private.default_locale(new.currency, new.time_zone);
  end if;
  return new;
end
$$;
comment on function private.fill_organization_locale() is 'BEFORE INSERT on organizations: a missing locale comes from the currency and time zone.';
revoke all on function private.fill_organization_locale() from public;

create trigger organizations_locale before insert on public.organizations
  for each row execute function private.fill_organization_locale();

grant update (locale) on table public.organizations to authenticated;
