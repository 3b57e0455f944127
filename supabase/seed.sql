-- Partnerdesk demo data. Runs as the superuser on a freshly migrated database: every
-- trigger fires (profiles, activity, audit, roll-ups) with no signed-in user, so the actor
-- is "system". Deterministic: generated ids are md5-derived, names come from word lists;
-- only instants relative to now() change between runs. No grant starts in the future.
--
-- Password of every demo person: partnerdesk-demo
--
-- Fixed ids (tests and e2e refer to them):
--   organizations  Acme   00000000-0000-4000-8000-00000000ac01  (USD, America/New_York)
--                  Globex 00000000-0000-4000-8000-00000000b101  (EUR, Europe/Berlin)
--   staff          admin@acme.test     11111111-1111-4111-8111-000000000001  admin   (Acme)
--                  manager@acme.test   11111111-1111-4111-8111-000000000002  manager (Acme)
--                  member@acme.test    11111111-1111-4111-8111-000000000003  member  (Acme)
--                  viewer@acme.test    11111111-1111-4111-8111-000000000004  viewer  (Acme)
--                  admin@globex.test   11111111-1111-4111-8111-000000000005  admin   (Globex)
--   partner users  pat@northwind.test      22222222-2222-4222-8222-000000000001  Northwind Traders, all scopes
--                  morgan@contoso.test     22222222-2222-4222-8222-000000000002  the three Contoso partners, all scopes
--                  expired@fabrikam.test   22222222-2222-4222-8222-000000000003  Fabrikam, grant ended a day before seeding
--                  revoked@fabrikam.test   22222222-2222-4222-8222-000000000004  Fabrikam, grant revoked
--                  inactive@fabrikam.test  22222222-2222-4222-8222-000000000005  Fabrikam, user deactivated and banned
--   partners       Northwind Traders   33333333-3333-4333-8333-000000000001 (Acme, gold, active)
--                  Contoso Cloud       33333333-3333-4333-8333-000000000002 (Acme, platinum, active)
--                  Contoso Security    33333333-3333-4333-8333-000000000003 (Acme, silver, onboarding)
--                  Contoso Services    33333333-3333-4333-8333-000000000004 (Acme, registered, paused)
--                  Fabrikam            33333333-3333-4333-8333-000000000005 (Acme, silver, active)
--                  Initech             33333333-3333-4333-8333-000000000006 (Globex, gold, active)
--   grants         pat -> Northwind    44444444-4444-4444-8444-000000000001
--                  morgan -> Contoso   44444444-4444-4444-8444-000000000002 / ...03 / ...04
--                  expired -> Fabrikam 44444444-4444-4444-8444-000000000005
--                  revoked -> Fabrikam 44444444-4444-4444-8444-000000000006
--                  inactive -> Fabrikam 44444444-4444-4444-8444-000000000007
-- Generated partners: md5('partnerdesk:acme:partner:' || n)::uuid, n = 1..195 (external ids ACME-0001..);
-- md5('partnerdesk:globex:partner:' || n)::uuid, n = 1..19 (GLOBEX-0001..).

-- People ----------------------------------------------------------------------------------------
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('partnerdesk-demo', extensions.gen_salt('bf')), now(),
       '', '', '', '',
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name),
       now() - interval '400 days', now(),
       case when u.email = 'inactive@fabrikam.test' then timestamptz '2999-12-31 00:00:00+00' end
from (values
  ('11111111-1111-4111-8111-000000000001'::uuid, 'admin@acme.test', 'Avery Admin'),
  ('11111111-1111-4111-8111-000000000002'::uuid, 'manager@acme.test', 'Morgan Manager'),
  ('11111111-1111-4111-8111-000000000003'::uuid, 'member@acme.test', 'Mia Member'),
  ('11111111-1111-4111-8111-000000000004'::uuid, 'viewer@acme.test', 'Victor Viewer'),
  ('11111111-1111-4111-8111-000000000005'::uuid, 'admin@globex.test', 'Greta Globex'),
  ('22222222-2222-4222-8222-000000000001'::uuid, 'pat@northwind.test', 'Pat Northwind'),
  ('22222222-2222-4222-8222-000000000002'::uuid, 'morgan@contoso.test', 'Morgan Contoso'),
  ('22222222-2222-4222-8222-000000000003'::uuid, 'expired@fabrikam.test', 'Eli Expired'),
  ('22222222-2222-4222-8222-000000000004'::uuid, 'revoked@fabrikam.test', 'Rae Revoked'),
  ('22222222-2222-4222-8222-000000000005'::uuid, 'inactive@fabrikam.test', 'Ida Inactive')
) as u (id, email, display_name);

insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id, u.id::text, u.id,
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', null, u.created_at, u.created_at
from auth.users u
where u.email like '%.test';

-- Organizations and staff ------------------------------------------------------------------------
insert into public.organizations (id, name, slug, currency, time_zone, created_at) values
  ('00000000-0000-4000-8000-00000000ac01', 'Acme', 'acme', 'USD', 'America/New_York', now() - interval '400 days'),
  ('00000000-0000-4000-8000-00000000b101', 'Globex', 'globex', 'EUR', 'Europe/Berlin', now() - interval '380 days');

insert into public.org_members (org_id, user_id, role, created_at) values
  ('00000000-0000-4000-8000-00000000ac01', '11111111-1111-4111-8111-000000000001', 'admin', now() - interval '400 days'),
  ('00000000-0000-4000-8000-00000000ac01', '11111111-1111-4111-8111-000000000002', 'manager', now() - interval '390 days'),
  ('00000000-0000-4000-8000-00000000ac01', '11111111-1111-4111-8111-000000000003', 'member', now() - interval '300 days'),
  ('00000000-0000-4000-8000-00000000ac01', '11111111-1111-4111-8111-000000000004', 'viewer', now() - interval '200 days'),
  ('00000000-0000-4000-8000-00000000b101', '11111111-1111-4111-8111-000000000005', 'admin', now() - interval '380 days');

-- Partners ------------------------------------------------------------------------------------
-- The named demo partners first (fixed ids), then the generated directory.
insert into public.partners (id, org_id, name, status, tier, owner_id, region, website,
                             primary_contact_name, primary_contact_email, commission_rate, tags,
                             external_id, created_by, created_at) values
  ('33333333-3333-4333-8333-000000000001', '00000000-0000-4000-8000-00000000ac01', 'Northwind Traders', 'active', 'gold',
   '11111111-1111-4111-8111-000000000002', 'North America', 'https://northwind.test', 'Pat Northwind', 'pat@northwind.test',
   15, '{reseller,retail}', 'ACME-NORTHWIND', '11111111-1111-4111-8111-000000000001', now() - interval '350 days'),
  ('33333333-3333-4333-8333-000000000002', '00000000-0000-4000-8000-00000000ac01', 'Contoso Cloud', 'active', 'platinum',
   '11111111-1111-4111-8111-000000000002', 'EMEA', 'https://cloud.contoso.test', 'Morgan Contoso', 'morgan@contoso.test',
   20, '{msp,cloud}', 'ACME-CONTOSO-CLOUD', '11111111-1111-4111-8111-000000000001', now() - interval '320 days'),
  ('33333333-3333-4333-8333-000000000003', '00000000-0000-4000-8000-00000000ac01', 'Contoso Security', 'onboarding', 'silver',
   '11111111-1111-4111-8111-000000000003', 'EMEA', 'https://security.contoso.test', 'Morgan Contoso', 'morgan@contoso.test',
   12.5, '{msp,security}', 'ACME-CONTOSO-SECURITY', '11111111-1111-4111-8111-000000000002', now() - interval '120 days'),
  ('33333333-3333-4333-8333-000000000004', '00000000-0000-4000-8000-00000000ac01', 'Contoso Services', 'paused', 'registered',
   '11111111-1111-4111-8111-000000000003', 'APAC', 'https://services.contoso.test', 'Morgan Contoso', 'morgan@contoso.test',
   10, '{msp}', 'ACME-CONTOSO-SERVICES', '11111111-1111-4111-8111-000000000002', now() - interval '90 days'),
  ('33333333-3333-4333-8333-000000000005', '00000000-0000-4000-8000-00000000ac01', 'Fabrikam', 'active', 'silver',
   '11111111-1111-4111-8111-000000000001', 'North America', 'https://fabrikam.test', 'Rae Revoked', 'revoked@fabrikam.test',
   10, '{integrator}', 'ACME-FABRIKAM', '11111111-1111-4111-8111-000000000001', now() - interval '250 days'),
  ('33333333-3333-4333-8333-000000000006', '00000000-0000-4000-8000-00000000b101', 'Initech', 'active', 'gold',
   '11111111-1111-4111-8111-000000000005', 'EMEA', 'https://initech.test', 'Bill Lumbergh', 'bill@initech.test',
   18, '{reseller}', 'GLOBEX-INITECH', '11111111-1111-4111-8111-000000000005', now() - interval '300 days');

with words as (
  select array['Blue', 'Summit', 'Northstar', 'Pioneer', 'Silverline', 'Bright', 'Cobalt', 'Evergreen', 'Harbor',
               'Ironclad', 'Keystone', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Pinnacle', 'Quantum', 'Redwood',
               'Sterling', 'Trident'] as first_words,
         array['Systems', 'Consulting', 'Digital', 'Partners', 'Solutions', 'Labs', 'Networks', 'Analytics',
               'Group', 'Technologies'] as second_words,
         array['Alex', 'Jordan', 'Taylor', 'Sam', 'Casey', 'Riley', 'Jamie', 'Drew', 'Robin', 'Quinn', 'Harper',
               'Rowan', 'Sky'] as given_names,
         array['Nguyen', 'Garcia', 'Smith', 'Okafor', 'Larsen', 'Rossi', 'Tanaka', 'Müller', 'Dubois', 'Silva',
               'Kowalski'] as family_names
), generated as (
  select n, w.*,
         w.first_words[1 + (n - 1) % 20] || ' ' || w.second_words[1 + ((n - 1) / 20) % 10] as name
    from generate_series(1, 195) as n, words w
)
insert into public.partners (id, org_id, name, status, tier, owner_id, region, website, primary_contact_name,
                             primary_contact_email, commission_rate, tags, external_id, archived_at, created_by, created_at)
select md5('partnerdesk:acme:partner:' || n)::uuid,
       '00000000-0000-4000-8000-00000000ac01',
       name,
       (array['active', 'active', 'active', 'onboarding', 'prospect', 'active', 'paused', 'active', 'prospect', 'churned'])[1 + n % 10],
       (array['registered', 'registered', 'silver', 'registered', 'silver', 'gold', 'silver', 'registered', 'gold', 'platinum'])[1 + (n * 7) % 10],
       (array['11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002',
              '11111111-1111-4111-8111-000000000003', null]::uuid[])[1 + n % 4],
       (array['North America', 'EMEA', 'APAC', 'LATAM', 'North America', 'EMEA'])[1 + (n * 5) % 6],
       'https://' || lower(replace(name, ' ', '')) || '.example',
       given_names[1 + n % 13] || ' ' || family_names[1 + (n * 3) % 11],
       lower(given_names[1 + n % 13]) || '@' || lower(replace(name, ' ', '')) || '.example',
       (array[5, 7.5, 10, 12.5, 15, 20])[1 + n % 6],
       (array['{reseller}', '{referral}', '{msp}', '{integrator,consulting}', '{reseller,cloud}', '{}'])[1 + n % 6]::text[],
       'ACME-' || lpad(n::text, 4, '0'),
       case when n % 25 = 0 then now() - (n % 30) * interval '1 day' end,
       (array['11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002',
              '11111111-1111-4111-8111-000000000003']::uuid[])[1 + n % 3],
       now() - ((n * 37) % 700 + 30) * interval '1 day'
  from generated;

with words as (
  select array['Initrode', 'Hooli', 'Vandelay', 'Soylent', 'Umbrella', 'Wonka', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne',
               'Gringotts', 'Oceanic', 'Massive', 'Aperture', 'Black Mesa', 'Duff', 'Krusty', 'Monarch', 'Dunder'] as names
)
insert into public.partners (id, org_id, name, status, tier, owner_id, region, website, primary_contact_name,
                             primary_contact_email, commission_rate, external_id, created_by, created_at)
select md5('partnerdesk:globex:partner:' || n)::uuid,
       '00000000-0000-4000-8000-00000000b101',
       names[n] || ' GmbH',
       (array['active', 'onboarding', 'prospect', 'active', 'paused'])[1 + n % 5],
       (array['registered', 'silver', 'gold', 'platinum'])[1 + n % 4],
       '11111111-1111-4111-8111-000000000005',
       (array['EMEA', 'DACH', 'Nordics'])[1 + n % 3],
       'https://' || lower(replace(names[n], ' ', '')) || '.example',
       'Kim Becker', 'kim@' || lower(replace(names[n], ' ', '')) || '.example',
       (array[8, 10, 12])[1 + n % 3],
       'GLOBEX-' || lpad(n::text, 4, '0'),
       '11111111-1111-4111-8111-000000000005',
       now() - ((n * 41) % 300 + 20) * interval '1 day'
  from generate_series(1, 19) as n, words;

-- Referrals: 1-7 per partner, every status. -----------------------------------------------------
with clients as (
  select array['Aurora Health', 'Beacon Bank', 'Cascade Foods', 'Delta Freight', 'Echo Media', 'Falcon Air',
               'Granite Insurance', 'Helix Pharma', 'Indigo Retail', 'Jade Hotels', 'Kepler Energy', 'Lotus Apparel',
               'Mosaic Schools', 'Nova Logistics', 'Onyx Legal', 'Prism Telecom', 'Quartz Mining'] as names
), series as (
  select p.id as partner_id, p.org_id, p.created_at, p.created_by, j,
         (abs(hashtext(p.id::text)) % 7) + 1 as how_many,
         abs(hashtext(p.id::text || ':' || j)) as h
    from public.partners p, generate_series(1, 7) as j
)
insert into public.partner_referrals (id, org_id, partner_id, client_name, client_email, status, estimated_value,
                                      actual_value, referred_at, qualified_at, in_progress_at, closed_at,
                                      created_by, created_at)
select md5('partnerdesk:referral:' || s.partner_id || ':' || s.j)::uuid,
       s.org_id, s.partner_id,
       c.names[1 + s.h % 17],
       'buyer' || s.j || '@' || lower(replace(c.names[1 + s.h % 17], ' ', '')) || '.example',
       st.status,
       ((s.h % 90) + 5) * 1000,
       case when st.status = 'won' then ((s.h % 90) + 5) * 1000 * (0.8 + (s.h % 5) * 0.1) end,
       r.referred_at,
       -- stage stamps: qualified after 2-6 days, in progress after 8-12, closed after 21
       case when st.status in ('qualified', 'in_progress', 'won') or (st.status = 'lost' and s.h % 2 = 0)
            then least(r.referred_at + (2 + s.h % 5) * interval '1 day', now()) end,
       case when st.status in ('in_progress', 'won')
            then least(r.referred_at + (8 + s.h % 5) * interval '1 day', now()) end,
       case when st.status in ('won', 'lost') then least(r.referred_at + interval '21 days', now()) end,
       s.created_by,
       r.referred_at
  from series s, clients c,
       lateral (select (array['submitted', 'qualified', 'in_progress', 'won', 'lost', 'won', 'in_progress'])[1 + (s.h / 7) % 7] as status) st,
       lateral (select least(s.created_at + s.j * interval '19 days' + (s.h % 11) * interval '1 day',
                             now() - interval '2 days') as referred_at) r
 where s.j <= s.how_many;

-- Commissions: one per won referral (paid, approved or pending), a few voids and manual bonuses.
insert into public.partner_commissions (id, org_id, partner_id, referral_id, amount, currency, status, description,
                                        earned_at, due_at, paid_at, created_by, created_at)
select md5('partnerdesk:commission:' || r.id)::uuid,
       r.org_id, r.partner_id, r.id,
       round(r.actual_value * coalesce(p.commission_rate, 10) / 100, 2),
       o.currency,
       st.status,
       'Commission on ' || r.client_name,
       r.closed_at, r.closed_at + interval '30 days',
       case when st.status = 'paid' then least(r.closed_at + interval '25 days', now()) end,
       case when r.org_id = '00000000-0000-4000-8000-00000000ac01' then '11111111-1111-4111-8111-000000000001'::uuid else '11111111-1111-4111-8111-000000000005'::uuid end,
       r.closed_at
  from public.partner_referrals r
  join public.partners p on p.id = r.partner_id
  join public.organizations o on o.id = r.org_id,
  lateral (select (array['paid', 'paid', 'approved', 'pending', 'void', 'approved', 'pending'])
                    [1 + abs(hashtext(r.id::text)) % 7] as status) st
 where r.status = 'won';

insert into public.partner_commissions (id, org_id, partner_id, amount, currency, status, description,
                                        earned_at, due_at, created_by, created_at)
select md5('partnerdesk:bonus:' || p.id)::uuid, p.org_id, p.id,
       (500 + abs(hashtext(p.id::text)) % 10 * 250), o.currency,
       (array['pending', 'approved'])[1 + abs(hashtext(p.id::text)) % 2],
       'Quarterly enablement bonus',
       now() - interval '20 days', now() + interval '10 days',
       case when p.org_id = '00000000-0000-4000-8000-00000000ac01' then '11111111-1111-4111-8111-000000000002'::uuid else '11111111-1111-4111-8111-000000000005'::uuid end, now() - interval '20 days'
  from public.partners p join public.organizations o on o.id = p.org_id
 where p.status = 'active' and abs(hashtext(p.id::text)) % 3 = 0;

-- Tasks: 0-3 per partner; some overdue, some done. -------------------------------------------------
insert into public.partner_tasks (id, org_id, partner_id, assignee_id, title, description, status, priority,
                                  due_date, completed_at, created_by, created_at)
select md5('partnerdesk:task:' || p.id || ':' || j)::uuid, p.org_id, p.id,
       case when p.org_id = '00000000-0000-4000-8000-00000000ac01'
            then (array['11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002',
                        '11111111-1111-4111-8111-000000000003']::uuid[])[1 + (h % 3)]
            else '11111111-1111-4111-8111-000000000005'::uuid end,
       (array['Schedule quarterly business review', 'Send co-marketing kit', 'Review joint pipeline',
              'Renew partner agreement', 'Plan enablement webinar', 'Collect case study', 'Update tier assessment'])[1 + h % 7],
       'Follow-up from the last partner call.',
       st.status,
       (array['low', 'medium', 'medium', 'high', 'urgent'])[1 + h % 5],
       (now() + ((h % 40) - 15) * interval '1 day')::date,
       case when st.status = 'done' then now() - (h % 10) * interval '1 day' end,
       case when p.org_id = '00000000-0000-4000-8000-00000000ac01' then '11111111-1111-4111-8111-000000000002'::uuid else '11111111-1111-4111-8111-000000000005'::uuid end,
       now() - interval '30 days'
  from public.partners p, generate_series(1, 3) as j,
       lateral (select abs(hashtext(p.id::text || ':task:' || j)) as h) hh,
       lateral (select (array['todo', 'todo', 'in_progress', 'done', 'cancelled', 'todo'])[1 + (h / 5) % 6] as status) st
 where j <= abs(hashtext(p.id::text)) % 4;

-- Notes: on every third partner. ---------------------------------------------------------------------
insert into public.partner_notes (id, org_id, partner_id, author_id, body, created_at)
select md5('partnerdesk:note:' || p.id)::uuid, p.org_id, p.id,
       case when p.org_id = '00000000-0000-4000-8000-00000000ac01'
            then '11111111-1111-4111-8111-000000000002'::uuid else '11111111-1111-4111-8111-000000000005'::uuid end,
       (array['Strong pipeline in healthcare; wants a joint webinar next quarter.',
              'Asked about higher commission for multi-year deals. Internal only: we can go to 2% more.',
              'Key contact is changing roles; introduce the new channel lead.',
              'Slow on deal registration; remind them about the portal.'])[1 + abs(hashtext(p.id::text)) % 4],
       now() - (abs(hashtext(p.id::text)) % 60) * interval '1 day'
  from public.partners p
 where abs(hashtext(p.id::text || ':note')) % 3 = 0
    or p.id in ('33333333-3333-4333-8333-000000000001', '33333333-3333-4333-8333-000000000002');

-- Documents: an internal and a shared one on about half the partners (always on the named ones).
insert into public.partner_documents (id, org_id, partner_id, owner_id, title, document_type, url, tags, visibility,
                                      created_by, created_at)
select md5('partnerdesk:document:' || p.id || ':' || d.visibility)::uuid, p.org_id, p.id, p.owner_id,
       d.title, d.document_type,
       'https://www.notion.so/partnerdesk/' || d.slug || '-' || left(md5(p.id::text), 12),
       d.tags, d.visibility, p.created_by, p.created_at + interval '3 days'
  from public.partners p,
       (values ('internal', 'Account plan (internal)', 'playbook', 'account-plan', '{planning}'::text[]),
               ('shared', 'Partner agreement', 'agreement', 'partner-agreement', '{legal}'::text[])) as d (visibility, title, document_type, slug, tags)
 where abs(hashtext(p.id::text || ':docs')) % 2 = 0
    or p.id::text like '33333333-%';

-- Training: certifications and courses for partners past the prospect stage. ---------------------
insert into public.partner_training (id, org_id, partner_id, name, kind, status, completed_on, expires_on, created_by, created_at)
select md5('partnerdesk:training:' || p.id || ':' || t.n)::uuid, p.org_id, p.id, t.name, t.kind, st.status,
       case when st.status in ('completed', 'expired') then (now() - (200 + t.n * 30) * interval '1 day')::date end,
       case when t.kind = 'certification' and st.status in ('completed', 'expired')
            then (now() - (200 + t.n * 30) * interval '1 day' + case when st.status = 'expired' then interval '150 days' else interval '2 years' end)::date end,
       p.created_by, p.created_at + interval '10 days'
  from public.partners p,
       (values (1, 'Partner Sales Fundamentals', 'course'), (2, 'Certified Solution Architect', 'certification')) as t (n, name, kind),
       lateral (select (array['completed', 'in_progress', 'not_started', 'completed', 'expired'])
                         [1 + abs(hashtext(p.id::text || t.n)) % 5] as status) st
 where p.status <> 'prospect';

-- Resources: the organization-wide library, by tier. ---------------------------------------------------
insert into public.partner_resources (id, org_id, title, description, url, kind, min_tier, created_by, created_at)
select md5('partnerdesk:resource:' || o.id || ':' || r.n)::uuid, o.id, r.title, r.description,
       'https://resources.' || o.slug || '.example/' || r.slug, r.kind, r.min_tier,
       case when o.slug = 'acme' then '11111111-1111-4111-8111-000000000001'::uuid else '11111111-1111-4111-8111-000000000005'::uuid end,
       o.created_at + interval '5 days'
  from public.organizations o,
       (values (1, 'Partner program guide', 'How the program works, tiers and benefits.', 'program-guide', 'guide', 'registered'),
               (2, 'Brand and logo kit', 'Logos and usage rules.', 'brand-kit', 'template', 'registered'),
               (3, 'Product overview deck', 'The pitch, for first meetings.', 'overview-deck', 'deck', 'registered'),
               (4, 'Competitive battlecards', 'How we win against the usual alternatives.', 'battlecards', 'guide', 'silver'),
               (5, 'Technical deep-dive video', 'Architecture walkthrough.', 'deep-dive', 'video', 'silver'),
               (6, 'Co-selling playbook', 'Joint account planning.', 'co-selling', 'guide', 'gold'),
               (7, 'Roadmap briefing', 'Under NDA: the next two quarters.', 'roadmap', 'deck', 'platinum'),
               (8, 'Pricing datasheet', 'List prices and partner discounts.', 'pricing', 'datasheet', 'gold')
       ) as r (n, title, description, slug, kind, min_tier);

-- Partner users and their grants ---------------------------------------------------------------------
insert into public.partner_users (id, org_id, email, name, is_active, created_by, created_at) values
  ('22222222-2222-4222-8222-000000000001', '00000000-0000-4000-8000-00000000ac01', 'pat@northwind.test', 'Pat Northwind', true, '11111111-1111-4111-8111-000000000002', now() - interval '200 days'),
  ('22222222-2222-4222-8222-000000000002', '00000000-0000-4000-8000-00000000ac01', 'morgan@contoso.test', 'Morgan Contoso', true, '11111111-1111-4111-8111-000000000002', now() - interval '150 days'),
  ('22222222-2222-4222-8222-000000000003', '00000000-0000-4000-8000-00000000ac01', 'expired@fabrikam.test', 'Eli Expired', true, '11111111-1111-4111-8111-000000000001', now() - interval '100 days'),
  ('22222222-2222-4222-8222-000000000004', '00000000-0000-4000-8000-00000000ac01', 'revoked@fabrikam.test', 'Rae Revoked', true, '11111111-1111-4111-8111-000000000001', now() - interval '100 days'),
  ('22222222-2222-4222-8222-000000000005', '00000000-0000-4000-8000-00000000ac01', 'inactive@fabrikam.test', 'Ida Inactive', true, '11111111-1111-4111-8111-000000000001', now() - interval '100 days');

insert into public.partner_access (id, org_id, partner_id, partner_user_id, scope, granted_by, granted_at, starts_at, ends_at, revoked_at, revoked_by) values
  ('44444444-4444-4444-8444-000000000001', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000001', '22222222-2222-4222-8222-000000000001',
   default, '11111111-1111-4111-8111-000000000002', now() - interval '200 days', null, null, null, null),
  ('44444444-4444-4444-8444-000000000002', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000002', '22222222-2222-4222-8222-000000000002',
   default, '11111111-1111-4111-8111-000000000002', now() - interval '150 days', null, null, null, null),
  ('44444444-4444-4444-8444-000000000003', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000003', '22222222-2222-4222-8222-000000000002',
   default, '11111111-1111-4111-8111-000000000002', now() - interval '120 days', null, null, null, null),
  ('44444444-4444-4444-8444-000000000004', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000004', '22222222-2222-4222-8222-000000000002',
   default, '11111111-1111-4111-8111-000000000002', now() - interval '90 days', null, null, null, null),
  ('44444444-4444-4444-8444-000000000005', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000005', '22222222-2222-4222-8222-000000000003',
   default, '11111111-1111-4111-8111-000000000001', now() - interval '100 days', now() - interval '100 days', now() - interval '1 day', null, null),
  ('44444444-4444-4444-8444-000000000006', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000005', '22222222-2222-4222-8222-000000000004',
   default, '11111111-1111-4111-8111-000000000001', now() - interval '100 days', null, null, now() - interval '2 days', '11111111-1111-4111-8111-000000000001'),
  ('44444444-4444-4444-8444-000000000007', '00000000-0000-4000-8000-00000000ac01', '33333333-3333-4333-8333-000000000005', '22222222-2222-4222-8222-000000000005',
   default, '11111111-1111-4111-8111-000000000001', now() - interval '100 days', null, null, null, null);

-- Deactivated after being granted, as it happens in real life (the audit log shows both).
update public.partner_users set is_active = false where id = '22222222-2222-4222-8222-000000000005';

-- A little recent history, so timelines show changes and not only creations ---------------------
update public.partners set tier = 'platinum'
 where id = '33333333-3333-4333-8333-000000000002' and tier <> 'platinum';
update public.partners set status = 'active'
 where org_id = '00000000-0000-4000-8000-00000000ac01' and status = 'onboarding'
   and abs(hashtext(id::text || ':promote')) % 4 = 0;
update public.partner_referrals set status = 'qualified'
 where status = 'submitted' and abs(hashtext(id::text || ':qualify')) % 3 = 0;
update public.partner_commissions set status = 'approved'
 where status = 'pending' and referral_id is not null and abs(hashtext(id::text || ':approve')) % 3 = 0;
update public.partner_tasks set status = 'done'
 where status = 'in_progress' and abs(hashtext(id::text || ':finish')) % 2 = 0;
