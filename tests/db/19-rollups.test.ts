import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { NONE, no, runMatrix } from "./support/matrix";
import { readRow } from "./support/rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("rollups");
});

const ORG = ["granted", "sibling"];
const FOREIGN = ["foreign"];

// Roll-ups are written by triggers only and read by staff; partner users get their
// totals through the portal's functions, not this table.
runMatrix(() => world, {
  table: "partner_stats",
  idColumn: "partner_id",
  key: (row) => ({ partner_id: row.partner_id }),
  arrangeSelect: async (w) => ({
    granted: { partner_id: w.partners.granted },
    sibling: { partner_id: w.partners.sibling },
    foreign: { partner_id: w.partners.foreign },
  }),
  arrangeTarget: async (w) => (await readRow("partner_stats", { partner_id: (await createPartner(w.org.id)).id }))!,
  insertValues: async (w) => {
    // A partner whose stats row is gone, so the insert would not merely conflict.
    const partner = await createPartner(w.org.id, { name: `Statsless ${crypto.randomUUID()}` });
    await sql("delete from public.partner_stats where partner_id = $1", [partner.id]);
    return { partner_id: partner.id, org_id: w.org.id, pipeline_value: 1_000_000 };
  },
  patch: () => ({ pipeline_value: 1_000_000, commission_owed: 0 }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     no,    no,    no],
    manager:            [ORG,     no,    no,    no],
    member:             [ORG,     no,    no,    no],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [NONE,    no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [NONE,    no,    no,    no],
    partnerTraining:    [NONE,    no,    no,    no],
    partnerActivity:    [NONE,    no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [NONE,    no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});

const COLUMNS = [
  "referrals_submitted",
  "referrals_qualified",
  "referrals_in_progress",
  "referrals_won",
  "referrals_lost",
  "pipeline_value",
  "won_value",
  "commission_earned",
  "commission_owed",
  "commission_paid",
  "open_tasks",
  "overdue_tasks",
] as const;

/** The roll-ups recomputed from the rows by plain SQL, per DESIGN.md's definitions. */
async function plainSums(partnerId: string) {
  const [row] = await sql(
    `select
       (select count(*) from public.partner_referrals where partner_id = $1 and status = 'submitted')::int as referrals_submitted,
       (select count(*) from public.partner_referrals where partner_id = $1 and status = 'qualified')::int as referrals_qualified,
       (select count(*) from public.partner_referrals where partner_id = $1 and status = 'in_progress')::int as referrals_in_progress,
       (select count(*) from public.partner_referrals where partner_id = $1 and status = 'won')::int as referrals_won,
       (select count(*) from public.partner_referrals where partner_id = $1 and status = 'lost')::int as referrals_lost,
       (select coalesce(sum(estimated_value), 0) from public.partner_referrals where partner_id = $1 and status in ('submitted', 'qualified', 'in_progress'))::numeric(16, 2) as pipeline_value,
       (select coalesce(sum(coalesce(actual_value, estimated_value)), 0) from public.partner_referrals where partner_id = $1 and status = 'won')::numeric(16, 2) as won_value,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status <> 'void')::numeric(16, 2) as commission_earned,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status in ('pending', 'approved'))::numeric(16, 2) as commission_owed,
       (select coalesce(sum(amount), 0) from public.partner_commissions where partner_id = $1 and status = 'paid')::numeric(16, 2) as commission_paid,
       (select count(*) from public.partner_tasks where partner_id = $1 and status in ('todo', 'in_progress'))::int as open_tasks,
       (select count(*) from public.partner_tasks t join public.organizations o on o.id = t.org_id
         where t.partner_id = $1 and t.status in ('todo', 'in_progress') and t.due_date < (now() at time zone o.time_zone)::date)::int as overdue_tasks`,
    [partnerId],
  );
  return row!;
}

async function stored(partnerId: string) {
  const [row] = await sql(`select ${COLUMNS.join(", ")} from public.partner_stats where partner_id = $1`, [partnerId]);
  return row;
}

describe("partner_stats equals plain-SQL sums", () => {
  it("a new partner starts with a zero row", async () => {
    const partner = await createPartner(world.org.id);
    expect(await stored(partner.id as string)).toEqual(await plainSums(partner.id as string));
  });

  it("after a mix of inserts, updates and deletes through PostgREST as staff", async () => {
    const partner = await createPartner(world.org.id);
    const id = partner.id as string;
    const member = world.people.member.client;
    const manager = world.people.manager.client;

    const referrals = await member
      .from("partner_referrals")
      .insert(
        [100, 250.5, 1000, 40, 75].map((value, i) => ({
          org_id: world.org.id,
          partner_id: id,
          client_name: `Client ${i}`,
          estimated_value: value,
        })),
      )
      .select("id");
    expect(referrals.error).toBeNull();
    const [r0, r1, r2, r3, r4] = referrals.data!.map((row) => row.id as string) as [
      string,
      string,
      string,
      string,
      string,
    ];
    await member.from("partner_referrals").update({ status: "qualified" }).eq("id", r0);
    await member.from("partner_referrals").update({ status: "won", actual_value: 900 }).eq("id", r2);
    await member.from("partner_referrals").update({ status: "won" }).eq("id", r3); // won without actual: estimated counts
    await member.from("partner_referrals").update({ status: "lost" }).eq("id", r4);
    await member.from("partner_referrals").update({ estimated_value: 300 }).eq("id", r1);
    expect(await stored(id)).toEqual(await plainSums(id));

    const commissions = await manager
      .from("partner_commissions")
      .insert(
        [10, 20, 30, 40].map((amount) => ({
          org_id: world.org.id,
          partner_id: id,
          amount,
          currency: world.org.currency,
        })),
      )
      .select("id");
    expect(commissions.error).toBeNull();
    const [c0, c1, c2, c3] = commissions.data!.map((row) => row.id as string) as [string, string, string, string];
    await manager.from("partner_commissions").update({ status: "approved" }).eq("id", c0);
    await manager.from("partner_commissions").update({ status: "approved" }).eq("id", c1);
    await manager.from("partner_commissions").update({ status: "paid" }).eq("id", c1);
    await manager.from("partner_commissions").update({ status: "void" }).eq("id", c2);
    await manager.from("partner_commissions").update({ amount: 45.25 }).eq("id", c3);
    expect(await stored(id)).toEqual(await plainSums(id));

    const tasks = await member
      .from("partner_tasks")
      .insert(
        [
          { org_id: world.org.id, partner_id: id, title: "Overdue", due_date: "2020-01-01" },
          { org_id: world.org.id, partner_id: id, title: "Later", due_date: "2999-01-01" },
          { org_id: world.org.id, partner_id: id, title: "Undated" },
          { org_id: world.org.id, partner_id: id, title: "Done", status: "done", due_date: "2020-01-01" },
        ],
        { defaultToNull: false },
      )
      .select("id");
    expect(tasks.error).toBeNull();
    await member
      .from("partner_tasks")
      .update({ status: "in_progress" })
      .eq("id", tasks.data![2]!.id as string);
    expect(await stored(id)).toEqual(await plainSums(id));

    // Deletes: a referral (leads), a pending commission, a task; then a bulk statement.
    await manager.from("partner_referrals").delete().eq("id", r0);
    await manager.from("partner_commissions").delete().eq("id", c3);
    await member
      .from("partner_tasks")
      .delete()
      .eq("id", tasks.data![0]!.id as string);
    await member
      .from("partner_referrals")
      .update({ status: "in_progress" })
      .eq("partner_id", id)
      .in("status", ["submitted", "qualified"]);
    expect(await stored(id)).toEqual(await plainSums(id));
  });

  it("a referral, commission or task written by the superuser (scripts) keeps the roll-ups right too", async () => {
    const partner = await createPartner(world.org.id);
    const id = partner.id as string;
    await insertChild("partner_referrals", id, { estimated_value: 5000 });
    await insertChild("partner_commissions", id, { amount: 77, status: "approved" });
    await insertChild("partner_tasks", id, { due_date: "2021-06-01" });
    await sql("update public.partner_referrals set status = 'won' where partner_id = $1", [id]);
    expect(await stored(id)).toEqual(await plainSums(id));
    await sql("delete from public.partner_referrals where partner_id = $1", [id]);
    expect(await stored(id)).toEqual(await plainSums(id));
  });

  it("every partner of the org agrees, after all of the above", async () => {
    const partners = await sql<{ id: string }>(
      "select id from public.partners where org_id = $1 and name not like 'Statsless %'",
      [world.org.id],
    );
    for (const { id } of partners) expect(await stored(id), id).toEqual(await plainSums(id));
  });
});

describe("partner_stats under concurrent writers", () => {
  it("two transactions adding referrals to one partner at once both count", async () => {
    const partner = await createPartner(world.org.id);
    const id = partner.id as string;
    const connect = async () => {
      const client = new pg.Client({ connectionString: testEnv.dbUrl });
      await client.connect();
      await client.query("begin");
      await client.query(
        "select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)",
        [JSON.stringify({ sub: world.people.member.id, role: "authenticated" })],
      );
      return client;
    };
    const insert =
      "insert into public.partner_referrals (org_id, partner_id, client_name, estimated_value) values ($1, $2, $3, $4)";
    const a = await connect();
    const b = await connect();
    try {
      await a.query(insert, [world.org.id, id, "From A", 100]);
      const pending = b.query(insert, [world.org.id, id, "From B", 250]); // waits for a's lock on the stats row
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query("commit");
      await pending;
      await b.query("commit");
    } finally {
      await a.end();
      await b.end();
    }
    expect(await stored(id)).toMatchObject({ referrals_submitted: 2, pipeline_value: "350.00" });
    expect(await stored(id)).toEqual(await plainSums(id));
  });
});

describe("roll-up and hero-metric functions", () => {
  it("partner_rollups() returns the stored roll-ups to staff, and nothing to partner users or strangers", async () => {
    const partner = await createPartner(world.org.id);
    const id = partner.id as string;
    await insertChild("partner_referrals", id, { estimated_value: 123 });
    const staff = await world.people.viewer.client.rpc("partner_rollups", { p_partner_id: id });
    expect(staff.error).toBeNull();
    expect(staff.data).toHaveLength(1);
    expect(staff.data[0]).toMatchObject({
      partner_id: id,
      referrals_submitted: 1,
      pipeline_value: 123,
      currency: world.org.currency,
    });
    for (const name of ["partner", "stranger"] as const) {
      const result = await world.people[name].client.rpc("partner_rollups", { p_partner_id: world.partners.granted });
      expect(result.data ?? [], name).toEqual([]);
    }
  });

  it("partner_directory_metrics() equals plain SQL over the org's live partners, with and without a filter", async () => {
    for (const filter of [{}, { p_status: ["active"] }, { p_tier: ["silver", "gold"] }, { p_include_archived: true }]) {
      const result = await world.people.viewer.client.rpc("partner_directory_metrics", {
        p_org_id: world.org.id,
        ...filter,
      });
      expect(result.error).toBeNull();
      const status = "p_status" in filter ? filter.p_status : null;
      const tier = "p_tier" in filter ? filter.p_tier : null;
      const archived = "p_include_archived" in filter;
      const [expected] = await sql(
        `select count(*) filter (where p.status = 'active')::int as active_partners,
                coalesce(sum(r.pipeline), 0)::float8 as pipeline_value,
                coalesce(sum(c.owed), 0)::float8 as owed_commission
         from public.partners p
         left join lateral (select sum(estimated_value) as pipeline from public.partner_referrals
                            where partner_id = p.id and status in ('submitted', 'qualified', 'in_progress')) r on true
         left join lateral (select sum(amount) as owed from public.partner_commissions
                            where partner_id = p.id and status in ('pending', 'approved')) c on true
         where p.org_id = $1 and ($2::text[] is null or p.status = any ($2)) and ($3::text[] is null or p.tier = any ($3))
           and ($4 or p.archived_at is null)`,
        [world.org.id, status, tier, archived],
      );
      expect(result.data, JSON.stringify(filter)).toHaveLength(1);
      expect(result.data[0], JSON.stringify(filter)).toMatchObject(expected!);
    }
  });
});
