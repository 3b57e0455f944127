import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { createPartner, createWorld, PERSONAS, type PersonaName, type World } from "./support/world";

/**
 * The dashboard and trend functions (supabase/migrations/20261202190100_dashboard_metrics.sql)
 * read as every persona through PostgREST, compared with docs/metrics.md's sentences written
 * out here as plain SQL over the raw rows (superuser), for exactly the partners and sections
 * DESIGN.md's matrix lets that persona see.
 *
 * The org is in Europe/Paris. Rows sit one second either side of the periods' midnights there
 * (which are 23:00 or 22:00 UTC), and the periods end on the days clocks change (30 March and
 * 26 October 2025), so bucketing in UTC, or with a fixed offset, gives other numbers.
 */

let world: World;
let third: string;
let ours: string[];

type Section = { r: boolean; c: boolean; t: boolean };
const STAFF: Section = { r: true, c: true, t: true };

/** What each persona sees, per DESIGN.md's matrix; null: not even the organization. */
function visibility(name: PersonaName): Record<string, Section> | null {
  const g = world.partners.granted;
  switch (name) {
    case "admin":
    case "manager":
    case "member":
    case "viewer":
      return Object.fromEntries(ours.map((id) => [id, STAFF]));
    case "partner":
      return { [g]: { r: true, c: true, t: false } };
    case "partnerReferrals":
      return { [g]: { r: true, c: false, t: false } };
    case "partnerCommissions":
      return { [g]: { r: false, c: true, t: false } };
    case "partnerOverview":
    case "partnerDocuments":
    case "partnerTraining":
    case "partnerActivity":
      return { [g]: { r: false, c: false, t: false } };
    default:
      return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Data: `k` scales the values per partner; the sibling has no October rows, so it goes quiet.

const K = 1000;
function referrals(k: number, withOctober: boolean) {
  const rows: Record<string, unknown>[] = [
    // 22:59:59 UTC is 23:59:59 on 28 February in Paris: before P1
    { status: "submitted", estimated_value: 1 * K * k, referred_at: "2025-02-28T22:59:59Z" },
    // 23:00 UTC is midnight on 1 March in Paris: P1's first instant
    { status: "submitted", estimated_value: 2 * K * k, referred_at: "2025-02-28T23:00:00Z" },
    {
      status: "qualified",
      estimated_value: 3 * K * k,
      referred_at: "2025-03-05T10:00:00Z",
      qualified_at: "2025-03-08T16:00:00Z",
    },
    {
      status: "in_progress",
      estimated_value: 4 * K * k,
      referred_at: "2025-03-10T10:00:00Z",
      qualified_at: "2025-03-12T10:00:00Z",
      // 21:59:59 UTC is 23:59:59 CEST on 30 March (the clocks went forward that night)
      in_progress_at: "2025-03-30T21:59:59Z",
    },
    {
      status: "won",
      estimated_value: 5 * K * k,
      actual_value: 5.5 * K * k,
      referred_at: "2025-03-15T10:00:00Z",
      qualified_at: "2025-03-16T10:00:00Z",
      in_progress_at: "2025-03-20T10:00:00Z",
      closed_at: "2025-03-30T22:00:00Z", // midnight on 31 March in Paris: after P1, open at its end
    },
    {
      status: "won",
      estimated_value: 6 * K * k,
      actual_value: 6.5 * K * k,
      referred_at: "2025-01-20T10:00:00Z",
      closed_at: "2025-03-20T10:00:00Z",
    },
    {
      status: "lost",
      estimated_value: 7 * K * k,
      referred_at: "2025-02-10T10:00:00Z",
      qualified_at: "2025-02-11T10:00:00Z",
      closed_at: "2025-03-25T10:00:00Z",
    },
  ];
  // March 2099: a period that has not ended yet reads its last month whole from the roll-ups
  // less the days after it, so one row on each side of its end (20 March) and one across it
  rows.push(
    { status: "submitted", estimated_value: 10 * K * k, referred_at: "2099-03-10T10:00:00Z" },
    {
      status: "won",
      estimated_value: 11 * K * k,
      actual_value: 11.5 * K * k,
      referred_at: "2099-03-05T10:00:00Z",
      qualified_at: "2099-03-06T10:00:00Z",
      closed_at: "2099-03-25T10:00:00Z",
    },
    {
      status: "lost",
      estimated_value: 12 * K * k,
      referred_at: "2099-03-22T10:00:00Z",
      qualified_at: "2099-03-22T12:00:00Z",
      closed_at: "2099-03-23T10:00:00Z",
    },
  );
  if (withOctober) {
    rows.push(
      {
        status: "won",
        estimated_value: 8 * K * k,
        actual_value: null,
        referred_at: "2025-10-01T10:00:00Z",
        closed_at: "2025-10-26T22:59:59Z", // 23:59:59 CET on 26 October (clocks went back): in P2
      },
      {
        status: "lost",
        estimated_value: null,
        referred_at: "2025-10-20T10:00:00Z",
        closed_at: "2025-10-26T23:00:00Z", // midnight on 27 October in Paris: after P2
      },
      // 00:30 UTC on 26 October is 02:30 CEST, the hour that happens twice
      { status: "submitted", estimated_value: 9 * K * k, referred_at: "2025-10-26T00:30:00Z" },
    );
  }
  return rows;
}

function commissions(k: number) {
  return [
    {
      status: "pending",
      amount: 100 * k,
      earned_at: "2025-02-28T23:00:00Z",
      due_at: "2025-03-30T21:59:59Z",
    },
    {
      status: "approved",
      amount: 200 * k,
      earned_at: "2025-03-02T10:00:00Z",
      approved_at: "2025-03-30T21:59:59Z",
      due_at: "2099-01-01T00:00:00Z",
    },
    {
      status: "paid",
      amount: 300 * k,
      earned_at: "2025-03-03T10:00:00Z",
      approved_at: "2025-03-04T10:00:00Z",
      due_at: "2025-03-25T10:00:00Z",
      paid_at: "2025-03-24T10:00:00Z",
    },
    {
      status: "paid",
      amount: 400 * k,
      earned_at: "2025-02-01T10:00:00Z",
      approved_at: "2025-02-02T10:00:00Z",
      due_at: "2025-03-10T10:00:00Z",
      paid_at: "2025-03-30T22:00:00Z",
    },
    { status: "void", amount: 500 * k, earned_at: "2025-03-10T10:00:00Z", voided_at: "2025-03-12T10:00:00Z" },
    { status: "pending", amount: 60 * k, earned_at: "2025-10-26T22:59:59Z" },
    {
      status: "paid",
      amount: 80 * k,
      earned_at: "2099-03-15T10:00:00Z",
      approved_at: "2099-03-16T10:00:00Z",
      due_at: "2099-03-20T10:00:00Z",
      paid_at: "2099-03-26T10:00:00Z",
    },
    { status: "approved", amount: 90 * k, earned_at: "2099-03-21T10:00:00Z", approved_at: "2099-03-21T12:00:00Z" },
    {
      status: "paid",
      amount: 70 * k,
      earned_at: "2025-10-01T10:00:00Z",
      approved_at: "2025-10-02T10:00:00Z",
      paid_at: "2025-10-26T23:00:00Z",
    },
  ];
}

async function seed(partnerId: string, k: number, withOctober = true) {
  for (const [i, values] of referrals(k, withOctober).entries()) {
    await insertChild("partner_referrals", partnerId, { client_name: `Client ${k}-${i}`, ...values });
  }
  for (const values of commissions(k)) await insertChild("partner_commissions", partnerId, values);
  await insertChild("partner_tasks", partnerId, { status: "todo", due_date: "2025-01-01" });
  await insertChild("partner_tasks", partnerId, { status: "in_progress", due_date: "2099-01-01" });
}

beforeAll(async () => {
  world = await createWorld("dashboard");
  third = (await createPartner(world.org.id, { name: `North ${crypto.randomUUID()}`, region: "North", tier: "gold" }))
    .id as string;
  ours = [world.partners.granted, world.partners.sibling, third];
  await seed(world.partners.granted, 1);
  await seed(world.partners.sibling, 2, false);
  await seed(third, 3);
  await seed(world.partners.foreign, 4);
  await sql("update public.partners set status = 'active' where id = any ($1)", [[world.partners.granted, third]]);
  await sql("update public.partners set status = 'paused' where id = $1", [world.partners.sibling]);
  // one partner joined long ago, one inside P1 (a second after its start)
  await sql("update public.partners set created_at = '2024-06-01T10:00:00Z' where id = $1", [world.partners.granted]);
  await sql("update public.partners set created_at = '2025-02-28T23:00:01Z' where id = $1", [third]);
}, 120_000);

// ---------------------------------------------------------------------------------------------
// Normalising: pg gives numeric as strings and timestamps as Dates, PostgREST JSON numbers.

type Out = Record<string, unknown>;
const NUMERIC = /^-?\d+(\.\d+)?$/;
function norm(row: Out): Out {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (typeof value === "string" && NUMERIC.test(value)) return [key, Number(value)];
      if (value instanceof Date) return [key, value.getTime()];
      if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) return [key, Date.parse(value)];
      return [key, value];
    }),
  );
}
const normAll = (rows: Out[] | null) => (rows ?? []).map(norm);

// ---------------------------------------------------------------------------------------------
// Periods, with their bounds as UTC instants written by hand (Paris: CET +1, CEST +2).

type Period = { from: string; to: string; t0: string; t1: string; prev: { from: string; to: string; t0: string } };
const P1: Period = {
  from: "2025-03-01",
  to: "2025-03-30",
  t0: "2025-02-28T23:00:00Z",
  t1: "2025-03-30T22:00:00Z",
  prev: { from: "2025-01-30", to: "2025-02-28", t0: "2025-01-29T23:00:00Z" },
};
const P2: Period = {
  from: "2025-10-01",
  to: "2025-10-26",
  t0: "2025-09-30T22:00:00Z",
  t1: "2025-10-26T23:00:00Z",
  prev: { from: "2025-09-05", to: "2025-09-30", t0: "2025-09-04T22:00:00Z" },
};
// Whole months (March to September) between a partial February and a partial October, so the
// roll-ups and the raw edges both count (254 days; the previous 254 start in June 2024, CEST).
const SPAN: Period = {
  from: "2025-02-15",
  to: "2025-10-26",
  t0: "2025-02-14T23:00:00Z",
  t1: "2025-10-26T23:00:00Z",
  prev: { from: "2024-06-06", to: "2025-02-14", t0: "2024-06-05T22:00:00Z" },
};
const YEAR: Period = {
  from: "2025-01-01",
  to: "2025-12-31",
  t0: "2024-12-31T23:00:00Z",
  t1: "2025-12-31T23:00:00Z",
  // 365 days before 2025: 2024 was a leap year
  prev: { from: "2024-01-02", to: "2024-12-31", t0: "2024-01-01T23:00:00Z" },
};

// Not ended yet: its last month (March 2099, CET) is read whole less the days after 20 March.
const AHEAD: Period = {
  from: "2099-03-01",
  to: "2099-03-20",
  t0: "2099-02-28T23:00:00Z",
  t1: "2099-03-20T23:00:00Z",
  prev: { from: "2099-02-09", to: "2099-02-28", t0: "2099-02-08T23:00:00Z" },
};

type Filters = { p_owner_id?: string; p_region?: string; p_tiers?: string[]; p_statuses?: string[] };
type Case = { label: string; filters: () => Filters; partners: () => string[] };
const CASES: Case[] = [
  { label: "no filter", filters: () => ({}), partners: () => ours },
  { label: "owner", filters: () => ({ p_owner_id: world.people.member.id }), partners: () => [world.partners.granted] },
  { label: "region", filters: () => ({ p_region: "North" }), partners: () => [third] },
  {
    label: "tier",
    filters: () => ({ p_tiers: ["platinum", "gold"] }),
    partners: () => [world.partners.sibling, third],
  },
  { label: "status", filters: () => ({ p_statuses: ["active"] }), partners: () => [world.partners.granted, third] },
];

/** Partner ids for each section, for a persona and a filter case. */
function scope(name: PersonaName, c: Case) {
  const vis = visibility(name) ?? {};
  const keep = (section: keyof Section) =>
    Object.entries(vis)
      .filter(([id, s]) => s[section] && c.partners().includes(id))
      .map(([id]) => id);
  return {
    partners: Object.keys(vis).filter((id) => c.partners().includes(id)),
    r: keep("r"),
    c: keep("c"),
    t: keep("t"),
  };
}

// ---------------------------------------------------------------------------------------------
// docs/metrics.md, sentence by sentence. $1 referral partners, $2 commission partners,
// $3 visible partners, $4 start, $5 end (instants).

const TILE_SQL = `
  select
    (select count(*) from public.partner_referrals where partner_id = any ($1) and referred_at >= $4 and referred_at < $5)::int as new_referrals,
    (select coalesce(sum(estimated_value), 0) from public.partner_referrals
      where partner_id = any ($1) and referred_at < $5 and (closed_at is null or closed_at >= $5)) as pipeline_value,
    (select count(*) from public.partner_referrals where partner_id = any ($1) and status = 'won' and closed_at >= $4 and closed_at < $5)::int as won_referrals,
    (select count(*) from public.partner_referrals where partner_id = any ($1) and status = 'lost' and closed_at >= $4 and closed_at < $5)::int as lost_referrals,
    (select coalesce(sum(actual_value), 0) from public.partner_referrals where partner_id = any ($1) and status = 'won' and closed_at >= $4 and closed_at < $5) as won_value,
    (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status <> 'void' and earned_at >= $4 and earned_at < $5) as commission_earned,
    (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status <> 'void' and approved_at >= $4 and approved_at < $5) as commission_approved,
    (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and paid_at >= $4 and paid_at < $5) as commission_paid,
    (select coalesce(sum(amount), 0) from public.partner_commissions
      where partner_id = any ($2) and earned_at < $5 and (paid_at is null or paid_at >= $5) and (voided_at is null or voided_at >= $5)) as commission_owed,
    (select count(*) from public.partners where id = any ($3) and status = 'active' and created_at < $5)::int as active_partners,
    (select count(*) from public.partners where id = any ($3) and created_at >= $4 and created_at < $5)::int as new_partners`;

async function expectedTile(s: ReturnType<typeof scope>, t0: string, t1: string): Promise<Out> {
  const [row] = await sql(TILE_SQL, [s.r, s.c, s.partners, t0, t1]);
  const out = norm(row!);
  const closed = (out.won_referrals as number) + (out.lost_referrals as number);
  out.win_rate = closed > 0 ? Math.round(((out.won_referrals as number) / closed) * 10000) / 10000 : null;
  return out;
}

/** Tiles, trend and funnel are staff's (they read the staff-only monthly roll-ups). */
const isStaff = (name: PersonaName) => world.people[name].kind === "staff" && visibility(name) !== null;

async function expectedTiles(name: PersonaName, c: Case, p: Period): Promise<Out[]> {
  if (!isStaff(name) || (await orgHidden(name))) return [];
  const s = scope(name, c);
  const base = { currency: world.org.currency };
  return [
    { period: "current", starts_on: p.from, ends_on: p.to, ...base, ...(await expectedTile(s, p.t0, p.t1)) },
    {
      period: "previous",
      starts_on: p.prev.from,
      ends_on: p.prev.to,
      ...base,
      ...(await expectedTile(s, p.prev.t0, p.t0)),
    },
  ];
}

/** Partner users whose grant is not live may not see the organization at all. */
const hidden = new Map<PersonaName, boolean>();
async function orgHidden(name: PersonaName): Promise<boolean> {
  if (!hidden.has(name)) {
    const { data } = await world.people[name].client.from("organizations").select("id").eq("id", world.org.id);
    hidden.set(name, (data ?? []).length === 0);
  }
  return hidden.get(name)!;
}

async function expectedSeries(name: PersonaName, c: Case, p: Period, unit: "week" | "month"): Promise<Out[]> {
  if (!isStaff(name) || (await orgHidden(name))) return [];
  const s = scope(name, c);
  const rows = await sql(
    `with b as (
       select g::date as bucket, greatest(g::date, $3::date) as starts_on, least((g + ('1 ' || $5)::interval)::date - 1, $4::date) as ends_on
         from generate_series(date_trunc($5, $3::date::timestamp), $4::date::timestamp, ('1 ' || $5)::interval) g),
     i as (
       select b.*, b.starts_on::timestamp at time zone 'Europe/Paris' as t0,
              (b.ends_on + 1)::timestamp at time zone 'Europe/Paris' as t1 from b)
     select i.bucket::text, i.starts_on::text, i.ends_on::text, $6::text as currency,
       (select count(*) from public.partner_referrals where partner_id = any ($1) and referred_at >= i.t0 and referred_at < i.t1)::int as referrals_submitted,
       (select count(*) from public.partner_referrals where partner_id = any ($1) and status = 'won' and closed_at >= i.t0 and closed_at < i.t1)::int as referrals_won,
       (select coalesce(sum(actual_value), 0) from public.partner_referrals where partner_id = any ($1) and status = 'won' and closed_at >= i.t0 and closed_at < i.t1) as won_value,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status <> 'void' and earned_at >= i.t0 and earned_at < i.t1) as commission_earned,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and paid_at >= i.t0 and paid_at < i.t1) as commission_paid,
       (select coalesce(sum(amount), 0) from public.partner_commissions
         where partner_id = any ($2) and earned_at < i.t1 and (paid_at is null or paid_at >= i.t1) and (voided_at is null or voided_at >= i.t1)) as commission_owed
       from i order by i.bucket`,
    [s.r, s.c, p.from, p.to, unit, world.org.currency],
  );
  return normAll(rows);
}

async function expectedFunnel(name: PersonaName, c: Case, p: Period): Promise<Out[]> {
  if (!isStaff(name) || (await orgHidden(name))) return [];
  const s = scope(name, c);
  const base = `from public.partner_referrals where partner_id = any ($1) and referred_at >= $2 and referred_at < $3`;
  const [row] = await sql<Record<string, string>>(
    `select
       (select count(*) ${base})::int as submitted, (select coalesce(sum(estimated_value), 0) ${base}) as submitted_v,
       (select count(*) ${base} and (qualified_at is not null or in_progress_at is not null or status = 'won'))::int as qualified,
       (select coalesce(sum(estimated_value), 0) ${base} and (qualified_at is not null or in_progress_at is not null or status = 'won')) as qualified_v,
       (select count(*) ${base} and (in_progress_at is not null or status = 'won'))::int as in_progress,
       (select coalesce(sum(estimated_value), 0) ${base} and (in_progress_at is not null or status = 'won')) as in_progress_v,
       (select count(*) ${base} and status = 'won')::int as won, (select coalesce(sum(estimated_value), 0) ${base} and status = 'won') as won_v,
       (select count(*) ${base} and status = 'lost')::int as lost, (select coalesce(sum(estimated_value), 0) ${base} and status = 'lost') as lost_v`,
    [s.r, p.t0, p.t1],
  );
  const n = norm(row!) as Record<string, number>;
  const conv = (a: number, b: number | null) => (b ? Math.round((a / b) * 10000) / 10000 : null);
  return [
    { stage: "submitted", stage_order: 1, referrals: n.submitted, estimated_value: n.submitted_v, conversion: null },
    {
      stage: "qualified",
      stage_order: 2,
      referrals: n.qualified,
      estimated_value: n.qualified_v,
      conversion: conv(n.qualified!, n.submitted!),
    },
    {
      stage: "in_progress",
      stage_order: 3,
      referrals: n.in_progress,
      estimated_value: n.in_progress_v,
      conversion: conv(n.in_progress!, n.qualified!),
    },
    {
      stage: "won",
      stage_order: 4,
      referrals: n.won,
      estimated_value: n.won_v,
      conversion: conv(n.won!, n.in_progress!),
    },
    {
      stage: "lost",
      stage_order: 5,
      referrals: n.lost,
      estimated_value: n.lost_v,
      conversion: conv(n.lost!, n.submitted!),
    },
  ];
}

async function expectedServiceLevels(name: PersonaName, c: Case, p: Period): Promise<Out[]> {
  if (await orgHidden(name)) return [];
  const s = scope(name, c);
  const rows = await sql(
    `select
       (select round((percentile_cont(0.5) within group (order by floor(extract(epoch from qualified_at - referred_at) / 86400)))::numeric, 1)
          from public.partner_referrals where partner_id = any ($1) and qualified_at >= $4 and qualified_at < $5) as median_days_to_qualify,
       (select count(*) from public.partner_referrals where partner_id = any ($1) and qualified_at >= $4 and qualified_at < $5)::int as qualified_referrals,
       (select round((percentile_cont(0.5) within group (order by floor(extract(epoch from closed_at - referred_at) / 86400)))::numeric, 1)
          from public.partner_referrals where partner_id = any ($1) and closed_at >= $4 and closed_at < $5) as median_days_to_close,
       (select count(*) from public.partner_referrals where partner_id = any ($1) and closed_at >= $4 and closed_at < $5)::int as closed_referrals,
       (select count(*) from public.partner_commissions where partner_id = any ($2) and status <> 'void' and due_at >= $4 and due_at < $5)::int as commissions_due,
       (select count(*) from public.partner_commissions
         where partner_id = any ($2) and status <> 'void' and due_at >= $4 and due_at < $5 and paid_at <= due_at)::int as commissions_paid_on_time,
       (select count(*) from public.partner_commissions where partner_id = any ($2) and status in ('pending', 'approved') and due_at < now())::int as overdue_commissions,
       (select coalesce(sum(amount), 0) from public.partner_commissions
         where partner_id = any ($2) and status in ('pending', 'approved') and due_at < now()) as overdue_commission_amount,
       (select count(*) from public.partner_tasks
         where partner_id = any ($3) and status in ('todo', 'in_progress') and due_date < (now() at time zone 'Europe/Paris')::date)::int as overdue_tasks`,
    [s.r, s.c, s.t, p.t0, p.t1],
  );
  const out = norm(rows[0]!);
  const due = out.commissions_due as number;
  out.paid_on_time_share =
    due > 0 ? Math.round(((out.commissions_paid_on_time as number) / due) * 10000) / 10000 : null;
  return [out];
}

async function expectedLeaders(name: PersonaName, c: Case, p: Period): Promise<Out[]> {
  if (await orgHidden(name)) return [];
  const s = scope(name, c);
  const rows = await sql(
    `with won as (
       select p.id, p.name, sum(r.actual_value) as v, count(*)::int as n from public.partners p
         join public.partner_referrals r on r.partner_id = p.id
        where p.id = any ($1) and r.status = 'won' and r.closed_at >= $2 and r.closed_at < $3
        group by p.id, p.name having coalesce(sum(r.actual_value), 0) > 0),
     fresh as (
       select p.id, p.name, count(*)::int as n from public.partners p
         join public.partner_referrals r on r.partner_id = p.id
        where p.id = any ($1) and r.referred_at >= $2 and r.referred_at < $3 group by p.id, p.name),
     quiet as (
       select p.id, p.name, max(r.referred_at) as at from public.partners p
         join public.partner_referrals r on r.partner_id = p.id
        where p.id = any ($1) and p.archived_at is null and r.referred_at < $3
        group by p.id, p.name having max(r.referred_at) < $3::timestamptz - interval '90 days')
     select * from (
       select 'won_value' as board, (row_number() over (order by v desc, name, id))::int as rank,
              (count(*) over ())::int as board_total, id as partner_id, name as partner_name,
              v as won_value, n as referrals, null::timestamptz as last_referred_at from won
       union all
       select 'new_referrals', (row_number() over (order by n desc, name, id))::int, (count(*) over ())::int, id, name, null, n, null from fresh
       union all
       select 'quiet', (row_number() over (order by at desc, name, id))::int, (count(*) over ())::int, id, name, null, null, at from quiet) x
      where rank <= 5 order by board, rank`,
    [s.r, p.t0, p.t1],
  );
  return normAll(rows);
}

async function expectedTrend(name: PersonaName, p: Period, only?: string): Promise<Out[]> {
  const vis = visibility(name) ?? {};
  // staff read one partner's trend (the workspace); partner users their accounts, one or all
  if (world.people[name].kind === "staff" && !only) return [];
  const ids = Object.keys(vis).filter((id) => !only || id === only);
  if (ids.length === 0) return [];
  const r = ids.filter((id) => vis[id]!.r);
  const c = ids.filter((id) => vis[id]!.c);
  const rows = await sql(
    `with m as (
       select g::date as month,
              greatest(g::date, $4::date)::timestamp at time zone 'Europe/Paris' as t0,
              (least((g + interval '1 month')::date - 1, $5::date) + 1)::timestamp at time zone 'Europe/Paris' as t1
         from generate_series(date_trunc('month', $4::date::timestamp), $5::date::timestamp, interval '1 month') g),
     v as (
       select p.org_id, p.id as partner_id, m.month,
         (select count(*) from public.partner_referrals x where x.partner_id = p.id and p.id = any ($2) and x.referred_at >= m.t0 and x.referred_at < m.t1)::int as referrals,
         (select count(*) from public.partner_referrals x
           where x.partner_id = p.id and p.id = any ($2) and x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1)::int as won_referrals,
         (select coalesce(sum(actual_value), 0) from public.partner_referrals x
           where x.partner_id = p.id and p.id = any ($2) and x.status = 'won' and x.closed_at >= m.t0 and x.closed_at < m.t1) as won_value,
         (select coalesce(sum(amount), 0) from public.partner_commissions x
           where x.partner_id = p.id and p.id = any ($3) and x.status <> 'void' and x.earned_at >= m.t0 and x.earned_at < m.t1) as commission_earned,
         (select coalesce(sum(amount), 0) from public.partner_commissions x
           where x.partner_id = p.id and p.id = any ($3) and x.paid_at >= m.t0 and x.paid_at < m.t1) as commission_paid,
         (select coalesce(sum(amount), 0) from public.partner_commissions x
           where x.partner_id = p.id and p.id = any ($3) and x.earned_at < m.t1
             and (x.paid_at is null or x.paid_at >= m.t1) and (x.voided_at is null or x.voided_at >= m.t1)) as commission_owed
       from public.partners p cross join m where p.id = any ($1))
     select org_id, partner_id, false as is_total, month::text, $6::text as currency,
            referrals, won_referrals, won_value, commission_earned, commission_paid, commission_owed from v
     union all
     select org_id, null, true, month::text, $6::text, sum(referrals)::int, sum(won_referrals)::int, sum(won_value),
            sum(commission_earned), sum(commission_paid), sum(commission_owed) from v group by org_id, month
     order by 3, 2, 1, 4`,
    [ids, r, c, p.from, p.to, world.org.currency],
  );
  return normAll(rows);
}

// ---------------------------------------------------------------------------------------------

const personas = PERSONAS.filter((name) => name !== "anon" && name !== "stranger" && name !== "strangerPartner");
const args = (p: Period, f: Filters) => ({ p_org_id: world.org.id, p_from: p.from, p_to: p.to, ...f });

describe("dashboard functions equal docs/metrics.md in plain SQL", () => {
  for (const name of personas) {
    describe(name, () => {
      for (const p of [P1, P2, SPAN, YEAR, AHEAD]) {
        const cases = name === "admin" || name === "partner" ? CASES : CASES.slice(0, 1);
        for (const c of cases) {
          it(`tiles, funnel, service levels, leaders ${p.from}…${p.to}, ${c.label}`, async () => {
            const client = world.people[name].client;
            const a = args(p, c.filters());
            const tiles = await client.rpc("dashboard_tiles", a);
            expect(tiles.error).toBeNull();
            expect(normAll(tiles.data)).toEqual(await expectedTiles(name, c, p));
            const funnel = await client.rpc("dashboard_funnel", a);
            expect(funnel.error).toBeNull();
            expect(normAll(funnel.data)).toEqual(await expectedFunnel(name, c, p));
            const levels = await client.rpc("dashboard_service_levels", a);
            expect(levels.error).toBeNull();
            expect(normAll(levels.data)).toEqual(await expectedServiceLevels(name, c, p));
            const leaders = await client.rpc("dashboard_leaders", a);
            expect(leaders.error).toBeNull();
            expect(normAll(leaders.data)).toEqual(await expectedLeaders(name, c, p));
          });
          it(`series by month and week ${p.from}…${p.to}, ${c.label}`, async () => {
            const client = world.people[name].client;
            for (const unit of ["month", "week"] as const) {
              const { data, error } = await client.rpc("dashboard_series", { ...args(p, c.filters()), p_bucket: unit });
              expect(error).toBeNull();
              expect(normAll(data)).toEqual(await expectedSeries(name, c, p, unit));
            }
          });
        }
      }
      it("partner_monthly_trend, all visible partners and one", async () => {
        const client = world.people[name].client;
        const all = await client.rpc("partner_monthly_trend", { p_from: YEAR.from, p_to: YEAR.to });
        expect(all.error).toBeNull();
        expect(normAll(all.data)).toEqual(await expectedTrend(name, YEAR));
        const one = await client.rpc("partner_monthly_trend", {
          p_from: P1.from,
          p_to: P2.to,
          p_partner_id: world.partners.granted,
        });
        expect(one.error).toBeNull();
        expect(normAll(one.data)).toEqual(await expectedTrend(name, { ...P1, to: P2.to }, world.partners.granted));
      });
    });
  }

  it("another org's admin sees nothing of this org", async () => {
    const client = world.people.stranger.client;
    for (const fn of ["dashboard_tiles", "dashboard_series", "dashboard_funnel", "dashboard_service_levels"]) {
      const { data, error } = await client.rpc(fn, args(YEAR, {}));
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const leaders = await client.rpc("dashboard_leaders", args(YEAR, {}));
    expect(leaders.data).toEqual([]);
    const trend = await client.rpc("partner_monthly_trend", {
      p_from: YEAR.from,
      p_to: YEAR.to,
      p_partner_id: world.partners.granted,
    });
    expect(trend.data).toEqual([]);
  });

  it("anon may not call them", async () => {
    const { error } = await world.people.anon.client.rpc("dashboard_tiles", args(YEAR, {}));
    expect(error?.code).toBe("42501");
  });

  it("the figures are the ones worked out by hand for P1 as admin", async () => {
    // granted (k = 1), sibling (k = 2), third (k = 3): every value scales by 1 + 2 + 3 = 6
    const { data } = await world.people.admin.client.rpc("dashboard_tiles", args(P1, {}));
    const current = norm((data as Out[])[0]!);
    expect(current).toMatchObject({
      new_referrals: 4 * 3, // rows 2 to 5 of each partner
      // open at 31 March 00:00: row 1 (referred a second before P1) and row 5 (won at that instant) too
      pipeline_value: (1 + 2 + 3 + 4 + 5) * K * 6,
      won_referrals: 3,
      won_value: 6.5 * K * 6,
      lost_referrals: 3,
      win_rate: 0.5,
      commission_earned: (100 + 200 + 300) * 6,
      commission_approved: (200 + 300) * 6, // approved at 23:59:59 on 30 March, and on 4 March
      commission_paid: 300 * 6,
    });
  });
});

describe("referral stage stamps", () => {
  it("stamp the first time a stage is reached, clear on moving back, and are not the caller's to set", async () => {
    const client = world.people.member.client;
    const row = await insertChild("partner_referrals", world.partners.granted, {
      status: "submitted",
      referred_at: "2025-01-01T10:00:00Z",
    });
    const read = async () =>
      (
        await sql<{ qualified_at: Date | null; in_progress_at: Date | null }>(
          "select qualified_at, in_progress_at from public.partner_referrals where id = $1",
          [row.id],
        )
      )[0]!;
    expect(await read()).toEqual({ qualified_at: null, in_progress_at: null });

    const before = Date.now() - 5000;
    expect((await client.from("partner_referrals").update({ status: "qualified" }).eq("id", row.id)).error).toBeNull();
    const qualified = await read();
    expect(qualified.qualified_at!.getTime()).toBeGreaterThan(before);
    expect(qualified.in_progress_at).toBeNull();

    expect(
      (await client.from("partner_referrals").update({ status: "in_progress" }).eq("id", row.id)).error,
    ).toBeNull();
    const progressing = await read();
    expect(progressing.qualified_at).toEqual(qualified.qualified_at); // the first time counts
    expect(progressing.in_progress_at!.getTime()).toBeGreaterThan(before);

    // a direct write of the stamps is ignored, even as superuser (the trigger owns them)
    await sql("update public.partner_referrals set qualified_at = '2025-01-02T00:00:00Z' where id = $1", [row.id]);
    expect((await read()).qualified_at).toEqual(qualified.qualified_at);

    expect((await client.from("partner_referrals").update({ status: "qualified" }).eq("id", row.id)).error).toBeNull();
    expect((await read()).in_progress_at).toBeNull();
    expect((await client.from("partner_referrals").update({ status: "submitted" }).eq("id", row.id)).error).toBeNull();
    expect(await read()).toEqual({ qualified_at: null, in_progress_at: null });

    // won straight from submitted: no stage stamps, yet the funnel counts it as having passed them
    expect((await client.from("partner_referrals").update({ status: "won" }).eq("id", row.id)).error).toBeNull();
    expect(await read()).toEqual({ qualified_at: null, in_progress_at: null });
  });
});
