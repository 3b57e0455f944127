import { beforeAll, describe, expect, it } from "vitest";
import { adminPool, sql } from "../support/db";
import { plain } from "./support/rows";
import { createWorld, type PersonaName, type World } from "./support/world";

/**
 * record_portal_event(p_event, p_partner_id): the one write a partner user has. It logs
 * their own portal sign-in and account switch in audit_log (actor = the partner user), for a
 * partner they hold an in-force grant on; nobody else can call it usefully, it knows two
 * event names, and what it writes is as append-only as the rest of the audit log.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld("portal-events");
});

type AuditRow = Record<string, unknown>;

/** Portal events of this file's orgs (other files make their own orgs, so counts are ours alone). */
async function portalEvents(): Promise<AuditRow[]> {
  return plain(
    await sql(
      "select * from public.audit_log where action like 'portal.%' and org_id = any ($1) order by created_at, id",
      [[world.org.id, world.otherOrg.id]],
    ),
  ) as AuditRow[];
}

async function newEvents(before: AuditRow[]): Promise<AuditRow[]> {
  const ids = new Set(before.map((row) => row.id));
  return (await portalEvents()).filter((row) => !ids.has(row.id));
}

/** Every portal event anywhere by this actor (catches a row written under some other org). */
async function eventsBy(actorId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    "select count(*)::int as n from public.audit_log where actor_id = $1 and action like 'portal.%'",
    [actorId],
  );
  return row!.n;
}

describe("a partner user logs their own portal events", () => {
  it("portal.sign_in without a partner: one audit row naming the partner user as actor", async () => {
    const persona = world.people.partner;
    const before = await portalEvents();
    const { error } = await persona.client.rpc("record_portal_event", { p_event: "portal.sign_in" });
    expect(error).toBeNull();
    const rows = await newEvents(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      org_id: world.org.id,
      actor_id: persona.id,
      actor_type: "partner_user",
      action: "portal.sign_in",
      resource_type: "partner_user",
      resource_id: persona.id,
      partner_id: null,
      before: null,
      after: null,
      metadata: { email: persona.email },
    });
  });

  it.each(["portal.sign_in", "portal.account_switched"])(
    "%s to the granted partner names that partner",
    async (event) => {
      const persona = world.people.partner;
      const before = await portalEvents();
      const { error } = await persona.client.rpc("record_portal_event", {
        p_event: event,
        p_partner_id: world.partners.granted,
      });
      expect(error).toBeNull();
      const rows = await newEvents(before);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        org_id: world.org.id,
        actor_id: persona.id,
        actor_type: "partner_user",
        action: event,
        partner_id: world.partners.granted,
        metadata: { email: persona.email, partner_id: world.partners.granted },
      });
    },
  );

  it.each([
    "partnerOverview",
    "partnerReferrals",
    "partnerCommissions",
    "partnerDocuments",
    "partnerTraining",
    "partnerActivity",
  ] as const)("%s (a grant in force, whatever its scope) may log a switch to the granted partner", async (name) => {
    const persona = world.people[name];
    const before = await portalEvents();
    const { error } = await persona.client.rpc("record_portal_event", {
      p_event: "portal.account_switched",
      p_partner_id: world.partners.granted,
    });
    expect(error).toBeNull();
    expect((await newEvents(before)).map((row) => [row.actor_id, row.action, row.partner_id])).toEqual([
      [persona.id, "portal.account_switched", world.partners.granted],
    ]);
  });

  it("the other org's partner user logs under their own org", async () => {
    const persona = world.people.strangerPartner;
    const before = await portalEvents();
    const { error } = await persona.client.rpc("record_portal_event", {
      p_event: "portal.account_switched",
      p_partner_id: world.partners.foreign,
    });
    expect(error).toBeNull();
    expect(await newEvents(before)).toMatchObject([
      { org_id: world.otherOrg.id, actor_id: persona.id, partner_id: world.partners.foreign },
    ]);
  });

  it.each(["partnerFuture", "partnerEnded", "partnerRevoked"] as const)(
    "%s (active, no grant in force) may still log a sign-in without a partner: the 'no access' page follows a sign-in too",
    async (name) => {
      const persona = world.people[name];
      const before = await portalEvents();
      const { error } = await persona.client.rpc("record_portal_event", { p_event: "portal.sign_in" });
      expect(error).toBeNull();
      expect(await newEvents(before)).toMatchObject([
        { actor_id: persona.id, action: "portal.sign_in", partner_id: null },
      ]);
    },
  );
});

describe("record_portal_event refuses and writes nothing", () => {
  type Case = [
    what: string,
    who: PersonaName,
    args: { p_event: string; p_partner_id?: "granted" | "sibling" | "foreign" | "missing" },
    code: string,
  ];
  const cases: Case[] = [
    [
      "a switch to another partner of the same org",
      "partner",
      { p_event: "portal.account_switched", p_partner_id: "sibling" },
      "42501",
    ],
    [
      "a sign-in naming another partner of the same org",
      "partner",
      { p_event: "portal.sign_in", p_partner_id: "sibling" },
      "42501",
    ],
    [
      "a switch to a partner of another org",
      "partner",
      { p_event: "portal.account_switched", p_partner_id: "foreign" },
      "42501",
    ],
    [
      "a switch by the other org's partner user to our partner",
      "strangerPartner",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    [
      "a switch to a partner that does not exist",
      "partner",
      { p_event: "portal.account_switched", p_partner_id: "missing" },
      "42501",
    ],
    [
      "a switch on a grant that starts tomorrow",
      "partnerFuture",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    [
      "a switch on a grant that ended",
      "partnerEnded",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    [
      "a switch on a revoked grant",
      "partnerRevoked",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    ["a sign-in by an inactive partner user", "partnerInactive", { p_event: "portal.sign_in" }, "42501"],
    [
      "a switch by an inactive partner user",
      "partnerInactive",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    ...(["admin", "manager", "member", "viewer"] as const).flatMap((who): Case[] => [
      [`a sign-in by staff (${who})`, who, { p_event: "portal.sign_in" }, "42501"],
      [
        `a switch by staff (${who}) to a partner of their org`,
        who,
        { p_event: "portal.account_switched", p_partner_id: "granted" },
        "42501",
      ],
    ]),
    ["a sign-in by the other org's admin", "stranger", { p_event: "portal.sign_in" }, "42501"],
    ["a sign-in by anon", "anon", { p_event: "portal.sign_in" }, "42501"],
    ["a switch by anon", "anon", { p_event: "portal.account_switched", p_partner_id: "granted" }, "42501"],
    ["an unknown event", "partner", { p_event: "portal.sign_out" }, "22023"],
    [
      "a business action passed off as a portal event",
      "partner",
      { p_event: "partner.updated", p_partner_id: "granted" },
      "22023",
    ],
    ["an event name in other case", "partner", { p_event: "PORTAL.SIGN_IN" }, "22023"],
    ["an event name with trailing space", "partner", { p_event: "portal.sign_in " }, "22023"],
    ["an empty event name", "partner", { p_event: "" }, "22023"],
  ];

  it.each(cases)("refuses %s (%s)", async (_what, who, args, code) => {
    const persona = world.people[who];
    const partnerId =
      args.p_partner_id === undefined
        ? undefined
        : args.p_partner_id === "missing"
          ? crypto.randomUUID()
          : world.partners[args.p_partner_id];
    const before = await portalEvents();
    const byBefore = persona.id ? await eventsBy(persona.id) : 0;
    const { error } = await persona.client.rpc("record_portal_event", {
      p_event: args.p_event,
      ...(partnerId ? { p_partner_id: partnerId } : {}),
    });
    expect(error?.code).toBe(code);
    expect(await newEvents(before)).toEqual([]);
    if (persona.id) expect(await eventsBy(persona.id)).toBe(byBefore);
  });

  it("refuses a null event name", async () => {
    const before = await portalEvents();
    const { error } = await world.people.partner.client.rpc("record_portal_event", { p_event: null });
    expect(error).not.toBeNull();
    expect(await newEvents(before)).toEqual([]);
  });

  it("takes no actor from the caller: an extra p_actor_id finds no function", async () => {
    const before = await portalEvents();
    const { error } = await world.people.partner.client.rpc("record_portal_event", {
      p_event: "portal.sign_in",
      p_actor_id: world.people.admin.id,
    });
    expect(error).not.toBeNull();
    expect(await newEvents(before)).toEqual([]);
  });
});

describe("a portal event's audit row cannot be changed afterwards", () => {
  let row: AuditRow;
  beforeAll(async () => {
    const persona = world.people.partner;
    const before = await portalEvents();
    const { error } = await persona.client.rpc("record_portal_event", {
      p_event: "portal.account_switched",
      p_partner_id: world.partners.granted,
    });
    expect(error).toBeNull();
    const written = await newEvents(before);
    expect(written).toHaveLength(1);
    row = written[0]!;
  });

  async function current(): Promise<AuditRow | undefined> {
    return (plain(await sql("select * from public.audit_log where id = $1", [row.id])) as AuditRow[])[0];
  }

  it("only the org's admin reads it: not the partner user who wrote it, nor other staff, nor the other org", async () => {
    const read = async (name: PersonaName) =>
      (
        await world.people[name].client
          .from("audit_log")
          .select("id")
          .eq("id", row.id as string)
      ).data ?? [];
    expect(await read("admin")).toEqual([{ id: row.id }]);
    for (const name of ["partner", "manager", "member", "viewer", "stranger", "strangerPartner", "anon"] as const) {
      expect(await read(name), name).toEqual([]);
    }
  });

  it.each(["partner", "admin", "manager", "strangerPartner", "anon"] as const)(
    "%s cannot update or delete it through the API",
    async (name) => {
      const client = world.people[name].client;
      const update = await client
        .from("audit_log")
        .update({ action: "portal.sign_out", actor_id: world.people.admin.id }, { count: "exact" })
        .eq("id", row.id as string);
      if (update.error) expect(update.error.code).toBe("42501");
      else expect(update.count).toBe(0);
      const remove = await client
        .from("audit_log")
        .delete({ count: "exact" })
        .eq("id", row.id as string);
      if (remove.error) expect(remove.error.code).toBe("42501");
      else expect(remove.count).toBe(0);
      expect(await current()).toEqual(row);
    },
  );

  it("the service role cannot update or delete it (42501)", async () => {
    const update = await world.service
      .from("audit_log")
      .update({ action: "portal.sign_out" })
      .eq("id", row.id as string);
    expect(update.error?.code).toBe("42501");
    const remove = await world.service
      .from("audit_log")
      .delete()
      .eq("id", row.id as string);
    expect(remove.error?.code).toBe("42501");
    expect(await current()).toEqual(row);
  });

  it("even the superuser's UPDATE, DELETE and TRUNCATE are refused by the append-only triggers", async () => {
    await expect(
      sql("update public.audit_log set action = 'portal.sign_out' where id = $1", [row.id]),
    ).rejects.toMatchObject({ code: "42501" });
    await expect(sql("delete from public.audit_log where id = $1", [row.id])).rejects.toMatchObject({ code: "42501" });
    // In a transaction that is rolled back whatever happens, so a missing trigger cannot wipe the log.
    const client = await adminPool().connect();
    try {
      await client.query("begin");
      await expect(client.query("truncate public.audit_log")).rejects.toMatchObject({ code: "42501" });
    } finally {
      await client.query("rollback");
      client.release();
    }
    expect(await current()).toEqual(row);
  });

  it("calling the function again adds a new row and leaves the first as it was", async () => {
    const before = await portalEvents();
    const { error } = await world.people.partner.client.rpc("record_portal_event", {
      p_event: "portal.account_switched",
      p_partner_id: world.partners.granted,
    });
    expect(error).toBeNull();
    expect(await newEvents(before)).toHaveLength(1);
    expect(await current()).toEqual(row);
  });
});
