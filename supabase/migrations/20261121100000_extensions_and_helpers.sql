-- Extensions, the unexposed `private` schema, and the generic row triggers every table uses.

-- Functions are closed by default: nobody may run a function this project creates until a
-- migration grants it. Postgres grants EXECUTE to PUBLIC on every new function, and a hosted
-- project with "automatically expose new tables and functions" on also grants it to the API
-- roles in `public`; revoking PUBLIC alone would leave anon able to run new public functions
-- there. Tables need no such line: each migration revokes and grants its tables explicitly.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated, service_role;

create schema if not exists extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists pgcrypto with schema extensions;

-- `private` holds helpers and trigger functions. PostgREST never exposes it. Policies call
-- its access helpers as the signed-in role, so authenticated needs USAGE (and EXECUTE on
-- those helpers only); anon gets nothing.
create schema if not exists private;
comment on schema private is 'Helpers, trigger functions and definer functions of Partnerdesk; never exposed through the API.';
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Keeps created_at/updated_at honest: callers cannot set them. Rows written without a
-- signed-in user (seed, scripts, the superuser) may carry a historical created_at.
create or replace function private.set_timestamps()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if auth.uid() is not null or new.created_at is null then
      new.created_at := now();
    end if;
    new.updated_at := greatest(now(), new.created_at);
  else
    new.created_at := old.created_at;
    new.updated_at := now();
  end if;
  return new;
end
$$;
comment on function private.set_timestamps() is 'BEFORE INSERT/UPDATE: created_at on insert (historical values only without a signed-in user), updated_at on every write.';

-- created_by always names the caller when there is one; it never changes afterwards.
create or replace function private.set_created_by()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
  else
    new.created_by := old.created_by;
  end if;
  return new;
end
$$;
comment on function private.set_created_by() is 'BEFORE INSERT/UPDATE: created_by from auth.uid() on insert, immutable afterwards.';

-- A row never moves to another organization (or, for partner children, another partner):
-- RLS checks the new row, but history, stats and audit are keyed by the old one.
create or replace function private.refuse_reparenting()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  old_row jsonb := to_jsonb(old);
  new_row jsonb := to_jsonb(new);
  key text;
begin
  foreach key in array tg_argv loop
    if old_row -> key is distinct from new_row -> key then
      raise exception '%.% cannot be changed', tg_table_name, key
        using errcode = '42501', hint = 'Create a new row instead.';
    end if;
  end loop;
  return new;
end
$$;
comment on function private.refuse_reparenting() is 'BEFORE UPDATE: refuses changes to the key columns named in the trigger arguments (org_id, partner_id, ...).';

-- Who is acting, for audit and activity rows: a signed-in person, the service role, or the system.
create or replace function private.request_header(p_name text)
returns text
language sql
stable
set search_path = ''
as $$
  select nullif(trim(split_part(
    (nullif(current_setting('request.headers', true), '')::json ->> p_name), ',', 1)), '')
$$;
comment on function private.request_header(text) is 'A header of the current PostgREST request (first value), or null outside PostgREST.';

-- Trigger functions are fired without an EXECUTE check; nobody needs to call them.
revoke all on all functions in schema private from public, anon, authenticated;
