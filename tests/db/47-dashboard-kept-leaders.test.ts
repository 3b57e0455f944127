import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { insertChild } from "./support/partner-rows";
import { createPartner, createWorld, type World } from "./support/world";

/**
 * The leaders' kept figures (supabase/migrations/20261202190900_dashboard_leaders_kept.sql):
 * partner_window_totals and partner_last_referrals against the plain SQL of docs/metrics.md
 * after every kind of change, the kept windows following the calendar, and
 * dashboard_leaders answering a kept period (from a kept window's first day to today) exactly
 * as the plain SQL does, with and without rows after the period's end, with a filter, and
 * for a period that is not kept. The boards' sizes are kept too (20261204100000): each window's
 * partners submitting and winning, and the partners not archived by UTC day of their latest
 * referral, checked against the plain SQL after every change, including two transactions that
 * archive a partner and add its referral at once.
 */

let world: World;
const partners: string[] = [];

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
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** The org's kept window starts and today, both in its time zone. */
async function calendar(): Promise<{ starts: string[]; today: string }> {
  const [row] = await sql<{ today: string; starts: string[] }>(
    `select (now() at time zone o.time_zone)::date::text as today,
            array(select w::text from private.dashboard_window_starts(o.time_zone) w order by 1) as starts
       from public.organizations o where o.id = $1`,
    [world.org.id],
  );
  return { starts: row!.starts, today: row!.today };
}

/** Plain sums per partner and window start: won value and count by closed_at, referrals by referred_at. */
async function plainWindowTotals(): Promise<Record<string, number>> {
  const rows = await sql(
    `select s.window_start, p.id as partner_id,
            (select coalesce(sum(x.actual_value), 0) from public.partner_referrals x
              where x.partner_id = p.id and x.status = 'won'
                and x.closed_at >= s.window_start::timestamp at time zone o.time_zone) as won_value,
            (select count(*) from public.partner_referrals x
              where x.partner_id = p.id and x.status = 'won'
                and x.closed_at >= s.window_start::timestamp at time zone o.time_zone) as referrals_won,
            (select count(*) from public.partner_referrals x
              where x.partner_id = p.id and x.referred_at >= s.window_start::timestamp at time zone o.time_zone) as referrals_submitted
       from public.partner_window_starts s
       join public.organizations o on o.id = s.org_id
       join public.partners p on p.org_id = s.org_id
      where s.org_id = $1`,
    [world.org.id],
  );
  return flatten(rows);
}

async function keptWindowTotals(): Promise<Record<string, number>> {
  return flatten(await sql("select * from public.partner_window_totals where org_id = $1", [world.org.id]));
}

function flatten(rows: Out[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows)
    for (const column of ["won_value", "referrals_won", "referrals_submitted"]) {
      const v = Number(row[column]);
      if (v !== 0) out[`${day(row.window_start)}|${String(row.partner_id)}|${column}`] = v;
    }
  return out;
}

/** Each kept window's board sizes, and the quiet partners by UTC day, by the plain SQL. */
async function expectKeptSizes() {
  const plainSizes = await sql(
    `select s.window_start::text as window_start,
            count(*) filter (where t.referrals_submitted > 0)::int as partners_submitting,
            count(*) filter (where t.won_value > 0 and t.referrals_won > 0)::int as partners_winning
       from public.partner_window_starts s
       join public.organizations o on o.id = s.org_id
       left join lateral (
         select (select count(*) from public.partner_referrals x
                  where x.partner_id = p.id and x.referred_at >= s.window_start::timestamp at time zone o.time_zone) as referrals_submitted,
                (select count(*) from public.partner_referrals x
                  where x.partner_id = p.id and x.status = 'won'
                    and x.closed_at >= s.window_start::timestamp at time zone o.time_zone) as referrals_won,
                (select coalesce(sum(x.actual_value), 0) from public.partner_referrals x
                  where x.partner_id = p.id and x.status = 'won'
                    and x.closed_at >= s.window_start::timestamp at time zone o.time_zone) as won_value
           from public.partners p where p.org_id = s.org_id) t on true
      where s.org_id = $1 group by s.window_start order by 1`,
    [world.org.id],
  );
  const keptSizes = await sql(
    `select window_start::text as window_start, partners_submitting, partners_winning
       from public.partner_window_starts where org_id = $1 order by 1`,
    [world.org.id],
  );
  expect(normAll(keptSizes)).toEqual(normAll(plainSizes));
  const plainDays = await sql(
    `select day::text as day, count(*)::int as partners from (
       select (max(x.referred_at) at time zone 'UTC')::date as day
         from public.partner_referrals x join public.partners p on p.id = x.partner_id
        where x.org_id = $1 and p.archived_at is null group by x.partner_id) d
      group by 1 order by 1`,
    [world.org.id],
  );
  const keptDays = await sql(
    "select day::text as day, partners from public.partner_last_referral_days where org_id = $1 and partners <> 0 order by 1",
    [world.org.id],
  );
  expect(normAll(keptDays)).toEqual(normAll(plainDays));
}

async function expectKept() {
  expect(await keptWindowTotals()).toEqual(await plainWindowTotals());
  await expectKeptSizes();
  const plainLast = await sql(
    `select x.partner_id, max(x.referred_at) as at from public.partner_referrals x
      where x.org_id = $1 group by 1 order by 1`,
    [world.org.id],
  );
  const kept = await sql(
    "select partner_id, last_referred_at as at from public.partner_last_referrals where org_id = $1 order by 1",
    [world.org.id],
  );
  expect(normAll(kept)).toEqual(normAll(plainLast));
}

/** The three boards by the plain SQL of docs/metrics.md for [from, to] in the org's time zone. */
async function plainLeaders(from: string, to: string, filter: { tiers?: string[] } = {}): Promise<Out[]> {
  const rows = await sql(
    `with o as (
       select $2::date::timestamp at time zone time_zone as t0, ($3::date + 1)::timestamp at time zone time_zone as t1
         from public.organizations where id = $1),
     p as (select x.* from public.partners x where x.org_id = $1 and ($4::text[] is null or x.tier = any ($4))),
     won as (
       select p.id, p.name, sum(r.actual_value) as v, count(*)::int as n from p cross join o
         join public.partner_referrals r on r.partner_id = p.id
        where r.status = 'won' and r.closed_at >= o.t0 and r.closed_at < o.t1
        group by p.id, p.name having coalesce(sum(r.actual_value), 0) > 0),
     fresh as (
       select p.id, p.name, count(*)::int as n from p cross join o
         join public.partner_referrals r on r.partner_id = p.id
        where r.referred_at >= o.t0 and r.referred_at < o.t1 group by p.id, p.name),
     quiet as (
       select p.id, p.name, max(r.referred_at) as at from p cross join o
         join public.partner_referrals r on r.partner_id = p.id
        where p.archived_at is null and r.referred_at < o.t1
        group by p.id, p.name, o.t1 having max(r.referred_at) < o.t1 - interval '90 days')
     select * from (
       select 'won_value' as board, (row_number() over (order by v desc, name, id))::int as rank,
              (count(*) over ())::int as board_total, id as partner_id, name as partner_name,
              v as won_value, n as referrals, null::timestamptz as last_referred_at from won
       union all
       select 'new_referrals', (row_number() over (order by n desc, name, id))::int, (count(*) over ())::int, id, name, null, n, null from fresh
       union all
       select 'quiet', (row_number() over (order by at desc, name, id))::int, (count(*) over ())::int, id, name, null, null, at from quiet) x
      where rank <= 5 order by board, rank`,
    [world.org.id, from, to, filter.tiers ?? null],
  );
  return normAll(rows);
}

async function leaders(from: string, to: string, filter: { tiers?: string[] } = {}): Promise<Out[]> {
  const { data, error } = await world.people.member.client.rpc("dashboard_leaders", {
    p_org_id: world.org.id,
    p_from: from,
    p_to: to,
    p_tiers: filter.tiers ?? null,
    p_limit: 5,
  });
  expect(error).toBeNull();
  return normAll(data as Out[]);
}

/** An instant `days` days from now, as text. */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  world = await createWorld("kept-leaders");
  partners.push(world.partners.granted, world.partners.sibling);
  for (let i = 0; i < 6; i += 1) {
    const p = await createPartner(world.org.id, {
      name: `Kept ${i} ${crypto.randomUUID()}`,
      tier: i % 2 ? "gold" : "silver",
    });
    partners.push(p.id as string);
  }
  await sql("select public.refresh_dashboard_windows()");
}, 60_000);

describe("the leaders' kept figures equal the plain SQL", () => {
  it("after inserts, edits, status moves and deletes", async () => {
    const made: string[] = [];
    for (const [i, partner] of partners.entries()) {
      // a tie on counts and values between some partners, the rest apart
      for (let k = 0; k < 1 + (i % 3); k += 1) {
        const at = daysFromNow(-20 - 30 * k);
        const won = k % 2 === 0;
        made.push(
          (
            await insertChild("partner_referrals", partner, {
              status: won ? "won" : "submitted",
              referred_at: at,
              closed_at: won ? daysFromNow(-10 - 30 * k) : null,
              actual_value: won ? 1000 * (1 + (i % 4)) : null,
            })
          ).id as string,
        );
      }
      // long ago: quiet for some, and outside every window
      made.push(
        (
          await insertChild("partner_referrals", partner, {
            referred_at: daysFromNow(-400 - i),
            status: "lost",
            closed_at: daysFromNow(-390),
          })
        ).id as string,
      );
    }
    await expectKept();

    await sql("update public.partner_referrals set actual_value = actual_value + 500 where id = $1", [made[0]]);
    await sql("update public.partner_referrals set referred_at = $2 where id = $1", [made[1], daysFromNow(-700)]);
    await sql("update public.partner_referrals set status = 'qualified' where id = $1", [made[2]]);
    await sql("update public.partner_referrals set status = 'submitted', closed_at = null where id = $1", [made[0]]);
    await sql("update public.partner_referrals set status = 'won', closed_at = $2, actual_value = 4200 where id = $1", [
      made[0],
      daysFromNow(-2),
    ]);
    await expectKept();

    await sql("delete from public.partner_referrals where id = any ($1)", [[made[3], made[4]]]);
    await expectKept();
  });

  it("after archiving and restoring partners, and moving them between owner, region, tier and status", async () => {
    const [a, b] = [partners[1]!, partners[2]!];
    await sql("update public.partners set archived_at = now() where id = any ($1)", [[a, b]]);
    await expectKept();
    await sql("update public.partners set archived_at = null where id = $1", [a]);
    await expectKept();
    // a referral for an archived partner moves its date but not the count
    await insertChild("partner_referrals", b, { referred_at: daysFromNow(-1) });
    await expectKept();
    await sql("update public.partners set archived_at = null where id = $1", [b]);
    await expectKept();
    await sql(
      "update public.partners set tier = 'gold', status = 'paused', region = 'North', owner_id = $2 where id = $1",
      [a, world.people.manager.id],
    );
    await expectKept();
    await sql(
      "update public.partners set tier = 'silver', status = 'active', region = null, owner_id = null where id = $1",
      [a],
    );
    await expectKept();
  });

  it("when an archive and a new referral of one partner meet in two transactions, in either order", async () => {
    const partner = (await createPartner(world.org.id, { name: `Raced ${crypto.randomUUID()}` })).id as string;
    await insertChild("partner_referrals", partner, { referred_at: daysFromNow(-200) });
    const connect = async () => {
      const client = new pg.Client({ connectionString: testEnv.adminDbUrl });
      await client.connect();
      await client.query("begin");
      return client;
    };
    const archive = (on: boolean) =>
      `update public.partners set archived_at = ${on ? "now()" : "null"} where id = '${partner}'`;
    const refer = (days: number) =>
      `insert into public.partner_referrals (org_id, partner_id, client_name, referred_at)
       values ('${world.org.id}', '${partner}', 'Raced', '${daysFromNow(days)}')`;
    for (const [first, second] of [
      [archive(true), refer(-100)],
      [refer(-50), archive(false)],
      [archive(true), refer(-20)],
      [refer(-10), archive(false)],
    ] as const) {
      const a = await connect();
      const b = await connect();
      try {
        await a.query(first);
        const pending = b.query(second); // waits for a's lock on the partner
        await new Promise((resolve) => setTimeout(resolve, 200));
        await a.query("commit");
        await pending;
        await b.query("commit");
      } finally {
        await a.end();
        await b.end();
      }
      await expectKept();
    }
  });

  it("after the organization moves to another time zone, and back", async () => {
    const [row] = await sql<{ time_zone: string }>("select time_zone from public.organizations where id = $1", [
      world.org.id,
    ]);
    const zone = row!.time_zone;
    await sql("update public.organizations set time_zone = 'Pacific/Auckland' where id = $1", [world.org.id]);
    await sql("select public.refresh_dashboard_windows()");
    await expectKept();
    await sql("update public.organizations set time_zone = $2 where id = $1", [world.org.id, zone]);
    await sql("select public.refresh_dashboard_windows()");
    await expectKept();
  });

  it("a new month moves the windows: the old ones go, the new ones are built from the roll-ups", async () => {
    await sql("select private.refresh_partner_windows($1, '2031-07-15')", [world.org.id]);
    const moved = await sql(
      "select window_start::text as w from public.partner_window_starts where org_id = $1 order by 1",
      [world.org.id],
    );
    expect(moved.map((r) => r.w)).toEqual(["2030-08-01", "2031-01-01"]);
    await expectKept();
    // today again; the runner's call builds only what is missing, and a second call nothing
    expect((await sql("select public.refresh_dashboard_windows() as n"))[0]!.n).toBeGreaterThan(0);
    expect((await sql("select private.refresh_partner_windows($1) as n", [world.org.id]))[0]!.n).toBe(0);
    const { starts } = await calendar();
    const now = await sql(
      "select window_start::text as w from public.partner_window_starts where org_id = $1 order by 1",
      [world.org.id],
    );
    expect(now.map((r) => r.w)).toEqual(starts);
    await expectKept();
  });

  it("a deleted partner takes its kept rows with it", async () => {
    const doomed = (await createPartner(world.org.id, { name: `Doomed ${crypto.randomUUID()}` })).id as string;
    await insertChild("partner_referrals", doomed, { referred_at: daysFromNow(-3) });
    await expectKept();
    await sql("delete from public.partners where id = $1", [doomed]);
    expect(await sql("select 1 from public.partner_window_totals where partner_id = $1", [doomed])).toEqual([]);
    expect(await sql("select 1 from public.partner_last_referrals where partner_id = $1", [doomed])).toEqual([]);
    await expectKept();
  });
});

describe("dashboard_leaders on a kept period equals the plain SQL", () => {
  it("from each kept window's first day to today, and to a day after today", async () => {
    const { starts, today } = await calendar();
    for (const from of starts) {
      expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
      const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
      expect(await leaders(from, later)).toEqual(await plainLeaders(from, later));
    }
  });

  it("with a filter, with a referral dated after the period's end, and with an archived quiet partner", async () => {
    const { starts, today } = await calendar();
    const from = starts[0]!;
    expect(await leaders(from, today, { tiers: ["gold"] })).toEqual(
      await plainLeaders(from, today, { tiers: ["gold"] }),
    );
    const future = await insertChild("partner_referrals", partners[3]!, {
      status: "won",
      referred_at: daysFromNow(5),
      closed_at: daysFromNow(6),
      actual_value: 99_000,
    });
    await sql("update public.partners set archived_at = now() where id = $1", [partners[4]]);
    try {
      expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
      expect(await leaders(from, today, { tiers: ["gold"] })).toEqual(
        await plainLeaders(from, today, { tiers: ["gold"] }),
      );
    } finally {
      await sql("delete from public.partner_referrals where id = $1", [future.id]);
      await sql("update public.partners set archived_at = null where id = $1", [partners[4]]);
    }
    expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
  });

  it("with quiet partners on either side of the cut-off, within its UTC day", async () => {
    const { starts, today } = await calendar();
    const [row] = await sql<{ cut: Date }>(
      `select ($2::date + 1)::timestamp at time zone time_zone - interval '90 days' as cut
         from public.organizations where id = $1`,
      [world.org.id, today],
    );
    const cut = row!.cut.getTime();
    const made: string[] = [];
    for (const offset of [-60_000, 60_000, -3_600_000, 0]) {
      const p = (await createPartner(world.org.id, { name: `Edge ${offset} ${crypto.randomUUID()}` })).id as string;
      await insertChild("partner_referrals", p, { referred_at: new Date(cut + offset).toISOString() });
      made.push(p);
    }
    await expectKept();
    for (const from of starts) expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
    await sql("update public.partners set archived_at = now() where id = $1", [made[0]]);
    for (const from of starts) expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
    await sql("delete from public.partners where id = any ($1)", [made]);
    await expectKept();
  });

  it("when more partners share a board's cut than are sorted (they are met by name)", async () => {
    const { starts, today } = await calendar();
    // 1,010 partners with the same two won referrals: on the referrals board tied at the cut
    // with some others, below a few; on the won board above every other partner
    const tied = await sql<{ id: string }>(
      `insert into public.partners (org_id, name, status, tier)
       select $1, 'Tied ' || lpad(g::text, 4, '0') || ' ' || $2, 'active', 'silver' from generate_series(1, 1010) g
       returning id`,
      [world.org.id, crypto.randomUUID()],
    );
    const ids = tied.map((r) => r.id);
    await sql(
      `insert into public.partner_referrals (org_id, partner_id, client_name, status, referred_at, closed_at, actual_value)
       select $1, p.id, 'Tied client', 'won', now() - interval '3 days' - k * interval '1 minute', now() - interval '2 days', 50000
         from unnest($2::uuid[]) p(id) cross join generate_series(1, 2) k`,
      [world.org.id, ids],
    );
    try {
      await expectKeptSizes();
      for (const from of starts) expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
      // one of them a little ahead: the board is that one, then the rest by name
      await insertChild("partner_referrals", ids[700]!, {
        status: "won",
        referred_at: daysFromNow(-1),
        closed_at: daysFromNow(-1),
        actual_value: 10,
      });
      for (const from of starts) expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
    } finally {
      await sql("delete from public.partners where id = any ($1)", [ids]);
    }
    await expectKept();
  }, 60_000);

  it("for a period that starts on no kept window (answered from the roll-ups)", async () => {
    const { today } = await calendar();
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 45 * 86_400_000).toISOString().slice(0, 10);
    expect(await leaders(from, today)).toEqual(await plainLeaders(from, today));
  });
});

describe("who reads and runs the kept figures", () => {
  it("staff read them; partner users and another org's admin read nothing", async () => {
    for (const table of ["partner_window_totals", "partner_window_starts", "partner_last_referrals"]) {
      const staff = await world.people.viewer.client.from(table).select("org_id").eq("org_id", world.org.id);
      expect(staff.error).toBeNull();
      expect(staff.data!.length).toBeGreaterThan(0);
      for (const name of ["partner", "stranger"] as const) {
        // the other org's admin reads their own org's windows, never ours
        const other = await world.people[name].client.from(table).select("org_id").eq("org_id", world.org.id);
        expect(other.data ?? []).toEqual([]);
      }
    }
  });

  it("nobody writes them through the API", async () => {
    const write = await world.people.admin.client
      .from("partner_last_referrals")
      .update({ last_referred_at: new Date().toISOString() })
      .eq("org_id", world.org.id)
      .select();
    expect(write.error?.code).toBe("42501");
    const control = await world.people.admin.client
      .from("partner_last_referrals")
      .select("partner_id")
      .eq("org_id", world.org.id);
    expect(control.error).toBeNull();
    expect(control.data!.length).toBeGreaterThan(0);
  });

  it("only the service role runs refresh_dashboard_windows()", async () => {
    for (const name of ["admin", "partner"] as const) {
      const { error } = await world.people[name].client.rpc("refresh_dashboard_windows");
      expect(error?.code).toBe("42501");
    }
    const anon = await world.people.anon.client.rpc("refresh_dashboard_windows");
    expect(anon.error?.code).toBe("42501");
    const runner = await world.service.rpc("refresh_dashboard_windows");
    expect(runner.error).toBeNull();
    expect(typeof runner.data).toBe("number");
  });
});
