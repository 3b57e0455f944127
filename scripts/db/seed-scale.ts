/**
 * npm run db:seed:scale -- --partners N [--org acme]
 *
 * Loads N partners into an organization (default: the demo org "acme") with proportional
 * children, on average 10 referrals, 3 commissions, 5 tasks, 2 documents and 20 activity
 * events per partner, for benchmarks. Everything is set-wise SQL in one transaction, with
 * the per-row triggers set aside (session_replication_role = replica: only a superuser may,
 * so it connects as supabase_admin, which the local and benchmark stacks have) and the roll-ups computed set-wise afterwards. The audit log is
 * not written for this synthetic data.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { adminDatabaseUrl, withDatabase } from "./connection";

const { values } = parseArgs({
  options: {
    partners: { type: "string", default: "1000" },
    org: { type: "string", default: "acme" },
  },
});
const partnerCount = Number(values.partners);
if (!Number.isInteger(partnerCount) || partnerCount <= 0) {
  console.error("--partners must be a positive integer");
  process.exit(1);
}
const orgSlug = values.org!;

/**
 * Ids that grow with a counter behind a random per-run, per-table prefix (RFC 4122 shaped,
 * variant 8): B-tree inserts then append instead of landing on random pages, which is most
 * of the load time at a million rows.
 */
function sequentialId(table: string, counter: string): string {
  const hex = randomBytes(6).toString("hex");
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${table.length.toString(16).padStart(3, "0")}-`;
  return `('${prefix}' || substr(c.h, 1, 4) || '-' || substr(c.h, 5, 12))::uuid
          from (select '8' || lpad(to_hex((${counter})::bigint), 15, '0') as h) c`;
}

const steps: Array<[label: string, sql: string]> = [
  [
    "partners",
    `create temporary table scale_partners on commit drop as
     select (select ${sequentialId("partners", "n")}) as id, n,
            (array['Blue','Summit','Northstar','Pioneer','Silverline','Bright','Cobalt','Evergreen','Harbor','Ironclad',
                   'Keystone','Lumen','Meridian','Nimbus','Orchid','Pinnacle','Quantum','Redwood','Sterling','Trident'])[1 + n % 20]
              || ' ' ||
            (array['Systems','Consulting','Digital','Partners','Solutions','Labs','Networks','Analytics','Group','Technologies',
                   'Cloud','Security','Data','Software','Services'])[1 + (n / 20) % 15]
              || ' ' || n as name,
            now() - (random() * 900) * interval '1 day' as created_at
       from generate_series(1, $1::int) as n;
     ---
     insert into public.partners (id, org_id, name, status, tier, owner_id, region, website, primary_contact_name,
                                  primary_contact_email, commission_rate, tags, external_id, archived_at, created_at, updated_at)
     select s.id, o.id, s.name,
            (array['active','active','active','onboarding','prospect','paused','churned'])[1 + floor(random() * 7)::int],
            (array['registered','registered','registered','silver','silver','gold','platinum'])[1 + floor(random() * 7)::int],
            owners.ids[1 + s.n % cardinality(owners.ids)],
            (array['North America','EMEA','APAC','LATAM'])[1 + floor(random() * 4)::int],
            'https://partner' || s.n || '.example',
            'Contact ' || s.n, 'contact' || s.n || '@partner' || s.n || '.example',
            (array[5, 7.5, 10, 12.5, 15, 20])[1 + floor(random() * 6)::int],
            (array['{reseller}','{referral}','{msp}','{integrator}','{}'])[1 + floor(random() * 5)::int]::text[],
            'SCALE-' || replace(s.id::text, '-', ''),
            case when random() < 0.04 then now() - random() * interval '90 days' end,
            s.created_at, s.created_at + random() * (now() - s.created_at)
       from scale_partners s, public.organizations o,
            lateral (select coalesce(array_agg(user_id order by user_id) filter (where role <> 'viewer'), '{}') ||
                            coalesce(array_agg(user_id order by user_id) filter (where role = 'viewer'), '{}') as ids
                       from public.org_members where org_id = o.id) owners
      where o.slug = $1 and cardinality(owners.ids) > 0;`,
  ],
  [
    "referrals",
    `insert into public.partner_referrals (id, org_id, partner_id, client_name, client_email, status, estimated_value,
                                           actual_value, referred_at, qualified_at, in_progress_at, closed_at, created_at, updated_at)
     select (select ${sequentialId("partner_referrals", "s.n * 32 + j")}), p.org_id, p.id, 'Client ' || j || ' of ' || s.n, 'buyer' || j || '@client' || s.n || '.example',
            st.status, v.value,
            case when st.status = 'won' then round((v.value * (0.8 + random() * 0.4))::numeric, 2) end,
            r.at,
            case when st.status in ('qualified', 'in_progress', 'won') then r.at + (c.end_at - r.at) * 0.2 end,
            case when st.status in ('in_progress', 'won') then r.at + (c.end_at - r.at) * 0.5 end,
            case when st.status in ('won', 'lost') then c.end_at end, r.at, r.at
       from scale_partners s join public.partners p on p.id = s.id,
            lateral generate_series(1, floor(random() * 21)::int + (s.n * 0)) as j,
            lateral (select (array['submitted','qualified','in_progress','won','lost'])[1 + floor(random() * 5)::int] as status) st,
            lateral (select round((1000 + random() * 99000)::numeric, 2) as value) v,
            lateral (select s.created_at + (now() - s.created_at) * random() as at) r,
            -- closed (won/lost) or, while open, now: the stage stamps fall between
            lateral (select case when st.status in ('won', 'lost') then r.at + (now() - r.at) * random() else now() end as end_at) c;`,
  ],
  [
    "commissions",
    `insert into public.partner_commissions (id, org_id, partner_id, amount, currency, status, description, earned_at, due_at,
                                             approved_at, paid_at, voided_at, created_at, updated_at)
     select (select ${sequentialId("partner_commissions", "s.n * 8 + j")}), p.org_id, p.id, round((100 + random() * 9900)::numeric, 2), o.currency, st.status, 'Commission ' || j,
            e.at, e.at + interval '30 days',
            -- approved, paid and voided by now at the latest: a commission earned last week is
            -- not paid next week (stamps in the future would sit in every period still to come)
            case when st.status in ('approved', 'paid') then least(e.at + interval '5 days', now()) end,
            case when st.status = 'paid' then least(e.at + interval '25 days', now()) end,
            case when st.status = 'void' then least(e.at + interval '3 days', now()) end,
            e.at, e.at
       from scale_partners s join public.partners p on p.id = s.id join public.organizations o on o.id = p.org_id,
            lateral generate_series(1, floor(random() * 7)::int + (s.n * 0)) as j,
            lateral (select (array['pending','approved','paid','paid','void'])[1 + floor(random() * 5)::int] as status) st,
            lateral (select s.created_at + (now() - s.created_at) * random() as at) e;`,
  ],
  [
    "tasks",
    `insert into public.partner_tasks (id, org_id, partner_id, assignee_id, title, status, priority, due_date, completed_at,
                                       created_at, updated_at)
     select (select ${sequentialId("partner_tasks", "s.n * 16 + j")}), p.org_id, p.id, p.owner_id, 'Follow up ' || j, st.status,
            (array['low','medium','high','urgent'])[1 + floor(random() * 4)::int],
            (now() + (random() * 60 - 30) * interval '1 day')::date,
            case when st.status = 'done' then now() - random() * interval '30 days' end,
            now() - interval '40 days', now() - interval '40 days'
       from scale_partners s join public.partners p on p.id = s.id,
            lateral generate_series(1, floor(random() * 11)::int + (s.n * 0)) as j,
            lateral (select (array['todo','in_progress','done','cancelled'])[1 + floor(random() * 4)::int] as status) st;`,
  ],
  [
    "documents",
    `insert into public.partner_documents (id, org_id, partner_id, owner_id, title, document_type, url, visibility,
                                           created_at, updated_at)
     select (select ${sequentialId("partner_documents", "s.n * 8 + j")}), p.org_id, p.id, p.owner_id, 'Document ' || j,
            (array['contract','agreement','proposal','playbook','marketing','technical'])[1 + floor(random() * 6)::int],
            'https://docs.example/' || p.id || '/' || j,
            case when random() < 0.5 then 'shared' else 'internal' end,
            s.created_at + interval '1 day', s.created_at + interval '1 day'
       from scale_partners s join public.partners p on p.id = s.id,
            lateral generate_series(1, floor(random() * 5)::int + (s.n * 0)) as j;`,
  ],
  [
    "activity",
    `insert into public.partner_activity_log (id, org_id, partner_id, event_type, occurred_at, payload, source_table, source_id, partner_visible)
     select (select ${sequentialId("partner_activity_log", "x.rn")}), x.org_id, x.partner_id, x.event_type, x.occurred_at,
            x.payload, x.source_table, x.source_id, x.partner_visible
       from (select u.*, row_number() over () as rn from (
     select p.org_id, p.id, 'partner.created', p.created_at, jsonb_build_object('name', p.name), 'partners', p.id, true
       from scale_partners s join public.partners p on p.id = s.id
     union all
     select r.org_id, r.partner_id, 'referral.created', r.referred_at,
            jsonb_build_object('client_name', r.client_name, 'status', r.status, 'estimated_value', r.estimated_value),
            'partner_referrals', r.id, true
       from scale_partners s join public.partner_referrals r on r.partner_id = s.id
     union all
     select c.org_id, c.partner_id, 'commission.created', c.created_at,
            jsonb_build_object('amount', c.amount, 'currency', c.currency, 'status', c.status),
            'partner_commissions', c.id, true
       from scale_partners s join public.partner_commissions c on c.partner_id = s.id
     union all
     select t.org_id, t.partner_id, 'task.created', t.created_at, jsonb_build_object('title', t.title),
            'partner_tasks', t.id, false
       from scale_partners s join public.partner_tasks t on t.partner_id = s.id
     union all
     select d.org_id, d.partner_id, 'document.added', d.created_at,
            jsonb_build_object('title', d.title, 'document_type', d.document_type, 'visibility', d.visibility),
            'partner_documents', d.id, d.visibility = 'shared'
       from scale_partners s join public.partner_documents d on d.partner_id = s.id
     ) as u (org_id, partner_id, event_type, occurred_at, payload, source_table, source_id, partner_visible)) x;`,
  ],
  [
    "roll-ups",
    `insert into public.partner_stats (partner_id, org_id, referrals_submitted, referrals_qualified, referrals_in_progress,
       referrals_won, referrals_lost, pipeline_value, won_value, commission_earned, commission_owed, commission_paid,
       open_tasks, overdue_tasks)
     select p.id, p.org_id,
            coalesce(r.submitted, 0), coalesce(r.qualified, 0), coalesce(r.in_progress, 0), coalesce(r.won, 0), coalesce(r.lost, 0),
            coalesce(r.pipeline, 0), coalesce(r.won_value, 0),
            coalesce(c.earned, 0), coalesce(c.owed, 0), coalesce(c.paid, 0),
            coalesce(t.open, 0), coalesce(t.overdue, 0)
       from scale_partners s
       join public.partners p on p.id = s.id
       join public.organizations o on o.id = p.org_id
       left join (select r.partner_id,
                         count(*) filter (where status = 'submitted') as submitted,
                         count(*) filter (where status = 'qualified') as qualified,
                         count(*) filter (where status = 'in_progress') as in_progress,
                         count(*) filter (where status = 'won') as won,
                         count(*) filter (where status = 'lost') as lost,
                         sum(estimated_value) filter (where status in ('submitted', 'qualified', 'in_progress')) as pipeline,
                         sum(coalesce(actual_value, estimated_value)) filter (where status = 'won') as won_value
                    from public.partner_referrals r join scale_partners s2 on s2.id = r.partner_id group by r.partner_id) r
              on r.partner_id = p.id
       left join (select c.partner_id,
                         sum(amount) filter (where status <> 'void') as earned,
                         sum(amount) filter (where status in ('pending', 'approved')) as owed,
                         sum(amount) filter (where status = 'paid') as paid
                    from public.partner_commissions c join scale_partners s2 on s2.id = c.partner_id group by c.partner_id) c
              on c.partner_id = p.id
       left join (select t.partner_id,
                         count(*) filter (where status in ('todo', 'in_progress')) as open,
                         count(*) filter (where status in ('todo', 'in_progress')
                                            and due_date < (now() at time zone o2.time_zone)::date) as overdue
                    from public.partner_tasks t join scale_partners s2 on s2.id = t.partner_id
                    join public.organizations o2 on o2.id = t.org_id group by t.partner_id) t
              on t.partner_id = p.id
     on conflict (partner_id) do nothing;`,
  ],
  [
    "buckets",
    // the hero metrics' per-filter aggregates, rebuilt from the partners and stats above
    `select private.rebuild_partner_metric_buckets(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);`,
  ],
  [
    "months",
    // the dashboard's per-partner monthly roll-ups, rebuilt from the referrals and commissions above
    `select private.rebuild_partner_monthly_rollups(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);`,
  ],
  [
    "month keys",
    // the same months summed per filter key (the roll-ups' triggers are set aside here too)
    `select private.rebuild_partner_month_buckets(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);`,
  ],
  [
    "service-level counts",
    // whole days to qualify and close and commissions paid on time, per month and filter key
    `select private.rebuild_partner_day_counts(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);`,
  ],
  [
    "leaders' kept figures",
    // each partner's latest referral, and the preset windows' totals built again from the months above
    `select private.rebuild_partner_last_referrals(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);
     delete from public.partner_window_starts
      where org_id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);
     select private.refresh_partner_windows(o.id)
       from public.organizations o
      where o.id in (select p.org_id from scale_partners s join public.partners p on p.id = s.id);`,
  ],
];

await withDatabase(async (client) => {
  const started = performance.now();
  const org = await client.query<{ id: string }>("select id from public.organizations where slug = $1", [orgSlug]);
  if (org.rowCount === 0) {
    throw new Error(`no organization with slug "${orgSlug}" (seed the database first, or pass --org)`);
  }
  await client.query("begin");
  await client.query("set local session_replication_role = replica");
  await client.query("set local synchronous_commit = off");
  await client.query("set local work_mem = '256MB'");
  await client.query("set local maintenance_work_mem = '512MB'");
  for (const [label, sql] of steps) {
    const t0 = performance.now();
    const statements = sql.split("---");
    let rows = 0;
    for (const [index, statement] of statements.entries()) {
      const params = label === "partners" ? [index === 0 ? partnerCount : orgSlug] : [];
      const result = await client.query(statement, params);
      rows = result.rowCount ?? rows;
    }
    if (label === "partners" && rows === 0) throw new Error(`organization "${orgSlug}" has no staff to own partners`);
    console.log(
      `${label.padEnd(12)} ${String(rows).padStart(10)} rows  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`,
    );
  }
  await client.query("commit");
  const t0 = performance.now();
  // VACUUM as well as ANALYZE: it sets the visibility map, so index-only scans (the
  // directory's counts) skip the heap at once, as they would after autovacuum's first pass.
  await client.query(
    "vacuum (analyze) public.partners, public.partner_stats, public.partner_metric_buckets, public.partner_monthly_rollups, public.partner_month_buckets, public.partner_referrals, public.partner_commissions, public.partner_tasks, public.partner_documents, public.partner_activity_log",
  );
  console.log(
    `${"vacuum".padEnd(12)} ${"".padStart(10)}       ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`,
  );
  console.log(
    `seeded ${partnerCount} partners into "${orgSlug}" in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, adminDatabaseUrl());
