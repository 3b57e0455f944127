import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_EVENT_TYPES } from "../../lib/activity/constants";
import { NOTIFICATION_EVENT_TYPES } from "../../lib/notifications/event-types";
import { holdJobRunner, sql } from "../support/db";
import { testEnv } from "../support/env";
import { DENIED, NONE, no, ok, runMatrix } from "./support/matrix";
import { insertChild } from "./support/partner-rows";
import { insertRow, token } from "./support/rows";
import { createPartner, createWorld, type Persona, type World } from "./support/world";
import { drainOutbox } from "./support/outbox";

let world: World;
// The runner is global: one file drives it at a time.
const runner = holdJobRunner();
beforeAll(runner.take, 180_000);
afterAll(runner.release);

beforeAll(async () => {
  world = await createWorld("notify");
});

function orgOf(w: World, persona: Persona): string {
  return persona.name === "stranger" || persona.name === "strangerPartner" ? w.otherOrg.id : w.org.id;
}

async function notificationFor(orgId: string, userId: string, audience: "staff" | "partner") {
  return insertRow("notifications", {
    org_id: orgId,
    user_id: userId,
    audience,
    event_type: "referral.won",
    batch_key: `test:${token()}`,
    // no outbox event has id 0: these rows are the test's own, whatever the runner writes meanwhile
    first_event_id: 0,
  });
}

/** A notification of the persona's own (anon has none: it gets the admin's). */
function ownNotification(w: World, persona: Persona) {
  if (persona.kind === "anon") return notificationFor(w.org.id, w.people.admin.id, "staff");
  return notificationFor(orgOf(w, persona), persona.id, persona.kind === "partner" ? "partner" : "staff");
}

const OWN = ["own"];

// Written only by the runner; the person reads, marks read and dismisses their own, while
// they still belong to the organization (an inactive partner user reads none).
runMatrix(() => world, {
  table: "notifications",
  arrangeSelect: async (w, persona) => ({
    own: await ownNotification(w, persona),
    colleague: await notificationFor(
      w.org.id,
      persona.id === w.people.viewer.id ? w.people.admin.id : w.people.viewer.id,
      "staff",
    ),
    partner: await notificationFor(
      w.org.id,
      persona.id === w.people.partnerReferrals.id ? w.people.partner.id : w.people.partnerReferrals.id,
      "partner",
    ),
  }),
  arrangeTarget: (w, persona) => ownNotification(w, persona),
  insertValues: async (w, persona) => ({
    id: crypto.randomUUID(),
    org_id: orgOf(w, persona),
    user_id: persona.id || w.people.admin.id,
    audience: "staff",
    event_type: "referral.won",
    batch_key: `forged:${token()}`,
    first_event_id: 0,
  }),
  patch: () => ({ read_at: new Date().toISOString() }),
  scope: () => ({ first_event_id: 0 }),
  // prettier-ignore
  cells: {
    //                 select insert update delete
    admin:              [OWN,  no,    ok,    ok],
    manager:            [OWN,  no,    ok,    ok],
    member:             [OWN,  no,    ok,    ok],
    viewer:             [OWN,  no,    ok,    ok],
    stranger:           [OWN,  no,    ok,    ok],
    partner:            [OWN,  no,    ok,    ok],
    partnerOverview:    [OWN,  no,    ok,    ok],
    partnerReferrals:   [OWN,  no,    ok,    ok],
    partnerCommissions: [OWN,  no,    ok,    ok],
    partnerDocuments:   [OWN,  no,    ok,    ok],
    partnerTraining:    [OWN,  no,    ok,    ok],
    partnerActivity:    [OWN,  no,    ok,    ok],
    partnerFuture:      [OWN,  no,    ok,    ok],
    partnerEnded:       [OWN,  no,    ok,    ok],
    partnerRevoked:     [OWN,  no,    ok,    ok],
    partnerInactive:    [NONE, no,    no,    no],
    strangerPartner:    [OWN,  no,    ok,    ok],
    anon:               [NONE, no,    no,    no],
  },
});

describe("notifications: only the read mark is the person's to change", () => {
  it("refuses a recipient rewriting what the notification says or whom it is for", async () => {
    const own = await notificationFor(world.org.id, world.people.member.id, "staff");
    const forged = await world.people.member.client
      .from("notifications")
      .update({ event_type: "commission.paid", user_id: world.people.admin.id })
      .eq("id", own.id as string);
    expect(forged.error?.code).toBe(DENIED);
    const [after] = await sql("select event_type, user_id from public.notifications where id = $1", [own.id]);
    expect(after).toEqual({ event_type: "referral.won", user_id: world.people.member.id });
  });
});

type OutboxRow = {
  id: string;
  event_type: string;
  batch_id: string;
  activity_id: string | null;
  processed_at: Date | null;
};

async function outboxFor(sourceId: string): Promise<OutboxRow[]> {
  return sql<OutboxRow>(
    "select id, event_type, batch_id, activity_id, processed_at from private.outbox_events where source_id = $1 order by id",
    [sourceId],
  );
}

const drain = () => drainOutbox(world.service);

async function notificationsOf(userId: string, eventType?: string) {
  return sql<{ id: string; event_type: string; event_count: number; source_id: string | null }>(
    `select id, event_type, event_count, source_id from public.notifications
      where user_id = $1 and ($2::text is null or event_type = $2) order by created_at`,
    [userId, eventType ?? null],
  );
}

describe("the outbox: nobody reaches it through the API", () => {
  it("grants no API role anything on the outbox table", async () => {
    const rows = await sql<{ role: string; any: boolean }>(
      `select r.role, (has_table_privilege(r.role, 'private.outbox_events', 'select')
                    or has_table_privilege(r.role, 'private.outbox_events', 'insert')
                    or has_table_privilege(r.role, 'private.outbox_events', 'update')
                    or has_table_privilege(r.role, 'private.outbox_events', 'delete')
                    or has_table_privilege(r.role, 'private.outbox_events', 'truncate')) as any
         from unnest(array['anon', 'authenticated', 'service_role']) as r(role)`,
    );
    expect(rows).toEqual([
      { role: "anon", any: false },
      { role: "authenticated", any: false },
      { role: "service_role", any: false },
    ]);
  });

  it("does not serve the private schema to anyone, the service role included", async () => {
    for (const client of [
      world.people.admin.client,
      world.people.partner.client,
      world.people.anon.client,
      world.service,
    ]) {
      const read = await client.schema("private").from("outbox_events").select("id").limit(1);
      expect(read.error?.code).toBe("PGRST106");
      const write = await client.schema("private").from("outbox_events").insert({ event_type: "referral.won" });
      expect(write.error?.code).toBe("PGRST106");
    }
  });

  it("lets only the service role run the runner's functions", async () => {
    for (const persona of [world.people.admin, world.people.partner, world.people.anon]) {
      for (const fn of ["jobs_fan_out", "jobs_sweep"] as const) {
        const { error } = await persona.client.rpc(fn);
        expect(error?.code, `${persona.name} ${fn}`).toBe(DENIED);
      }
    }
    const allowed = await world.service.rpc("jobs_sweep");
    expect(allowed.error).toBeNull();
  });
});

describe("the outbox: one event per change, in the change's transaction", () => {
  it("writes one event for a referral won through the API, with its timeline row", async () => {
    const referral = await insertChild("partner_referrals", world.partners.sibling);
    const before = await outboxFor(referral.id as string);
    expect(before.map((row) => row.event_type)).toEqual(["referral.created"]);
    const won = await world.people.member.client
      .from("partner_referrals")
      .update({ status: "won", actual_value: 500, closed_at: new Date().toISOString() })
      .eq("id", referral.id as string);
    expect(won.error).toBeNull();
    const after = await outboxFor(referral.id as string);
    expect(after.map((row) => row.event_type)).toEqual(["referral.created", "referral.won"]);
    const [timeline] = await sql<{ id: string }>(
      "select id from public.partner_activity_log where source_id = $1 and event_type = 'referral.won'",
      [referral.id],
    );
    expect(after[1]!.activity_id).toBe(timeline!.id);
  });

  it("writes nothing for a change that is rolled back", async () => {
    const referral = await insertChild("partner_referrals", world.partners.sibling);
    const client = new pg.Client({ connectionString: testEnv.adminDbUrl });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("update public.partner_referrals set status = 'lost', closed_at = now() where id = $1", [
        referral.id,
      ]);
      const inside = await client.query("select count(*)::int as n from private.outbox_events where source_id = $1", [
        referral.id,
      ]);
      expect(inside.rows[0].n).toBe(2);
      await client.query("rollback");
    } finally {
      await client.end();
    }
    expect((await outboxFor(referral.id as string)).map((row) => row.event_type)).toEqual(["referral.created"]);
  });

  it("writes one event per row of a bulk change, all in one batch", async () => {
    const partners = await Promise.all(
      [1, 2, 3].map(() => createPartner(world.org.id, { owner_id: world.people.manager.id })),
    );
    const ids = partners.map((p) => p.id as string);
    const changed = await world.people.member.client.from("partners").update({ status: "paused" }).in("id", ids);
    expect(changed.error).toBeNull();
    const rows = (await Promise.all(ids.map(outboxFor)))
      .flat()
      .filter((row) => row.event_type === "partner.status_changed");
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.batch_id)).size).toBe(1);
  });

  it("keeps backfilled history out", async () => {
    const referral = await insertChild("partner_referrals", world.partners.sibling);
    await sql("delete from public.partner_activity_log where source_id = $1", [referral.id]);
    await sql("delete from private.outbox_events where source_id = $1", [referral.id]);
    await sql("select private.backfill_activity()");
    expect(await outboxFor(referral.id as string)).toEqual([]);
  });

  it("holds one list of event types: the timeline's, then the time-based and system ones", async () => {
    const [{ types }] = (await sql<{ types: string[] }>("select private.notification_event_types() as types")) as [
      { types: string[] },
    ];
    expect(types).toEqual([...NOTIFICATION_EVENT_TYPES]);
    const [{ def }] = (await sql<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'public.partner_activity_log'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%event_type%'`,
    )) as [{ def: string }];
    const timeline = [...def.matchAll(/'([a-z_]+\.[a-z_]+)'/g)].map((match) => match[1]);
    expect(timeline).toEqual([...ACTIVITY_EVENT_TYPES]);
    expect(types.slice(0, timeline.length)).toEqual(timeline);
  });
});

describe("the runner: who hears what, exactly once", () => {
  it("tells the partner's owner of a referral won, and not the person who marked it", async () => {
    await drain();
    const referral = await insertChild("partner_referrals", world.partners.sibling);
    await world.people.member.client
      .from("partner_referrals")
      .update({ status: "won", actual_value: 900, closed_at: new Date().toISOString() })
      .eq("id", referral.id as string);
    await drain();
    const owner = await notificationsOf(world.people.manager.id, "referral.won");
    expect(owner.filter((n) => n.source_id === referral.id)).toHaveLength(1);
    expect(
      (await notificationsOf(world.people.member.id, "referral.won")).filter((n) => n.source_id === referral.id),
    ).toEqual([]);
    const seen = await world.people.manager.client
      .from("notifications")
      .select("id, event_type")
      .eq("source_id", referral.id as string);
    expect(seen.data).toHaveLength(2); // referral.created and referral.won
  });

  it("tells partner users a commission was approved only through a commissions grant in force", async () => {
    await drain();
    const commission = await insertChild("partner_commissions", world.partners.granted);
    await world.people.manager.client
      .from("partner_commissions")
      .update({ status: "approved" })
      .eq("id", commission.id as string);
    await drain();
    const heard = await sql<{ user_id: string }>(
      "select user_id from public.notifications where source_id = $1 and event_type = 'commission.approved'",
      [commission.id],
    );
    expect(heard.map((row) => row.user_id).sort()).toEqual(
      [world.people.partner.id, world.people.partnerCommissions.id].sort(),
    );
    // and each sees only their own
    const partnerSees = await world.people.partner.client.from("notifications").select("user_id");
    expect(new Set((partnerSees.data ?? []).map((row) => row.user_id))).toEqual(new Set([world.people.partner.id]));
    const referralsSees = await world.people.partnerReferrals.client
      .from("notifications")
      .select("id")
      .eq("source_id", commission.id as string);
    expect(referralsSees.data).toEqual([]);
  });

  it("merges a bulk change into one notification per recipient and batch", async () => {
    await drain();
    const partners = await Promise.all(
      [1, 2, 3, 4].map(() => createPartner(world.org.id, { owner_id: world.people.viewer.id })),
    );
    await world.people.member.client
      .from("partners")
      .update({ tier: "gold" })
      .in(
        "id",
        partners.map((p) => p.id as string),
      );
    await drain();
    const merged = await notificationsOf(world.people.viewer.id, "partner.tier_changed");
    expect(merged.map((n) => n.event_count)).toEqual([4]);
  });

  it("honours a person's choice of off", async () => {
    await drain();
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: world.people.admin.id,
      event_type: "referral.lost",
      delivery: "off",
    });
    const partner = await createPartner(world.org.id, { owner_id: world.people.admin.id });
    const referral = await insertChild("partner_referrals", partner.id as string);
    await world.people.member.client
      .from("partner_referrals")
      .update({ status: "lost", closed_at: new Date().toISOString() })
      .eq("id", referral.id as string);
    await drain();
    expect(await notificationsOf(world.people.admin.id, "referral.lost")).toEqual([]);
    expect(await notificationsOf(world.people.admin.id, "referral.created")).not.toEqual([]);
  });

  it("a runner killed mid-batch leaves nothing written and nothing lost; the next run writes each once", async () => {
    await drain();
    const partner = await createPartner(world.org.id, { owner_id: world.people.manager.id });
    const referrals = [];
    for (let i = 0; i < 12; i++) referrals.push(await insertChild("partner_referrals", partner.id as string));
    const ids = referrals.map((r) => r.id as string);
    const countMine = async () =>
      Number(
        (
          await sql<{ n: string }>(
            "select count(*) as n from public.notifications where user_id = $1 and source_id = any ($2::uuid[])",
            [world.people.manager.id, ids],
          )
        )[0]!.n,
      );

    // Runner A claims everything waiting and writes the notifications, but dies before committing.
    const runnerA = new pg.Client({ connectionString: testEnv.adminDbUrl });
    await runnerA.connect();
    runnerA.on("error", () => {});
    await runnerA.query("begin");
    await runnerA.query("set local role service_role");
    const claimed = await runnerA.query("select public.jobs_fan_out(5000) as r");
    expect(claimed.rows[0].r.events).toBeGreaterThanOrEqual(12);
    const written = await runnerA.query(
      "select count(*)::int as n from public.notifications where user_id = $1 and source_id = any ($2::uuid[])",
      [world.people.manager.id, ids],
    );
    expect(written.rows[0].n).toBe(12);

    // Runner B, meanwhile, skips what A holds.
    const meanwhile = await world.service.rpc("jobs_fan_out", { p_limit: 5000 });
    expect(meanwhile.error).toBeNull();
    expect(await countMine()).toBe(0);

    const [{ pid }] = (await runnerA.query("select pg_backend_pid() as pid")).rows as [{ pid: number }];
    await sql("select pg_terminate_backend($1)", [pid]);
    await runnerA.end().catch(() => {});
    expect(await countMine()).toBe(0);
    const waiting = await sql<{ n: string }>(
      "select count(*) as n from private.outbox_events where source_id = any ($1::uuid[]) and processed_at is null",
      [ids],
    );
    expect(Number(waiting[0]!.n)).toBe(12);

    await drain();
    expect(await countMine()).toBe(12);
    await drain();
    expect(await countMine()).toBe(12);
  });
});

describe("the sweep: time-based events, once however often it runs", () => {
  it("writes a commission due in 2 days once, for the leads", async () => {
    await drain();
    const commission = await insertChild("partner_commissions", world.partners.sibling, {
      due_at: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(),
    });
    await world.service.rpc("jobs_sweep");
    await world.service.rpc("jobs_sweep");
    expect((await outboxFor(commission.id as string)).map((row) => row.event_type)).toEqual([
      "commission.created",
      "commission.due_soon",
    ]);
    await drain();
    const heard = await sql<{ user_id: string }>(
      "select user_id from public.notifications where source_id = $1 and event_type = 'commission.due_soon'",
      [commission.id],
    );
    expect(heard.map((row) => row.user_id).sort()).toEqual([world.people.admin.id, world.people.manager.id].sort());

    // Once the date has passed, it is overdue: one more event, once.
    await sql("select private.sweep_due_events(now() + interval '3 days')");
    await sql("select private.sweep_due_events(now() + interval '3 days')");
    expect((await outboxFor(commission.id as string)).map((row) => row.event_type)).toEqual([
      "commission.created",
      "commission.due_soon",
      "commission.overdue",
    ]);
  });

  it("tells a partner user their grant ends within 7 days", async () => {
    await drain();
    const grant = await sql<{ id: string }>(
      "update public.partner_access set ends_at = now() + interval '5 days' where partner_user_id = $1 returning id",
      [world.people.partnerDocuments.id],
    );
    await world.service.rpc("jobs_sweep");
    await drain();
    const heard = await sql<{ user_id: string; audience: string }>(
      "select user_id, audience from public.notifications where source_id = $1 and event_type = 'grant.ending' order by audience",
      [grant[0]!.id],
    );
    expect(heard.filter((row) => row.audience === "partner")).toEqual([
      { user_id: world.people.partnerDocuments.id, audience: "partner" },
    ]);
    expect(
      heard
        .filter((row) => row.audience === "staff")
        .map((row) => row.user_id)
        .sort(),
    ).toEqual([world.people.admin.id, world.people.manager.id].sort());
  });
});
