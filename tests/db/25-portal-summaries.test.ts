import { beforeAll, describe, expect, it } from "vitest";
import type { SupabaseClient } from "@supabase/supabase-js";
import { sql } from "../support/db";
import { clientAs } from "./support/clients";
import { insertChild } from "./support/partner-rows";
import {
  createPartner,
  createPartnerUser,
  createStaff,
  createWorld,
  grantAccess,
  PERSONAS,
  SCOPES,
  type PersonaName,
  type World,
} from "./support/world";

/**
 * The portal's totals (supabase/migrations/20261121101100_portal_summaries.sql, and the
 * staff workspace's partner_rollups()) read as every persona through PostgREST, compared
 * with the same numbers computed here by plain SQL as superuser over the raw rows, for
 * exactly the partners and sections the permission matrix lets that persona see.
 *
 * Data: referrals in every status (values, no value, won with and without an actual value)
 * and commissions in every state (overdue = due_at past and pending/approved; paid and void
 * rows with a past due date are not overdue) on several partners, spread over months, with
 * rows a few minutes either side of a month/day boundary in the org's time zone
 * (Europe/Paris), so bucketing in UTC would give different periods.
 */

let world: World;
/** Partners of our org besides world.partners.granted / sibling. */
let third: string;
let fourth: string;
/** A partner user holding several partners (the MSP case): granted + sibling (all scopes),
 * third (referrals only), fourth (a grant that ended). */
let msp: { id: string; client: SupabaseClient };
let ourPartners: string[];
let partnerNames: Record<string, string>;

type Section = { r: boolean; c: boolean };
type Visibility = Record<string, Section>;
const ALL: Section = { r: true, c: true };

/** What each persona sees of the partners, per DESIGN.md's matrix (not per the functions). */
function visibility(name: PersonaName | "msp"): Visibility | "refused" {
  const g = world.partners.granted;
  switch (name) {
    case "admin":
    case "manager":
    case "member":
    case "viewer":
      return Object.fromEntries(ourPartners.map((id) => [id, ALL]));
    case "stranger":
    case "strangerPartner":
      return { [world.partners.foreign]: ALL };
    case "partner":
      return { [g]: ALL };
    case "partnerReferrals":
      return { [g]: { r: true, c: false } };
    case "partnerCommissions":
      return { [g]: { r: false, c: true } };
    case "partnerOverview":
    case "partnerDocuments":
    case "partnerTraining":
    case "partnerActivity":
      return { [g]: { r: false, c: false } };
    case "partnerFuture":
    case "partnerEnded":
    case "partnerRevoked":
    case "partnerInactive":
      return {};
    case "msp":
      return { [g]: ALL, [world.partners.sibling]: ALL, [third]: { r: true, c: false } };
    case "anon":
      return "refused";
  }
}

const isStaff = (name: string) => ["admin", "manager", "member", "viewer", "stranger"].includes(name);

// ---------------------------------------------------------------------------------------------
// Data

const DAY = 24 * 3600 * 1000;
const FUTURE = "2099-12-31T00:00:00Z";

/** Referrals of one partner; `k` varies values and shifts instants by k seconds (no ties). */
function referralPlan(k: number) {
  const at = (iso: string) => new Date(Date.parse(iso) + k * 1000).toISOString();
  return [
    { status: "submitted", estimated_value: 1200.5 * k, referred_at: at("2025-01-15T10:00:00Z") },
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris
    { status: "submitted", estimated_value: null, referred_at: at("2025-01-31T23:30:00Z") },
    { status: "submitted", estimated_value: 310 + k, referred_at: at("2025-01-31T22:30:00Z") }, // 23:30 on 31 Jan in Paris
    { status: "qualified", estimated_value: 800 * k, referred_at: at("2025-02-10T09:00:00Z") },
    // 22:30 UTC on 30 March is 00:30 on 31 March in Paris (CEST)
    { status: "in_progress", estimated_value: 4300.25 + k, referred_at: at("2025-03-30T22:30:00Z") },
    { status: "in_progress", estimated_value: 150 * k, referred_at: at("2025-04-02T08:00:00Z") },
    {
      status: "won",
      estimated_value: 5000,
      actual_value: 5500.75 * k,
      referred_at: at("2025-04-05T12:00:00Z"),
      closed_at: at("2025-05-20T12:00:00Z"),
    },
    { status: "won", estimated_value: 700 + k, actual_value: null, referred_at: at("2025-05-01T12:00:00Z") },
    {
      status: "lost",
      estimated_value: 999.99,
      referred_at: at("2025-06-30T22:30:00Z"),
      closed_at: at("2025-07-10T10:00:00Z"),
    }, // 1 July in Paris
    { status: "lost", estimated_value: null, referred_at: at("2025-07-04T10:00:00Z") },
  ];
}

/** Commissions of one partner in every state, overdue and not. */
function commissionPlan(k: number) {
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  return [
    { status: "pending", amount: 100.1 * k, earned_at: "2025-01-10T10:00:00Z", due_at: ago(30) }, // overdue
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris: an April commission
    { status: "pending", amount: 250 + k, earned_at: "2025-03-31T22:30:00Z", due_at: FUTURE },
    { status: "pending", amount: 42.42, earned_at: "2025-04-15T10:00:00Z", due_at: null },
    // 23:30 UTC on 28 February is 00:30 on 1 March in Paris: a March commission
    { status: "approved", amount: 333.33 * k, earned_at: "2025-02-28T23:30:00Z", due_at: ago(2) }, // overdue
    { status: "approved", amount: 75 + k, earned_at: "2025-05-02T10:00:00Z", due_at: FUTURE },
    { status: "approved", amount: 12.5, earned_at: "2025-01-31T22:59:00Z", due_at: ago(1) }, // overdue, 23:59 on 31 Jan in Paris
    { status: "paid", amount: 500 * k, earned_at: "2025-01-20T10:00:00Z", due_at: ago(60), paid_at: ago(55) }, // past due but paid
    { status: "paid", amount: 61.25, earned_at: "2025-03-03T10:00:00Z", due_at: null, paid_at: ago(10) },
    { status: "void", amount: 90 * k, earned_at: "2025-02-03T10:00:00Z", due_at: ago(5) }, // past due but void
  ];
}

async function seedPartner(partnerId: string, k: number) {
  for (const [i, values] of referralPlan(k).entries()) {
    await insertChild("partner_referrals", partnerId, { client_name: `Client ${k}-${i}`, ...values });
  }
  for (const values of commissionPlan(k)) {
    await insertChild("partner_commissions", partnerId, values);
  }
}

beforeAll(async () => {
  world = await createWorld("portal-sums");
  third = (await createPartner(world.org.id, { name: `Third ${crypto.randomUUID()}` })).id as string;
  fourth = (await createPartner(world.org.id, { name: `Fourth ${crypto.randomUUID()}` })).id as string;
  ourPartners = [world.partners.granted, world.partners.sibling, third, fourth];
  await seedPartner(world.partners.granted, 1);
  await seedPartner(world.partners.sibling, 2);
  await seedPartner(third, 3);
  await seedPartner(fourth, 4);
  await seedPartner(world.partners.foreign, 5);

  const user = await createPartnerUser(world.org.id, "msp", { createdBy: world.people.admin.id });
  await grantAccess(user.id, world.partners.granted, { scope: SCOPES });
  await grantAccess(user.id, world.partners.sibling, { scope: SCOPES });
  await grantAccess(user.id, third, { scope: ["referrals"] });
  await grantAccess(user.id, fourth, {
    scope: SCOPES,
    startsAt: new Date(Date.now() - 30 * DAY),
    endsAt: new Date(Date.now() - DAY),
  });
  msp = { id: user.id, client: await clientAs(user.id) };

  const names = await sql<{ id: string; name: string }>("select id, name from public.partners where id = any ($1)", [
    [...ourPartners, world.partners.foreign],
  ]);
  partnerNames = Object.fromEntries(names.map((row) => [row.id, row.name]));
});

// ---------------------------------------------------------------------------------------------
// Normalising: pg gives numeric and bigint as strings, PostgREST gives JSON numbers.

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
const sortKey = (row: Out) => `${row.is_total ? 1 : 0}|${String(row.period ?? "")}|${String(row.partner_id ?? "")}`;
function normAll(rows: Out[] | null): Out[] {
  return (rows ?? []).map(norm).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function idsWith(vis: Visibility, section?: keyof Section): string[] {
  return Object.entries(vis)
    .filter(([, s]) => (section ? s[section] : true))
    .map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------
// Plain SQL over the raw rows (superuser). Each condition written out, no shared helpers.

const OPEN = "('submitted', 'qualified', 'in_progress')";
const OWED = "('pending', 'approved')";

async function expectedRollups(partnerId: string, s: Section): Promise<Out[]> {
  const rows = await sql(
    `select p.id as partner_id, o.currency,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2 and status = 'submitted')::int as referrals_submitted,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2 and status = 'qualified')::int as referrals_qualified,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2 and status = 'in_progress')::int as referrals_in_progress,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2 and status = 'won')::int as referrals_won,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2 and status = 'lost')::int as referrals_lost,
       (select count(*) from public.partner_referrals where partner_id = p.id and $2)::int as referrals_total,
       (select coalesce(sum(estimated_value), 0) from public.partner_referrals where partner_id = p.id and $2 and status in ${OPEN}) as pipeline_value,
       (select coalesce(sum(case when actual_value is null then estimated_value else actual_value end), 0)
          from public.partner_referrals where partner_id = p.id and $2 and status = 'won') as won_value,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = p.id and $3 and status in ('pending', 'approved', 'paid')) as commission_earned,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = p.id and $3 and status = 'pending') as commission_pending,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = p.id and $3 and status = 'approved') as commission_approved,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = p.id and $3 and status = 'paid') as commission_paid,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = p.id and $3 and status in ${OWED}) as commission_owed,
       (select coalesce(sum(amount), 0) from public.partner_commissions
         where partner_id = p.id and $3 and status in ${OWED} and due_at is not null and due_at < now()) as commission_overdue
     from public.partners p join public.organizations o on o.id = p.org_id
     where p.id = $1`,
    [partnerId, s.r, s.c],
  );
  return normAll(rows);
}

async function expectedStatement(partnerId: string): Promise<Out[]> {
  const rows = await sql(
    `with c as (
       select c.*, to_char(c.earned_at at time zone o.time_zone, 'YYYY-MM') || '-01' as month, o.currency as org_currency
         from public.partner_commissions c join public.organizations o on o.id = c.org_id
        where c.partner_id = $1)
     select month as period, false as is_total, count(*)::int as commissions,
            coalesce(sum(case when status <> 'void' then amount end), 0) as earned,
            coalesce(sum(case when status = 'pending' then amount end), 0) as pending,
            coalesce(sum(case when status = 'approved' then amount end), 0) as approved,
            coalesce(sum(case when status = 'paid' then amount end), 0) as paid,
            coalesce(sum(case when status in ${OWED} then amount end), 0) as owed,
            coalesce(sum(case when status = 'void' then amount end), 0) as voided,
            min(org_currency) as currency
       from c group by month
     union all
     select null, true, count(*)::int,
            coalesce(sum(case when status <> 'void' then amount end), 0),
            coalesce(sum(case when status = 'pending' then amount end), 0),
            coalesce(sum(case when status = 'approved' then amount end), 0),
            coalesce(sum(case when status = 'paid' then amount end), 0),
            coalesce(sum(case when status in ${OWED} then amount end), 0),
            coalesce(sum(case when status = 'void' then amount end), 0),
            min(org_currency)
       from c having count(*) > 0`,
    [partnerId],
  );
  return normAll(rows);
}

async function expectedCommissionSummary(vis: Visibility): Promise<Out[]> {
  const all = idsWith(vis);
  if (all.length === 0) return [];
  const withCommissions = idsWith(vis, "c");
  const rows = await sql(
    `select p.id as partner_id, p.name as partner_name, false as is_total, o.currency,
        (select coalesce(sum(amount), 0) from public.partner_commissions c where c.partner_id = p.id and p.id = any ($2) and c.status in ${OWED}) as owed,
        (select coalesce(sum(amount), 0) from public.partner_commissions c where c.partner_id = p.id and p.id = any ($2) and c.status = 'paid') as paid,
        (select coalesce(sum(amount), 0) from public.partner_commissions c
          where c.partner_id = p.id and p.id = any ($2) and c.status in ${OWED} and c.due_at < now()) as overdue,
        (select count(*) from public.partner_commissions c
          where c.partner_id = p.id and p.id = any ($2) and c.status in ${OWED} and c.due_at < now())::int as overdue_count
       from public.partners p join public.organizations o on o.id = p.org_id
      where p.id = any ($1)
     union all
     select null, null, true, o.currency,
        (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status in ${OWED}),
        (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status = 'paid'),
        (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = any ($2) and status in ${OWED} and due_at < now()),
        (select count(*) from public.partner_commissions where partner_id = any ($2) and status in ${OWED} and due_at < now())::int
       from public.organizations o where o.id in (select org_id from public.partners where id = any ($1))`,
    [all, withCommissions],
  );
  return normAll(rows);
}

type Filter = { p_from?: string; p_to?: string; p_statuses?: string[] };

/** The referrals `vis` may see that match `f`, as ids; the day range is turned into instants. */
const MATCHING = `
  select r.* from public.partner_referrals r join public.organizations o on o.id = r.org_id
   where r.partner_id = any ($1)
     and ($2::date is null or r.referred_at >= ($2::date)::timestamp at time zone o.time_zone)
     and ($3::date is null or r.referred_at < ($3::date + 1)::timestamp at time zone o.time_zone)
     and ($4::text[] is null or $4::text[] = '{}' or r.status = any ($4::text[]))`;

function filterParams(vis: Visibility, f: Filter): unknown[] {
  return [idsWith(vis, "r"), f.p_from ?? null, f.p_to ?? null, f.p_statuses ?? null];
}

async function expectedPipeline(vis: Visibility, f: Filter): Promise<Out[]> {
  const all = idsWith(vis);
  if (all.length === 0) return [];
  const rows = await sql(
    `with m as (${MATCHING})
     select p.id as partner_id, p.name as partner_name, false as is_total, o.currency,
            (select count(*) from m where m.partner_id = p.id)::int as referrals,
            (select count(*) from m where m.partner_id = p.id and m.status in ${OPEN})::int as open_referrals,
            (select count(*) from m where m.partner_id = p.id and m.status = 'won')::int as won_referrals,
            (select coalesce(sum(estimated_value), 0) from m where m.partner_id = p.id) as estimated_value,
            (select coalesce(sum(estimated_value), 0) from m where m.partner_id = p.id and m.status in ${OPEN}) as pipeline_value,
            (select coalesce(sum(coalesce(actual_value, estimated_value)), 0) from m where m.partner_id = p.id and m.status = 'won') as won_value
       from public.partners p join public.organizations o on o.id = p.org_id
      where p.id = any ($5)
     union all
     select null, null, true, o.currency,
            (select count(*) from m)::int,
            (select count(*) from m where m.status in ${OPEN})::int,
            (select count(*) from m where m.status = 'won')::int,
            (select coalesce(sum(estimated_value), 0) from m),
            (select coalesce(sum(estimated_value), 0) from m where m.status in ${OPEN}),
            (select coalesce(sum(coalesce(actual_value, estimated_value)), 0) from m where m.status = 'won')
       from public.organizations o where o.id in (select org_id from public.partners where id = any ($5))`,
    [...filterParams(vis, f), all],
  );
  return normAll(rows);
}

async function expectedReferrals(vis: Visibility, f: Filter, limit?: number): Promise<Out[]> {
  const rows = await sql(
    `select m.id, m.partner_id, p.name as partner_name, m.client_name, m.status, m.estimated_value, m.actual_value, m.referred_at, m.closed_at
       from (${MATCHING}) m join public.partners p on p.id = m.partner_id
      order by m.referred_at desc limit $5`,
    [...filterParams(vis, f), limit ?? 200],
  );
  return rows.map(norm);
}

async function expectedStats(partnerId: string): Promise<Out[]> {
  const rows = await sql(
    `select (select count(*) from public.partner_referrals where partner_id = $1 and status = 'submitted')::int as referrals_submitted,
            (select count(*) from public.partner_referrals where partner_id = $1 and status in ${OPEN})::int as referrals_open,
            (select count(*) from public.partner_referrals where partner_id = $1)::int as referrals_total,
            (select coalesce(sum(estimated_value), 0) from public.partner_referrals where partner_id = $1 and status in ${OPEN}) as pipeline_value,
            (select coalesce(sum(coalesce(actual_value, estimated_value)), 0) from public.partner_referrals where partner_id = $1 and status = 'won') as won_value,
            (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status <> 'void') as commission_earned,
            (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status in ${OWED}) as commission_owed,
            (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status = 'paid') as commission_paid`,
    [partnerId],
  );
  return rows.map(norm);
}

// ---------------------------------------------------------------------------------------------
// Every persona, every function

const FILTERS: [string, Filter][] = [
  ["no filter", {}],
  ["February to March (Paris days)", { p_from: "2025-02-01", p_to: "2025-03-31" }],
  ["won and lost", { p_statuses: ["won", "lost"] }],
  ["won from April", { p_from: "2025-04-01", p_statuses: ["won"] }],
  ["an empty status list (all)", { p_statuses: [] }],
  ["up to 31 January", { p_to: "2025-01-31" }],
  ["a day with nothing", { p_from: "2024-12-25", p_to: "2024-12-25" }],
];

const EVERYONE = [...PERSONAS, "msp"] as const;
type Who = (typeof EVERYONE)[number];

function clientOf(name: Who): SupabaseClient {
  return name === "msp" ? msp.client : world.people[name].client;
}

function partnersToTry(): string[] {
  return [...ourPartners, world.partners.foreign];
}

describe.each(EVERYONE)("%s", (name) => {
  it("portal_partner_rollups() equals plain SQL for each partner it may see, and nothing for others", async () => {
    const vis = visibility(name);
    for (const partnerId of partnersToTry()) {
      const { data, error } = await clientOf(name).rpc("portal_partner_rollups", { p_partner_id: partnerId });
      if (vis === "refused") {
        expect(error?.code).toBe("42501");
        continue;
      }
      expect(error).toBeNull();
      const expected = vis[partnerId] ? await expectedRollups(partnerId, vis[partnerId]) : [];
      expect(normAll(data), `${name} on ${partnerNames[partnerId]}`).toEqual(expected);
    }
  });

  it("portal_commission_statement() equals plain SQL by month in the org's time zone, only with the commissions scope", async () => {
    const vis = visibility(name);
    for (const partnerId of partnersToTry()) {
      const { data, error } = await clientOf(name).rpc("portal_commission_statement", { p_partner_id: partnerId });
      if (vis === "refused") {
        expect(error?.code).toBe("42501");
        continue;
      }
      expect(error).toBeNull();
      const expected = vis[partnerId]?.c ? await expectedStatement(partnerId) : [];
      expect(normAll(data), `${name} on ${partnerNames[partnerId]}`).toEqual(expected);
    }
  });

  it("portal_commission_summary() equals plain SQL per visible partner and in total", async () => {
    const vis = visibility(name);
    const { data, error } = await clientOf(name).rpc("portal_commission_summary");
    if (vis === "refused") {
      expect(error?.code).toBe("42501");
      return;
    }
    expect(error).toBeNull();
    expect(normAll(data)).toEqual(await expectedCommissionSummary(vis));
  });

  it.each(FILTERS)("portal_referral_pipeline() equals plain SQL with %s", async (_label, filter) => {
    const vis = visibility(name);
    const { data, error } = await clientOf(name).rpc("portal_referral_pipeline", filter);
    if (vis === "refused") {
      expect(error?.code).toBe("42501");
      return;
    }
    expect(error).toBeNull();
    expect(normAll(data)).toEqual(await expectedPipeline(vis, filter));
  });

  it.each(FILTERS)(
    "portal_referrals() lists the same referrals as plain SQL, newest first, with %s",
    async (_label, filter) => {
      const vis = visibility(name);
      const { data, error } = await clientOf(name).rpc("portal_referrals", filter);
      if (vis === "refused") {
        expect(error?.code).toBe("42501");
        return;
      }
      expect(error).toBeNull();
      expect((data ?? []).map(norm)).toEqual(await expectedReferrals(vis, filter));
    },
  );

  it("partner_rollups() (the staff workspace's) gives staff of the partner's org the plain-SQL numbers and partner users nothing", async () => {
    const vis = visibility(name);
    for (const partnerId of partnersToTry()) {
      const { data, error } = await clientOf(name).rpc("partner_rollups", { p_partner_id: partnerId });
      if (vis === "refused") {
        expect(error?.code).toBe("42501");
        continue;
      }
      expect(error).toBeNull();
      // partner_stats is staff-only: partner users read their totals through portal_* instead.
      const sees = isStaff(name) && vis[partnerId];
      const got = (data ?? []).map((row: Out) =>
        norm({
          referrals_submitted: row.referrals_submitted,
          referrals_open: row.referrals_open,
          referrals_total: row.referrals_total,
          pipeline_value: row.pipeline_value,
          won_value: row.won_value,
          commission_earned: row.commission_earned,
          commission_owed: row.commission_owed,
          commission_paid: row.commission_paid,
        }),
      );
      expect(got, `${name} on ${partnerNames[partnerId]}`).toEqual(sees ? await expectedStats(partnerId) : []);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-checked numbers, so the plain SQL above is not merely agreeing with itself

describe("hand-checked values on the granted partner (k = 1)", () => {
  it("buckets commissions by month in Europe/Paris, not UTC", async () => {
    const { data, error } = await world.people.partner.client.rpc("portal_commission_statement", {
      p_partner_id: world.partners.granted,
    });
    expect(error).toBeNull();
    const byPeriod = Object.fromEntries(normAll(data).map((row) => [row.is_total ? "total" : row.period, row]));
    // January: pending 100.10 (overdue), approved 12.50 (23:59 on 31 Jan Paris), paid 500
    expect(byPeriod["2025-01-01"]).toMatchObject({
      commissions: 3,
      pending: 100.1,
      approved: 12.5,
      paid: 500,
      owed: 112.6,
      earned: 612.6,
      voided: 0,
    });
    // February: the void 90 only (the approved 333.33 of 28 Feb 23:30 UTC is March in Paris)
    expect(byPeriod["2025-02-01"]).toMatchObject({ commissions: 1, earned: 0, voided: 90 });
    expect(byPeriod["2025-03-01"]).toMatchObject({ commissions: 2, approved: 333.33, paid: 61.25 });
    // April: the pending 251 of 31 Mar 22:30 UTC, and 42.42
    expect(byPeriod["2025-04-01"]).toMatchObject({ commissions: 2, pending: 293.42, owed: 293.42 });
    expect(byPeriod.total).toMatchObject({ period: null, commissions: 9, owed: 815.35, voided: 90, currency: "EUR" }); // 100.10 + 251 + 42.42 + 333.33 + 76 + 12.50
  });

  it("counts as overdue only pending and approved commissions past due", async () => {
    const { data } = await world.people.partner.client.rpc("portal_partner_rollups", {
      p_partner_id: world.partners.granted,
    });
    expect(norm(data![0])).toMatchObject({ commission_overdue: 445.93, commission_paid: 561.25 }); // 100.10 + 333.33 + 12.50
    const summary = await world.people.partner.client.rpc("portal_commission_summary");
    const total = normAll(summary.data).find((row) => row.is_total);
    expect(total).toMatchObject({ overdue: 445.93, overdue_count: 3, paid: 561.25 });
  });

  it("takes the day range in Europe/Paris: 31 Jan 23:30 UTC is 1 February", async () => {
    const client = world.people.partner.client;
    const feb1 = await client.rpc("portal_referrals", { p_from: "2025-02-01", p_to: "2025-02-01" });
    expect(feb1.data!.map((row: Out) => row.client_name)).toEqual(["Client 1-1"]);
    const jan31 = await client.rpc("portal_referrals", { p_from: "2025-01-31", p_to: "2025-01-31" });
    expect(jan31.data!.map((row: Out) => row.client_name)).toEqual(["Client 1-2"]);
    const pipeline = await client.rpc("portal_referral_pipeline", { p_from: "2025-03-31", p_to: "2025-03-31" });
    expect(normAll(pipeline.data).find((row) => row.is_total)).toMatchObject({
      referrals: 1,
      open_referrals: 1,
      pipeline_value: 4301.25,
    });
  });

  it("values won referrals at actual, else estimated, and leaves lost ones out of the pipeline", async () => {
    const { data } = await world.people.partner.client.rpc("portal_partner_rollups", {
      p_partner_id: world.partners.granted,
    });
    // open: 1200.50 + 311 + 800 + 4301.25 + 150 (one submitted has no value); won: 5500.75 + 701
    expect(norm(data![0])).toMatchObject({
      referrals_total: 10,
      referrals_won: 2,
      referrals_lost: 2,
      pipeline_value: 6762.75,
      won_value: 6201.75,
    });
  });

  it("portal_referrals() honours p_limit (at least 1) and orders newest first", async () => {
    const two = await msp.client.rpc("portal_referrals", { p_limit: 2 });
    expect((two.data ?? []).map(norm)).toEqual(await expectedReferrals(visibility("msp") as Visibility, {}, 2));
    const zero = await msp.client.rpc("portal_referrals", { p_limit: 0 });
    expect(zero.data).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Grants change: the next call follows

describe("a grant's changes show on the very next call", () => {
  let user: { id: string; client: SupabaseClient };
  let grants: Record<"granted" | "sibling", string>;
  const seen = async () =>
    normAll((await user.client.rpc("portal_commission_summary")).data)
      .filter((row) => !row.is_total)
      .map((row) => row.partner_id)
      .sort();

  beforeAll(async () => {
    const created = await createPartnerUser(world.org.id, "switching", { createdBy: world.people.admin.id });
    grants = {
      granted: (await grantAccess(created.id, world.partners.granted, { scope: SCOPES })).id as string,
      sibling: (await grantAccess(created.id, world.partners.sibling, { scope: SCOPES })).id as string,
    };
    user = { id: created.id, client: await clientAs(created.id) };
  });

  it("revoking one grant drops that partner from the totals; restoring brings it back", async () => {
    expect(await seen()).toEqual([world.partners.granted, world.partners.sibling].sort());
    await sql("update public.partner_access set revoked_at = now() where id = $1", [grants.sibling]);
    expect(await seen()).toEqual([world.partners.granted]);
    const { data } = await user.client.rpc("portal_partner_rollups", { p_partner_id: world.partners.sibling });
    expect(data).toEqual([]);
    await sql("update public.partner_access set revoked_at = null where id = $1", [grants.sibling]);
    expect(await seen()).toEqual([world.partners.granted, world.partners.sibling].sort());
  });

  it("a window that has just ended, or not yet started, counts nothing", async () => {
    await sql(
      "update public.partner_access set starts_at = now() - interval '1 day', ends_at = now() - interval '1 second' where id = $1",
      [grants.sibling],
    );
    expect(await seen()).toEqual([world.partners.granted]);
    await sql("update public.partner_access set starts_at = now() + interval '1 hour', ends_at = null where id = $1", [
      grants.sibling,
    ]);
    expect(await seen()).toEqual([world.partners.granted]);
    await sql("update public.partner_access set starts_at = null, ends_at = null where id = $1", [grants.sibling]);
    expect(await seen()).toEqual([world.partners.granted, world.partners.sibling].sort());
  });

  it("taking the commissions scope away zeroes the commission totals but keeps the partner", async () => {
    await sql("update public.partner_access set scope = array['referrals'] where id = $1", [grants.sibling]);
    const summary = normAll((await user.client.rpc("portal_commission_summary")).data);
    expect(summary).toEqual(
      await expectedCommissionSummary({
        [world.partners.granted]: ALL,
        [world.partners.sibling]: { r: true, c: false },
      }),
    );
    expect(summary.find((row) => row.partner_id === world.partners.sibling)).toMatchObject({
      owed: 0,
      paid: 0,
      overdue: 0,
      overdue_count: 0,
    });
    const statement = await user.client.rpc("portal_commission_statement", { p_partner_id: world.partners.sibling });
    expect(statement.data).toEqual([]);
    await sql("update public.partner_access set scope = $2 where id = $1", [grants.sibling, SCOPES]);
  });

  it("deactivating the user empties every function at once", async () => {
    await sql("update public.partner_users set is_active = false where id = $1", [user.id]);
    expect(await seen()).toEqual([]);
    expect((await user.client.rpc("portal_referral_pipeline", {})).data).toEqual([]);
    expect((await user.client.rpc("portal_referrals", {})).data).toEqual([]);
    expect((await user.client.rpc("portal_partner_rollups", { p_partner_id: world.partners.granted })).data).toEqual(
      [],
    );
    await sql("update public.partner_users set is_active = true where id = $1", [user.id]);
    expect(await seen()).toEqual([world.partners.granted, world.partners.sibling].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Staff of two organizations

describe("a staff member of two organizations", () => {
  let client: SupabaseClient;
  beforeAll(async () => {
    const staff = await createStaff(world.org.id, "viewer", "two-orgs");
    await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [
      world.otherOrg.id,
      staff.id,
    ]);
    client = await clientAs(staff.id);
  });

  const ours = () => Object.fromEntries(ourPartners.map((id) => [id, ALL]));
  const theirs = () => ({ [world.partners.foreign]: ALL });
  /** The total rows, in an order that does not depend on how the function sorts equal keys. */
  const totals = (rows: Out[]) =>
    rows
      .filter((row) => row.is_total)
      .map((row) => JSON.stringify(norm(row)))
      .sort();

  it("sees every partner of both in the per-partner rows", async () => {
    const { data, error } = await client.rpc("portal_commission_summary");
    expect(error).toBeNull();
    const perPartner = normAll(data).filter((row) => !row.is_total);
    const expected = [
      ...(await expectedCommissionSummary(ours())),
      ...(await expectedCommissionSummary(theirs())),
    ].filter((row) => !row.is_total);
    expect(perPartner).toEqual(normAll(expected));
  });

  // The "All accounts" totals once grouped by currency only, so two organizations with the same
  // currency were summed into one total. Each org now gets its own.
  it("gets one total per organization from the summary and the pipeline, never one sum across them", async () => {
    const summary = normAll((await client.rpc("portal_commission_summary")).data);
    expect(totals(summary)).toEqual(
      [...totals(await expectedCommissionSummary(ours())), ...totals(await expectedCommissionSummary(theirs()))].sort(),
    );
    const pipeline = normAll((await client.rpc("portal_referral_pipeline", {})).data);
    expect(totals(pipeline)).toEqual(
      [...totals(await expectedPipeline(ours(), {})), ...totals(await expectedPipeline(theirs(), {}))].sort(),
    );
  });
});
