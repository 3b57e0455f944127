import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { childValues, insertChild } from "./support/partner-rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
let historic: { referrals: string[]; commissions: string[] };
let live: { referral: string; commission: string };

/** Rows as an old database or a bulk load left them: written with the per-row triggers set aside, so without events. */
async function insertWithoutTriggers(table: string, values: Record<string, unknown>): Promise<string> {
  // Replica mode is a superuser's switch.
  const client = new pg.Client({ connectionString: testEnv.adminDbUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    const columns = Object.keys(values);
    const result = await client.query<{ id: string }>(
      `insert into public.${table} (${columns.join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")}) returning id`,
      Object.values(values),
    );
    await client.query("commit");
    return result.rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function backfill() {
  const [row] = await sql<{ referral_events: number; commission_events: number }>(
    "select * from private.backfill_activity()",
  );
  return row!;
}

async function orgEvents() {
  return sql("select * from public.partner_activity_log where org_id = $1 order by id", [world.org.id]);
}

beforeAll(async () => {
  world = await createWorld("backfill");
  const partner = (await createPartner(world.org.id)).id as string;
  historic = { referrals: [], commissions: [] };
  for (const day of ["2023-01-05", "2023-03-10", "2024-07-01"]) {
    historic.referrals.push(
      await insertWithoutTriggers(
        "partner_referrals",
        await childValues("partner_referrals", partner, { referred_at: `${day}T09:30:00Z` }),
      ),
    );
  }
  for (const status of ["pending", "paid"]) {
    historic.commissions.push(
      await insertWithoutTriggers(
        "partner_commissions",
        await childValues("partner_commissions", partner, {
          status,
          ...(status === "paid" ? { paid_at: "2024-01-01T00:00:00Z", approved_at: "2023-12-01T00:00:00Z" } : {}),
        }),
      ),
    );
  }
  live = {
    referral: (await insertChild("partner_referrals", partner)).id as string,
    commission: (await insertChild("partner_commissions", partner)).id as string,
  };
});

describe("backfill (npm run db:backfill)", () => {
  it("historic rows have no creation event before it runs; live ones have one", async () => {
    const [row] = await sql<{ missing: number; present: number }>(
      `select count(*) filter (where source_id = any ($1))::int as missing, count(*) filter (where source_id = any ($2))::int as present
       from public.partner_activity_log where event_type in ('referral.created', 'commission.created')`,
      [
        [...historic.referrals, ...historic.commissions],
        [live.referral, live.commission],
      ],
    );
    expect(row).toEqual({ missing: 0, present: 2 });
  });

  it("writes one referral.created per historic referral, at referred_at, and one commission.created per commission lacking one", async () => {
    await backfill();
    const rows = await sql<{
      source_id: string;
      event_type: string;
      occurred_at: Date;
      referred_at: Date | null;
      partner_visible: boolean;
    }>(
      `select l.source_id, l.event_type, l.occurred_at, r.referred_at, l.partner_visible
       from public.partner_activity_log l left join public.partner_referrals r on r.id = l.source_id
       where l.org_id = $1 and l.event_type in ('referral.created', 'commission.created')`,
      [world.org.id],
    );
    const count = (id: string, type: string) =>
      rows.filter((row) => row.source_id === id && row.event_type === type).length;
    for (const id of [...historic.referrals, live.referral]) expect(count(id, "referral.created"), id).toBe(1);
    for (const id of [...historic.commissions, live.commission]) expect(count(id, "commission.created"), id).toBe(1);
    for (const row of rows.filter((r) => r.event_type === "referral.created")) {
      expect(row.occurred_at.toISOString()).toBe(row.referred_at!.toISOString());
      expect(row.partner_visible).toBe(true);
    }
  });

  it("running it twice equals running it once", async () => {
    const once = await orgEvents();
    const second = await backfill();
    expect(await orgEvents()).toEqual(once);
    // Nothing of this org was written the second time (other files' rows all have their events).
    expect(second.referral_events + second.commission_events).toBe(0);
  });

  it("is not callable through the API by staff or partner users", async () => {
    for (const name of ["admin", "partner", "anon"] as const) {
      const result = await world.people[name].client.schema("private" as "public").rpc("backfill_activity");
      expect(result.error, name).not.toBeNull();
    }
  });
});
