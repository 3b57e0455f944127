import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { NONE, no, runMatrix } from "./support/matrix";
import { insertChild } from "./support/partner-rows";
import { insertRow, readRows } from "./support/rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("activity");
});

const event = (orgId: string, partnerId: string, visible: boolean) =>
  insertRow("partner_activity_log", {
    org_id: orgId,
    partner_id: partnerId,
    event_type: "partner.status_changed",
    payload: { from: "active", to: "paused" },
    partner_visible: visible,
  });

const STAFF = ["visible", "internal", "sibling"];
const VISIBLE = ["visible"];
const FOREIGN = ["foreign"];

// Written only by triggers and add_partner_note(): nobody inserts, updates or deletes rows.
runMatrix(() => world, {
  table: "partner_activity_log",
  arrangeSelect: async (w) => ({
    visible: await event(w.org.id, w.partners.granted, true),
    internal: await event(w.org.id, w.partners.granted, false),
    sibling: await event(w.org.id, w.partners.sibling, true),
    foreign: await event(w.otherOrg.id, w.partners.foreign, true),
  }),
  arrangeTarget: (w) => event(w.org.id, w.partners.granted, true),
  insertValues: async (w) => ({
    id: crypto.randomUUID(),
    org_id: w.org.id,
    partner_id: w.partners.granted,
    event_type: "partner.created",
    partner_visible: true,
  }),
  patch: () => ({ partner_visible: false, payload: { forged: true } }),
  // Partner users read through portal_activity_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_activity_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [STAFF,   no,    no,    no],
    manager:            [STAFF,   no,    no,    no],
    member:             [STAFF,   no,    no,    no],
    viewer:             [STAFF,   no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [VISIBLE, no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [NONE,    no,    no,    no],
    partnerTraining:    [NONE,    no,    no,    no],
    partnerActivity:    [VISIBLE, no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [FOREIGN, no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});

type Event = {
  event_type: string;
  actor_id: string | null;
  partner_visible: boolean;
  payload: Record<string, unknown>;
  source_table: string | null;
  source_id: string | null;
};

async function events(partnerId: string, since?: Date): Promise<Event[]> {
  return sql<Event>(
    `select event_type, actor_id, partner_visible, payload, source_table, source_id from public.partner_activity_log
     where partner_id = $1 and created_at >= coalesce($2::timestamptz, '-infinity') order by created_at, event_type`,
    [partnerId, since ?? null],
  );
}

/** Events of a partner written after `work` ran, as "type:visible" strings. */
async function newEvents(partnerId: string, work: () => PromiseLike<unknown>): Promise<Event[]> {
  const [{ count }] = (await sql<{ count: string }>(
    "select count(*) from public.partner_activity_log where partner_id = $1",
    [partnerId],
  )) as [{ count: string }];
  await work();
  const all = await sql<Event & { n: string }>(
    `select event_type, actor_id, partner_visible, payload, source_table, source_id from public.partner_activity_log
     where partner_id = $1 order by created_at, occurred_at, event_type offset $2`,
    [partnerId, Number(count)],
  );
  return all;
}

// Keys a partner user may read in a partner-visible event's payload.
const PARTNER_SAFE_KEYS = new Set([
  "name",
  "status",
  "tier",
  "from",
  "to",
  "client_name",
  "estimated_value",
  "actual_value",
  "amount",
  "currency",
  "referral_id",
  "title",
  "document_type",
  "visibility",
  "backfilled",
]);

describe("activity triggers write exactly the expected events, once, with the actor", () => {
  it("partner created: one partner.created, partner-visible", async () => {
    const name = `Created ${crypto.randomUUID()}`;
    const result = await world.people.member.client
      .from("partners")
      .insert({ org_id: world.org.id, name })
      .select("id")
      .single();
    expect(result.error).toBeNull();
    const rows = await events(result.data!.id as string);
    expect(rows.map((row) => [row.event_type, row.partner_visible, row.actor_id])).toEqual([
      ["partner.created", true, world.people.member.id],
    ]);
    expect(rows[0]!.payload).toMatchObject({ name });
  });

  it.each([
    ["status", { status: "paused" }, [["partner.status_changed", true]]],
    ["tier", { tier: "gold" }, [["partner.tier_changed", true]]],
    ["owner", { owner_id: "viewer" }, [["partner.owner_changed", false]]],
    ["archive", { archived_at: "now" }, [["partner.archived", false]]],
    ["name only", { name: "Renamed quietly" }, []],
    [
      "status and tier at once",
      { status: "churned", tier: "platinum" },
      [
        ["partner.status_changed", true],
        ["partner.tier_changed", true],
      ],
    ],
  ] as const)("partner %s change", async (_what, patch, expected) => {
    const partner = await createPartner(world.org.id, { status: "active", tier: "silver" });
    const values = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [
        k,
        v === "viewer" ? world.people.viewer.id : v === "now" ? new Date().toISOString() : v,
      ]),
    );
    const written = await newEvents(partner.id as string, () =>
      world.people.member.client
        .from("partners")
        .update(values)
        .eq("id", partner.id as string),
    );
    expect(written.map((row) => [row.event_type, row.partner_visible]).sort()).toEqual(
      [...expected].map((e) => [...e]).sort(),
    );
    for (const row of written) expect(row.actor_id).toBe(world.people.member.id);
  });

  it("referral lifecycle: created, status_changed, won, lost, each once", async () => {
    const partner = await createPartner(world.org.id);
    const client = world.people.member.client;
    const created = await newEvents(partner.id as string, async () => {
      const r = await client
        .from("partner_referrals")
        .insert({ org_id: world.org.id, partner_id: partner.id, client_name: "Acme" })
        .select("id")
        .single();
      expect(r.error).toBeNull();
    });
    expect(created.map((row) => row.event_type)).toEqual(["referral.created"]);
    const referralId = created[0]!.source_id!;
    const moves: [string, string][] = [
      ["qualified", "referral.status_changed"],
      ["won", "referral.won"],
      ["in_progress", "referral.status_changed"],
      ["lost", "referral.lost"],
    ];
    for (const [status, expected] of moves) {
      const written = await newEvents(partner.id as string, () =>
        client.from("partner_referrals").update({ status }).eq("id", referralId),
      );
      expect(written.map((row) => [row.event_type, row.partner_visible, row.source_id])).toEqual([
        [expected, true, referralId],
      ]);
    }
    const untouched = await newEvents(partner.id as string, () =>
      client.from("partner_referrals").update({ client_name: "Acme Ltd" }).eq("id", referralId),
    );
    expect(untouched).toEqual([]);
  });

  it("commission lifecycle: created, approved, paid; another voided", async () => {
    const partner = await createPartner(world.org.id);
    const client = world.people.manager.client;
    const created = await newEvents(partner.id as string, () =>
      client
        .from("partner_commissions")
        .insert({ org_id: world.org.id, partner_id: partner.id, amount: 10, currency: world.org.currency }),
    );
    expect(created.map((row) => row.event_type)).toEqual(["commission.created"]);
    const id = created[0]!.source_id!;
    for (const [status, expected] of [
      ["approved", "commission.approved"],
      ["paid", "commission.paid"],
    ] as const) {
      const written = await newEvents(partner.id as string, () =>
        client.from("partner_commissions").update({ status }).eq("id", id),
      );
      expect(written.map((row) => [row.event_type, row.partner_visible])).toEqual([[expected, true]]);
    }
    const other = await insertChild("partner_commissions", partner.id as string);
    const voided = await newEvents(partner.id as string, () =>
      client
        .from("partner_commissions")
        .update({ status: "void" })
        .eq("id", other.id as string),
    );
    expect(voided.map((row) => row.event_type)).toEqual(["commission.voided"]);
  });

  it("task created and completed are internal events", async () => {
    const partner = await createPartner(world.org.id);
    const client = world.people.member.client;
    const created = await newEvents(partner.id as string, () =>
      client.from("partner_tasks").insert({ org_id: world.org.id, partner_id: partner.id, title: "Call" }),
    );
    expect(created.map((row) => [row.event_type, row.partner_visible])).toEqual([["task.created", false]]);
    const done = await newEvents(partner.id as string, () =>
      client.from("partner_tasks").update({ status: "done" }).eq("id", created[0]!.source_id!),
    );
    expect(done.map((row) => [row.event_type, row.partner_visible])).toEqual([["task.completed", false]]);
    const again = await newEvents(partner.id as string, () =>
      client.from("partner_tasks").update({ title: "Called" }).eq("id", created[0]!.source_id!),
    );
    expect(again).toEqual([]);
  });

  it("document.added is partner-visible exactly while the document is shared", async () => {
    const partner = await createPartner(world.org.id);
    const client = world.people.member.client;
    const added = await newEvents(partner.id as string, () =>
      client.from("partner_documents").insert({
        org_id: world.org.id,
        partner_id: partner.id,
        title: "Deck",
        url: "https://example.test/deck",
        visibility: "internal",
      }),
    );
    expect(added.map((row) => [row.event_type, row.partner_visible])).toEqual([["document.added", false]]);
    await client.from("partner_documents").update({ visibility: "shared" }).eq("id", added[0]!.source_id!);
    expect(
      (await events(partner.id as string))
        .filter((row) => row.event_type === "document.added")
        .map((row) => row.partner_visible),
    ).toEqual([true]);
  });

  it("add_partner_note() adds an internal note and one note.added, for editors only", async () => {
    const partner = await createPartner(world.org.id);
    const written = await newEvents(partner.id as string, async () => {
      const result = await world.people.member.client.rpc("add_partner_note", {
        p_partner_id: partner.id,
        p_body: "Met at the fair",
      });
      expect(result.error).toBeNull();
      expect(result.data).toMatchObject({ body: "Met at the fair", author_id: world.people.member.id });
    });
    expect(written.map((row) => [row.event_type, row.partner_visible, row.actor_id])).toEqual([
      ["note.added", false, world.people.member.id],
    ]);

    for (const name of ["viewer", "partner", "stranger", "anon"] as const) {
      const refused = await newEvents(partner.id as string, async () => {
        const result = await world.people[name].client.rpc("add_partner_note", {
          p_partner_id: partner.id,
          p_body: "Sneaky",
        });
        expect(result.error, name).not.toBeNull();
      });
      expect(refused, name).toEqual([]);
    }
  });

  it("partner-visible payloads carry only partner-safe keys", async () => {
    const rows = await sql<{ event_type: string; payload: Record<string, unknown> }>(
      "select event_type, payload from public.partner_activity_log where org_id = $1 and partner_visible",
      [world.org.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    const unsafe = rows.flatMap((row) =>
      Object.keys(row.payload)
        .filter((key) => !PARTNER_SAFE_KEYS.has(key))
        .map((key) => `${row.event_type}.${key}`),
    );
    expect([...new Set(unsafe)]).toEqual([]);
  });
});

describe("activity: a section's events follow the section's scope", () => {
  /** The creation events of one referral, one commission and one shared document on the granted partner. */
  async function sectionEvents() {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const commission = await insertChild("partner_commissions", world.partners.granted);
    const document = await insertChild("partner_documents", world.partners.granted, { visibility: "shared" });
    return { referral: referral.id as string, commission: commission.id as string, document: document.id as string };
  }

  async function seenSources(name: "partner" | "partnerActivity", ids: string[]) {
    const result = await world.people[name].client
      .rpc("portal_activity_rows")
      .select("source_id, event_type")
      .in("source_id", ids);
    expect(result.error).toBeNull();
    return new Set((result.data as { source_id: string }[]).map((row) => row.source_id));
  }

  it("with every scope, a partner user sees referral, commission and document events", async () => {
    const ids = await sectionEvents();
    expect(await seenSources("partner", Object.values(ids))).toEqual(new Set(Object.values(ids)));
  });

  // The activity scope alone must not show referral client names and values, commission
  // amounts or shared document titles, sections the grant does not include.
  it("with the activity scope alone, a partner user sees none of them", async () => {
    const ids = await sectionEvents();
    expect(await seenSources("partnerActivity", Object.values(ids))).toEqual(new Set());
  });
});

describe("activity: a partner being deleted", () => {
  it("takes its events with it and writes nothing for its children on the way out", async () => {
    const partner = await createPartner(world.org.id);
    const id = partner.id as string;
    await insertChild("partner_referrals", id);
    await insertChild("partner_commissions", id, { status: "paid" });
    await insertChild("partner_tasks", id);
    await insertChild("partner_documents", id);
    await insertChild("partner_notes", id);
    const before = await sql<{ count: string }>("select count(*) from public.audit_log where partner_id = $1", [id]);
    const result = await world.people.admin.client.from("partners").delete({ count: "exact" }).eq("id", id);
    expect(result.error).toBeNull();
    expect(result.count).toBe(1);
    expect(await readRows("partner_activity_log", { partner_id: id })).toEqual([]);
    for (const table of [
      "partner_referrals",
      "partner_commissions",
      "partner_tasks",
      "partner_documents",
      "partner_notes",
      "partner_stats",
    ]) {
      expect(await readRows(table, { partner_id: id }), table).toEqual([]);
    }
    const audit = await sql<{ action: string }>(
      "select action from public.audit_log where partner_id = $1 order by created_at offset $2",
      [id, Number(before[0]!.count)],
    );
    expect(audit.map((row) => row.action)).toEqual(["partner.deleted"]);
  });
});
