import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { createPartner, createWorld, type World } from "./support/world";

/**
 * partner_monthly_rollups (supabase/migrations/20261202190200_partner_monthly_rollups.sql)
 * against plain SQL sums over the raw rows, one query per column, bucketed by month in the
 * org's time zone, after every kind of change: inserts, value and date edits, status moves
 * (forward, back, won, lost, reopened; commissions approved, paid, voided), deletes, a
 * refused move to another partner, partners changing status, tier, owner and region, a new
 * time zone and a deleted partner; and partner_month_buckets (the same months per partner
 * filter key) against those sums grouped by each partner's key, with the partners created per
 * key and month (20261204100100) counted from the partners, and the open tasks per due day
 * (20261204100200) counted from the tasks, and the service-level counts without keys and the
 * commissions per due day (20261204100500) counted from the rows.
 */

let world: World;
let extra: string;

const MONTH = (column: string) => `date_trunc('month', ${column} at time zone o.time_zone)::date`;
const REF = `from public.partner_referrals x join public.organizations o on o.id = x.org_id where x.org_id = $1`;
const COM = `from public.partner_commissions x join public.organizations o on o.id = x.org_id where x.org_id = $1`;
const REACHED_QUALIFIED = `(x.qualified_at is not null or x.in_progress_at is not null or x.status = 'won')`;
const REACHED_IN_PROGRESS = `(x.in_progress_at is not null or x.status = 'won')`;
const SETTLED_AT = `greatest(x.earned_at, least(x.paid_at, x.voided_at))`;

/** Each roll-up column as its own plain sum: (partner, month) -> value. */
const PLAIN: Record<string, string> = {
  referrals_submitted: `select x.partner_id, ${MONTH("x.referred_at")} as month, count(*) as v ${REF} group by 1, 2`,
  submitted_value: `select x.partner_id, ${MONTH("x.referred_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} group by 1, 2`,
  closed_value: `select x.partner_id, ${MONTH("x.closed_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} and x.closed_at is not null group by 1, 2`,
  referrals_won: `select x.partner_id, ${MONTH("x.closed_at")}, count(*) ${REF} and x.status = 'won' group by 1, 2`,
  referrals_lost: `select x.partner_id, ${MONTH("x.closed_at")}, count(*) ${REF} and x.status = 'lost' group by 1, 2`,
  won_value: `select x.partner_id, ${MONTH("x.closed_at")}, sum(coalesce(x.actual_value, 0)) ${REF} and x.status = 'won' group by 1, 2`,
  reached_qualified: `select x.partner_id, ${MONTH("x.referred_at")}, count(*) ${REF} and ${REACHED_QUALIFIED} group by 1, 2`,
  reached_qualified_value: `select x.partner_id, ${MONTH("x.referred_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} and ${REACHED_QUALIFIED} group by 1, 2`,
  reached_in_progress: `select x.partner_id, ${MONTH("x.referred_at")}, count(*) ${REF} and ${REACHED_IN_PROGRESS} group by 1, 2`,
  reached_in_progress_value: `select x.partner_id, ${MONTH("x.referred_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} and ${REACHED_IN_PROGRESS} group by 1, 2`,
  referrals_now_won: `select x.partner_id, ${MONTH("x.referred_at")}, count(*) ${REF} and x.status = 'won' group by 1, 2`,
  won_estimated_value: `select x.partner_id, ${MONTH("x.referred_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} and x.status = 'won' group by 1, 2`,
  referrals_now_lost: `select x.partner_id, ${MONTH("x.referred_at")}, count(*) ${REF} and x.status = 'lost' group by 1, 2`,
  lost_estimated_value: `select x.partner_id, ${MONTH("x.referred_at")}, sum(coalesce(x.estimated_value, 0)) ${REF} and x.status = 'lost' group by 1, 2`,
  commission_earned: `select x.partner_id, ${MONTH("x.earned_at")}, sum(x.amount) ${COM} and x.status <> 'void' group by 1, 2`,
  commission_recorded: `select x.partner_id, ${MONTH("x.earned_at")}, sum(x.amount) ${COM} group by 1, 2`,
  commission_approved: `select x.partner_id, ${MONTH("x.approved_at")}, sum(x.amount) ${COM} and x.approved_at is not null and x.status <> 'void' group by 1, 2`,
  commission_paid: `select x.partner_id, ${MONTH("x.paid_at")}, sum(x.amount) ${COM} and x.paid_at is not null group by 1, 2`,
  commission_settled: `select x.partner_id, ${MONTH(SETTLED_AT)}, sum(x.amount) ${COM} and least(x.paid_at, x.voided_at) is not null group by 1, 2`,
};

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

async function plainSums(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [column, statement] of Object.entries(PLAIN)) {
    for (const row of await sql(statement, [world.org.id])) {
      const values = Object.values(row);
      const v = Number(values[2]);
      if (v !== 0) out[`${values[0]}|${day(values[1])}|${column}`] = v;
    }
  }
  return out;
}

async function rollups(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const rows = await sql("select * from public.partner_monthly_rollups where org_id = $1", [world.org.id]);
  for (const row of rows) {
    for (const column of Object.keys(PLAIN)) {
      const v = Number(row[column]);
      if (v !== 0) out[`${row.partner_id}|${day(row.month)}|${column}`] = v;
    }
  }
  return out;
}

/** partner_month_buckets against the plain sums grouped by each partner's filter key now. */
async function keyedPlainSums(): Promise<Record<string, number>> {
  const keys = new Map(
    (await sql("select id, status, tier, owner_id, region from public.partners where org_id = $1", [world.org.id])).map(
      (p) => [String(p.id), `${p.status}|${p.tier}|${p.owner_id ?? ""}|${p.region ?? ""}`],
    ),
  );
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(await plainSums())) {
    const [partner, month, column] = key.split("|");
    const bucket = `${keys.get(partner!)}|${month}|${column}`;
    out[bucket] = (out[bucket] ?? 0) + value;
  }
  for (const key of Object.keys(out)) if (Math.abs(out[key]!) < 1e-9) delete out[key];
  return out;
}

async function buckets(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await sql("select * from public.partner_month_buckets where org_id = $1", [world.org.id])) {
    for (const column of Object.keys(PLAIN)) {
      const v = Number(row[column]);
      if (v !== 0)
        out[`${row.status}|${row.tier}|${row.owner_id ?? ""}|${row.region ?? ""}|${day(row.month)}|${column}`] = v;
    }
  }
  return out;
}

/** partner_day_counts against plain counts of whole days per partner key, month and measure. */
async function plainDayCounts(): Promise<Record<string, number>> {
  const rows = await sql(
    `with d as (
       select r.partner_id, date_trunc('month', r.qualified_at at time zone o.time_zone)::date as month, 'qualify' as measure,
              floor(extract(epoch from r.qualified_at - r.referred_at) / 86400)::int as days
         from public.partner_referrals r join public.organizations o on o.id = r.org_id
        where r.org_id = $1 and r.qualified_at is not null
       union all
       select r.partner_id, date_trunc('month', r.closed_at at time zone o.time_zone)::date, 'close',
              floor(extract(epoch from r.closed_at - r.referred_at) / 86400)::int
         from public.partner_referrals r join public.organizations o on o.id = r.org_id
        where r.org_id = $1 and r.closed_at is not null
       union all
       select c.partner_id, date_trunc('month', c.due_at at time zone o.time_zone)::date, 'due',
              case when c.paid_at <= c.due_at then 1 else 0 end
         from public.partner_commissions c join public.organizations o on o.id = c.org_id
        where c.org_id = $1 and c.status <> 'void' and c.due_at is not null)
     select p.status, p.tier, p.owner_id, p.region, d.month, d.measure, d.days, count(*)::int as n
       from d join public.partners p on p.id = d.partner_id
      group by 1, 2, 3, 4, 5, 6, 7`,
    [world.org.id],
  );
  return Object.fromEntries(
    rows.map((r) => [
      `${r.status}|${r.tier}|${r.owner_id ?? ""}|${r.region ?? ""}|${day(r.month)}|${r.measure}|${r.days}`,
      Number(r.n),
    ]),
  );
}

async function dayCounts(): Promise<Record<string, number>> {
  const rows = await sql("select * from public.partner_day_counts where org_id = $1 and n <> 0", [world.org.id]);
  return Object.fromEntries(
    rows.map((r) => [
      `${r.status}|${r.tier}|${r.owner_id ?? ""}|${r.region ?? ""}|${day(r.month)}|${r.measure}|${r.days}`,
      Number(r.n),
    ]),
  );
}

/** partner_month_buckets.partners_created against the partners counted by key and creation month. */
async function expectCreatedCounts() {
  const plain = await sql(
    `select p.status, p.tier, p.owner_id, p.region,
            date_trunc('month', p.created_at at time zone o.time_zone)::date::text as month, count(*)::int as n
       from public.partners p join public.organizations o on o.id = p.org_id
      where p.org_id = $1 group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    [world.org.id],
  );
  const kept = await sql(
    `select status, tier, owner_id, region, month::text as month, partners_created::int as n
       from public.partner_month_buckets
      where org_id = $1 and partners_created <> 0 order by 1, 2, 3, 4, 5`,
    [world.org.id],
  );
  expect(kept).toEqual(plain);
}

/** partner_open_task_days against the open tasks counted by due day. */
async function expectOpenTaskDays() {
  const plain = await sql(
    `select due_date::text as due_date, count(*)::int as tasks from public.partner_tasks
      where org_id = $1 and status in ('todo', 'in_progress') and due_date is not null group by 1 order by 1`,
    [world.org.id],
  );
  const kept = await sql(
    `select due_date::text as due_date, tasks from public.partner_open_task_days
      where org_id = $1 and tasks <> 0 order by 1`,
    [world.org.id],
  );
  expect(kept).toEqual(plain);
}

/** organization_day_counts and organization_due_days against the plain counts without keys. */
async function expectOrganizationCounts() {
  const plainMonths: Record<string, number> = {};
  for (const [key, n] of Object.entries(await plainDayCounts())) {
    const [, , , , month, measure, days] = key.split("|");
    const k = `${month}|${measure}|${days}`;
    plainMonths[k] = (plainMonths[k] ?? 0) + n;
  }
  const keptMonths: Record<string, number> = {};
  for (const row of await sql("select * from public.organization_day_counts where org_id = $1 and n <> 0", [
    world.org.id,
  ]))
    keptMonths[`${day(row.month)}|${row.measure}|${row.days}`] = Number(row.n);
  expect(keptMonths).toEqual(plainMonths);
  const plainDue = await sql(
    `select (c.due_at at time zone o.time_zone)::date::text as day, (c.paid_at is not null and c.paid_at <= c.due_at) as on_time,
            count(*)::int as n
       from public.partner_commissions c join public.organizations o on o.id = c.org_id
      where c.org_id = $1 and c.status <> 'void' and c.due_at is not null group by 1, 2 order by 1, 2`,
    [world.org.id],
  );
  const keptDue = await sql(
    `select day::text as day, paid_on_time as on_time, commissions as n from public.organization_due_days
      where org_id = $1 and commissions <> 0 order by 1, 2`,
    [world.org.id],
  );
  expect(keptDue).toEqual(plainDue);
}

async function expectEqual() {
  expect(await rollups()).toEqual(await plainSums());
  expect(await buckets()).toEqual(await keyedPlainSums());
  expect(await dayCounts()).toEqual(await plainDayCounts());
  await expectCreatedCounts();
  await expectOpenTaskDays();
  await expectOrganizationCounts();
}

beforeAll(async () => {
  world = await createWorld("monthly-rollups");
  extra = (await createPartner(world.org.id, { name: `Rollup ${crypto.randomUUID()}` })).id as string;
}, 120_000);

describe("monthly roll-ups equal the plain SQL sums", () => {
  const ids: Record<string, string> = {};

  it("after inserts on both sides of the org's midnight and a daylight-saving change", async () => {
    const g = world.partners.granted;
    const rows: [string, string, Record<string, unknown>][] = [
      ["a", g, { status: "submitted", estimated_value: 100, referred_at: "2025-02-28T22:59:59Z" }],
      ["b", g, { status: "submitted", estimated_value: 200, referred_at: "2025-02-28T23:00:00Z" }],
      [
        "c",
        g,
        {
          status: "won",
          estimated_value: 300,
          actual_value: 350,
          referred_at: "2025-03-10T10:00:00Z",
          closed_at: "2025-03-30T22:00:00Z",
        },
      ],
      [
        "d",
        g,
        {
          status: "lost",
          estimated_value: null,
          referred_at: "2025-10-01T10:00:00Z",
          closed_at: "2025-10-31T22:59:59Z",
        },
      ],
      ["e", extra, { status: "qualified", estimated_value: 400, referred_at: "2025-10-26T00:30:00Z" }],
      // an open referral given a closed_at: open referrals have none
      [
        "f",
        extra,
        {
          status: "in_progress",
          estimated_value: 500,
          referred_at: "2025-04-01T10:00:00Z",
          closed_at: "2025-05-01T10:00:00Z",
        },
      ],
    ];
    for (const [key, partner, values] of rows) {
      ids[key] = (await insertChild("partner_referrals", partner, { client_name: `Client ${key}`, ...values }))
        .id as string;
    }
    expect(
      (await sql("select closed_at from public.partner_referrals where id = $1", [ids.f]))[0]!.closed_at,
    ).toBeNull();
    const commissions: [string, string, Record<string, unknown>][] = [
      ["p", g, { status: "pending", amount: 10, earned_at: "2025-02-28T23:00:00Z", due_at: "2025-03-30T21:59:59Z" }],
      [
        "q",
        g,
        { status: "approved", amount: 20, earned_at: "2025-03-02T10:00:00Z", approved_at: "2025-03-31T21:59:59Z" },
      ],
      [
        "r",
        g,
        {
          status: "paid",
          amount: 30,
          earned_at: "2025-03-03T10:00:00Z",
          approved_at: "2025-03-04T10:00:00Z",
          paid_at: "2025-04-30T22:00:00Z",
        },
      ],
      // paid before it was earned: it stops being owed when earned
      [
        "s",
        extra,
        {
          status: "paid",
          amount: 40,
          earned_at: "2025-06-10T10:00:00Z",
          approved_at: "2025-06-01T10:00:00Z",
          paid_at: "2025-05-20T10:00:00Z",
        },
      ],
      [
        "t",
        extra,
        { status: "void", amount: 50, earned_at: "2025-07-01T10:00:00Z", voided_at: "2025-08-01T10:00:00Z" },
      ],
    ];
    for (const [key, partner, values] of commissions) {
      ids[key] = (await insertChild("partner_commissions", partner, { description: key, ...values })).id as string;
    }
    // a pending one given a paid_at is refused by its named check, not quietly cleared
    await expect(
      insertChild("partner_commissions", extra, {
        description: "u",
        status: "pending",
        amount: 60,
        earned_at: "2025-07-15T10:00:00Z",
        paid_at: "2025-07-20T10:00:00Z",
      }),
    ).rejects.toMatchObject({ code: "23514", constraint: "partner_commissions_paid_at_when_paid" });
    ids.u = (
      await insertChild("partner_commissions", extra, {
        description: "u",
        status: "pending",
        amount: 60,
        earned_at: "2025-07-15T10:00:00Z",
      })
    ).id as string;
    await expectEqual();
  });

  it("after value and date edits and referral status moves forward, back, won, lost and reopened", async () => {
    await sql(
      "update public.partner_referrals set estimated_value = 250, referred_at = '2025-01-31T23:30:00Z' where id = $1",
      [ids.b],
    );
    await sql("update public.partner_referrals set status = 'qualified' where id = $1", [ids.a]);
    await expectEqual();
    await sql("update public.partner_referrals set status = 'in_progress' where id = $1", [ids.a]);
    await sql("update public.partner_referrals set status = 'submitted' where id = $1", [ids.e]);
    await expectEqual();
    await sql("update public.partner_referrals set status = 'won', actual_value = 999 where id = $1", [ids.a]);
    await sql("update public.partner_referrals set status = 'lost' where id = $1", [ids.f]);
    await expectEqual();
    await sql("update public.partner_referrals set status = 'in_progress' where id = $1", [ids.c]);
    await sql("update public.partner_referrals set actual_value = 1 where id = $1", [ids.c]);
    await expectEqual();
    // one statement over many rows
    await sql(
      "update public.partner_referrals set estimated_value = coalesce(estimated_value, 0) + 1 where org_id = $1",
      [world.org.id],
    );
    await expectEqual();
  });

  it("after commissions are approved, paid, voided and re-priced", async () => {
    await sql(
      "update public.partner_commissions set amount = 15, earned_at = '2025-05-31T22:00:00Z', due_at = '2025-07-01T00:00:00Z' where id = $1",
      [ids.p],
    );
    await sql("update public.partner_commissions set status = 'approved' where id = $1", [ids.p]);
    await expectEqual();
    await sql("update public.partner_commissions set status = 'paid' where id = $1", [ids.p]);
    await sql("update public.partner_commissions set status = 'void' where id = $1", [ids.q]);
    await sql("update public.partner_commissions set status = 'void' where id = $1", [ids.u]);
    await expectEqual();
  });

  it("after deletes", async () => {
    await sql("delete from public.partner_referrals where id = any ($1)", [[ids.d, ids.e]]);
    // the first day of October in Paris, on a commission still pending (only those may go)
    const w = await insertChild("partner_commissions", world.partners.granted, {
      status: "pending",
      amount: 70,
      earned_at: "2025-09-30T22:00:00Z",
    });
    await expectEqual();
    await sql("delete from public.partner_commissions where id = $1", [w.id]);
    await expectEqual();
  });

  it("a move to another partner is refused and leaves the roll-ups as they were", async () => {
    const before = await rollups();
    await expect(
      sql("update public.partner_referrals set partner_id = $2 where id = $1", [ids.a, extra]),
    ).rejects.toThrow(/partner_id cannot be changed/);
    expect(await rollups()).toEqual(before);
  });

  it("after partners change status, tier, owner and region (one by one and together)", async () => {
    const g = world.partners.granted;
    await sql("update public.partners set status = 'paused' where id = $1", [g]);
    await expectEqual();
    await sql("update public.partners set tier = 'gold', region = 'North', owner_id = null where id = $1", [extra]);
    await expectEqual();
    await sql("update public.partners set owner_id = $2, region = null where id = any ($1)", [
      [g, extra],
      world.people.manager.id,
    ]);
    await expectEqual();
    // a change that leaves the key as it was moves nothing
    await sql("update public.partners set website = 'https://example.test' where id = $1", [g]);
    await expectEqual();
  });

  it("after partners are created, backdated across a month's edge, archived, restored and deleted", async () => {
    const made: string[] = [];
    for (const tier of ["gold", "silver", "gold"]) {
      made.push((await createPartner(world.org.id, { name: `Created ${crypto.randomUUID()}`, tier })).id as string);
    }
    await expectEqual();
    // the org's midnight at a month's start, either side of it
    const [edge] = await sql<{ at: Date }>(
      `select (date_trunc('month', now() at time zone time_zone) - interval '2 months')::timestamp
              at time zone time_zone as at from public.organizations where id = $1`,
      [world.org.id],
    );
    await sql("update public.partners set created_at = $2 where id = $1", [
      made[0],
      new Date(edge!.at.getTime() - 1000),
    ]);
    await sql("update public.partners set created_at = $2 where id = $1", [made[1], edge!.at]);
    await expectEqual();
    await sql("update public.partners set archived_at = now(), status = 'churned' where id = $1", [made[1]]);
    await expectEqual();
    await sql("update public.partners set archived_at = null, status = 'active', owner_id = $2 where id = $1", [
      made[1],
      world.people.manager.id,
    ]);
    await expectEqual();
    await sql("delete from public.partners where id = any ($1)", [[made[0], made[2]]]);
    await expectEqual();
    await sql("delete from public.partners where id = $1", [made[1]]);
    await expectEqual();
  });

  it("after tasks are added, started, done, reopened, cancelled, moved to another day and deleted", async () => {
    const g = world.partners.granted;
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const tasks: string[] = [];
    for (const [due, status] of [
      [day(-3), "todo"],
      [day(-3), "in_progress"],
      [day(2), "todo"],
      [null, "todo"],
      [day(-40), "cancelled"],
    ] as const) {
      tasks.push((await insertChild("partner_tasks", g, { due_date: due, status })).id as string);
    }
    await expectEqual();
    await sql("update public.partner_tasks set status = 'in_progress' where id = $1", [tasks[0]]);
    await sql("update public.partner_tasks set status = 'done', completed_at = now() where id = $1", [tasks[1]]);
    await expectEqual();
    await sql("update public.partner_tasks set status = 'todo', completed_at = null where id = $1", [tasks[1]]);
    await sql("update public.partner_tasks set due_date = $2 where id = any ($1)", [[tasks[2], tasks[3]], day(-1)]);
    await sql("update public.partner_tasks set status = 'todo' where id = $1", [tasks[4]]);
    await expectEqual();
    await sql("update public.partner_tasks set status = 'cancelled' where id = $1", [tasks[0]]);
    await sql("delete from public.partner_tasks where id = any ($1)", [[tasks[1], tasks[2]]]);
    await expectEqual();
  });

  it("after the organization moves to another time zone, and back", async () => {
    const zone = (await sql("select time_zone from public.organizations where id = $1", [world.org.id]))[0]!.time_zone;
    await sql("update public.organizations set time_zone = 'Pacific/Auckland' where id = $1", [world.org.id]);
    await expectEqual();
    await sql("update public.organizations set time_zone = $2 where id = $1", [world.org.id, zone]);
    await expectEqual();
  });

  it("a deleted partner takes its months with it", async () => {
    await sql("delete from public.partners where id = $1", [extra]);
    expect(await sql("select 1 from public.partner_monthly_rollups where partner_id = $1", [extra])).toEqual([]);
    await expectEqual();
  });

  it("staff read them; partner users and other orgs do not", async () => {
    const staff = await world.people.viewer.client
      .from("partner_monthly_rollups")
      .select("partner_id")
      .eq("org_id", world.org.id);
    expect(staff.error).toBeNull();
    expect(staff.data!.length).toBeGreaterThan(0);
    for (const name of ["partner", "stranger"] as const) {
      const { data, error } = await world.people[name].client
        .from("partner_monthly_rollups")
        .select("partner_id")
        .eq("org_id", world.org.id);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const write = await world.people.admin.client
      .from("partner_monthly_rollups")
      .update({ referrals_submitted: 99 })
      .eq("org_id", world.org.id)
      .select();
    expect(write.error?.code).toBe("42501");
  });

  it("staff read the service-level counts; partner users and other orgs do not, and nobody writes them", async () => {
    const staff = await world.people.viewer.client.from("partner_day_counts").select("n").eq("org_id", world.org.id);
    expect(staff.error).toBeNull();
    expect(staff.data!.length).toBeGreaterThan(0);
    for (const name of ["partner", "stranger"] as const) {
      const { data, error } = await world.people[name].client
        .from("partner_day_counts")
        .select("n")
        .eq("org_id", world.org.id);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const write = await world.people.admin.client
      .from("partner_day_counts")
      .update({ n: 99 })
      .eq("org_id", world.org.id)
      .select();
    expect(write.error?.code).toBe("42501");
  });
});
