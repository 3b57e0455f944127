import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { readRow, token } from "./support/rows";
import { PERSONAS, createAuthUser, createPartnerUser, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("partner-users");
});

const OURS = ["ours"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "partner_users",
  arrangeSelect: async (w) => ({
    ours: { id: (await createPartnerUser(w.org.id, "listed")).id },
    foreign: { id: (await createPartnerUser(w.otherOrg.id, "foreign")).id },
  }),
  arrangeTarget: async (w) =>
    (await readRow("partner_users", { id: (await createPartnerUser(w.org.id, "target")).id }))!,
  insertValues: async (w) => {
    const email = `invited-${token()}@partner.test`;
    return { id: await createAuthUser(email, "Invited"), org_id: w.org.id, email, name: "Invited" };
  },
  patch: () => ({ is_active: false }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [OURS,    ok,    ok,    no],
    manager:            [OURS,    ok,    ok,    no],
    member:             [OURS,    no,    no,    no],
    viewer:             [OURS,    no,    no,    no],
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

describe("partner_users: a partner user's own row", () => {
  for (const name of PERSONAS.filter((persona) => persona.startsWith("partner") && persona !== "partnerInactive")) {
    it(`${name} reads their own row through portal_me() and cannot reactivate, rename or delete it`, async () => {
      const persona = world.people[name];
      // The table itself gives partner users nothing (its row names who invited them).
      const direct = await persona.client.from("partner_users").select("id").eq("id", persona.id);
      expect(direct.data).toEqual([]);
      const own = await persona.client.rpc("portal_me");
      expect(own.data).toEqual([
        { id: persona.id, name: `${name} partner user`, email: persona.email, is_active: true },
      ]);
      const before = await readRow("partner_users", { id: persona.id });
      const renamed = await persona.client
        .from("partner_users")
        .update({ name: "Me" }, { count: "exact" })
        .eq("id", persona.id);
      if (renamed.error) expect(renamed.error.code).toBe("42501");
      else expect(renamed.count).toBe(0);
      expect(await readRow("partner_users", { id: persona.id })).toEqual(before);
    });
  }

  it("an inactive partner user cannot reactivate themselves", async () => {
    const persona = world.people.partnerInactive;
    const result = await persona.client
      .from("partner_users")
      .update({ is_active: true }, { count: "exact" })
      .eq("id", persona.id);
    if (result.error) expect(result.error.code).toBe("42501");
    else expect(result.count).toBe(0);
    expect(await readRow("partner_users", { id: persona.id })).toMatchObject({ is_active: false });
  });
});

describe("partner_users: rules beyond the matrix", () => {
  it("deactivation stamps deactivated_at; reactivation clears it", async () => {
    const { id } = await createPartnerUser(world.org.id, "cycle");
    await world.people.manager.client.from("partner_users").update({ is_active: false }).eq("id", id);
    expect((await readRow("partner_users", { id }))?.deactivated_at).not.toBeNull();
    await world.people.manager.client.from("partner_users").update({ is_active: true }).eq("id", id);
    expect(await readRow("partner_users", { id })).toMatchObject({ is_active: true, deactivated_at: null });
  });

  it("a lead cannot make a staff member a partner user", async () => {
    const result = await world.people.admin.client
      .from("partner_users")
      .insert({ id: world.people.viewer.id, org_id: world.org.id, email: world.people.viewer.email });
    expect(result.error?.code).toBe("23P01");
    expect(await readRow("partner_users", { id: world.people.viewer.id })).toBeUndefined();
  });

  it("a lead cannot invite into another org", async () => {
    const email = `elsewhere-${token()}@partner.test`;
    const id = await createAuthUser(email, "Elsewhere");
    const result = await world.people.admin.client
      .from("partner_users")
      .insert({ id, org_id: world.otherOrg.id, email });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partner_users", { id })).toBeUndefined();
  });

  it("partner users are never deleted, not even by the service role; erasing the auth user takes them", async () => {
    const { id } = await createPartnerUser(world.org.id, "erased");
    const service = await world.service.from("partner_users").delete().eq("id", id);
    expect(service.error?.code).toBe("42501");
    expect(await readRow("partner_users", { id })).toBeDefined();
    await sql("delete from auth.users where id = $1", [id]);
    expect(await readRow("partner_users", { id })).toBeUndefined();
  });
});
