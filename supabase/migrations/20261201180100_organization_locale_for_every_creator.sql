-- Whoever creates an organization (org:create runs as service_role) may not execute the
-- private locale table itself; the trigger that fills the locale runs as its owner instead.

alter function private.fill_organization_locale() security definer;
comment on function private.fill_organization_locale() is 'BEFORE INSERT on organizations: a missing locale comes from the currency and time zone. Security definer so a creator without rights on private functions can still insert.';
