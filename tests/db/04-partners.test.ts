import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { readRow, readRows, token } from "./support/rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("partners");
});

const ORG = ["granted", "sibling"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "partners",
  arrangeSelect: async (w) => ({
    granted: { id: w.partners.granted },
    sibling: { id: w.partners.sibling },
    foreign: { id: w.partners.foreign },
  }),
  // Partner users aim at the partner they can see, so a refusal is about writing, not seeing.
  arrangeTarget: async (w, persona) =>
    persona.kind === "partner"
      ? (await readRow("partners", { id: w.partners.granted }))!
      : createPartner(w.org.id, { owner_id: w.people.member.id }),
  insertValues: async (w) => ({
    org_id: w.org.id,
    name: `Inserted ${token()}`,
    status: "prospect",
    tier: "registered",
  }),
  findInserted: (values) => ({ org_id: values.org_id, name: values.name }),
  patch: (_target, w) => ({
    status: "paused",
    tier: "gold",
    owner_id: w.people.viewer.id,
    archived_at: new Date().toISOString(),
  }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     ok,    ok,    no],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    // Partner users read partners only through portal_partners() (tests/db/33-partner-columns).
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

describe("partners: rules beyond the matrix", () => {
  it("an editor cannot create a partner in another org", async () => {
    const name = `Smuggled ${token()}`;
    const result = await world.people.member.client.from("partners").insert({ org_id: world.otherOrg.id, name });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partners", { name })).toBeUndefined();
  });

  it("an editor cannot move a partner to another org", async () => {
    const partner = await createPartner(world.org.id);
    const result = await world.people.admin.client
      .from("partners")
      .update({ org_id: world.otherOrg.id })
      .eq("id", partner.id as string);
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partners", { id: partner.id })).toMatchObject({ org_id: world.org.id });
  });

  it("the owner must be staff of the partner's org: not a stranger, not a partner user", async () => {
    const partner = await createPartner(world.org.id);
    for (const owner of [world.people.stranger.id, world.people.partner.id]) {
      const result = await world.people.member.client
        .from("partners")
        .update({ owner_id: owner })
        .eq("id", partner.id as string);
      expect(result.error?.code).toBe("23503");
    }
    expect(await readRow("partners", { id: partner.id })).toMatchObject({ owner_id: null });
  });

  it("created_by is the caller, whatever the client sends; created_at cannot be forged", async () => {
    const name = `Stamped ${token()}`;
    const result = await world.people.member.client.from("partners").insert({ org_id: world.org.id, name });
    expect(result.error).toBeNull();
    const row = await readRow("partners", { name });
    expect(row).toMatchObject({ created_by: world.people.member.id });
    const forged = await world.people.member.client
      .from("partners")
      .insert({ org_id: world.org.id, name: `Forged ${token()}`, created_by: world.people.admin.id });
    expect(forged.error?.code).toBe("42501");
  });

  it("values outside the allowed lists are refused with check_violation", async () => {
    const partner = await createPartner(world.org.id);
    for (const patch of [
      { status: "gone" },
      { tier: "diamond" },
      { commission_rate: 120 },
      { primary_contact_email: "not-an-email" },
      { website: "ftp://x" },
    ]) {
      const result = await world.people.member.client
        .from("partners")
        .update(patch)
        .eq("id", partner.id as string);
      expect(result.error?.code, JSON.stringify(patch)).toBe("23514");
    }
  });

  it("archiving hides nothing from RLS: archived partners stay readable by staff and restorable", async () => {
    const partner = await createPartner(world.org.id);
    const archived = await world.people.member.client
      .from("partners")
      .update({ archived_at: new Date().toISOString() })
      .eq("id", partner.id as string)
      .select("id, archived_at");
    expect(archived.data?.[0]?.archived_at).not.toBeNull();
    const restored = await world.people.member.client
      .from("partners")
      .update({ archived_at: null })
      .eq("id", partner.id as string)
      .select("id, archived_at");
    expect(restored.data).toEqual([{ id: partner.id, archived_at: null }]);
  });

  it.each(["viewer", "partner", "stranger", "anon"] as const)(
    "import_partners() as %s writes nothing",
    async (name) => {
      const externalId = `EXT-${token()}`;
      const result = await world.people[name].client.rpc("import_partners", {
        p_org_id: world.org.id,
        p_rows: [{ external_id: externalId, name: "Imported" }],
      });
      expect(result.error?.code, JSON.stringify(result.error)).toBe("42501");
      expect(await readRow("partners", { external_id: externalId })).toBeUndefined();
    },
  );

  it("import_partners() as an editor upserts on external_id and records partner.imported, once", async () => {
    const externalId = `EXT-${token()}`;
    const first = await world.people.member.client.rpc("import_partners", {
      p_org_id: world.org.id,
      p_rows: [{ external_id: externalId, name: "Imported", tier: "gold" }],
    });
    expect(first.error).toBeNull();
    expect(first.data).toEqual([{ inserted: 1, updated: 0, unchanged: 0 }]);
    const again = await world.people.member.client.rpc("import_partners", {
      p_org_id: world.org.id,
      p_rows: [{ external_id: externalId, name: "Imported", tier: "gold" }],
    });
    expect(again.data).toEqual([{ inserted: 0, updated: 0, unchanged: 1 }]);
    const row = await readRow("partners", { external_id: externalId });
    expect(row).toMatchObject({ org_id: world.org.id, tier: "gold", created_by: world.people.member.id });
    const events = await readRows("partner_activity_log", { partner_id: row!.id });
    expect(events.map((event) => event.event_type)).toEqual(["partner.imported"]);
  });
});
