import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { NONE, no, runMatrix } from "./support/matrix";
import { readRow, token } from "./support/rows";
import { PERSONAS, createAuthUser, createPartnerUser, createStaff, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("profiles");
});

// colleague: staff of our org; owner: the granted partner's owner (our member);
// siblingOwner: the other partner's owner (our manager); partnerUser: a partner user
// of our org; foreign: the stranger (staff of the other org, owner of its partner).
const STAFF_SEES = ["colleague", "owner", "siblingOwner", "partnerUser"];
const OWNER = ["owner"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "profiles",
  arrangeSelect: async (w) => ({
    colleague: { id: (await createStaff(w.org.id, "viewer", "colleague")).id },
    owner: { id: w.people.member.id },
    siblingOwner: { id: w.people.manager.id },
    partnerUser: { id: (await createPartnerUser(w.org.id, "bystander")).id },
    foreign: { id: w.people.stranger.id },
  }),
  // Someone else's profile: nobody but its person may change it.
  arrangeTarget: async (w) =>
    (await readRow("profiles", { id: (await createStaff(w.org.id, "viewer", "target")).id }))!,
  // A profile for someone else (whose row the sign-up trigger already made, and then lost).
  insertValues: async () => {
    const id = await createAuthUser(`orphan-${token()}@staff.test`, "Orphan");
    await sql("delete from public.profiles where id = $1", [id]);
    return { id, display_name: "Not yours" };
  },
  patch: () => ({ display_name: `Renamed ${token()}` }),
  scope: (w) => ({ id: w.people.viewer.id }),
  refusedCodes: { insert: ["42501"] },
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select       insert update delete
    admin:              [STAFF_SEES, no,    no,    no],
    manager:            [STAFF_SEES, no,    no,    no],
    member:             [STAFF_SEES, no,    no,    no],
    viewer:             [STAFF_SEES, no,    no,    no],
    stranger:           [FOREIGN,    no,    no,    no],
    partner:            [OWNER,      no,    no,    no],
    partnerOverview:    [OWNER,      no,    no,    no],
    partnerReferrals:   [OWNER,      no,    no,    no],
    partnerCommissions: [OWNER,      no,    no,    no],
    partnerDocuments:   [OWNER,      no,    no,    no],
    partnerTraining:    [OWNER,      no,    no,    no],
    partnerActivity:    [OWNER,      no,    no,    no],
    partnerFuture:      [NONE,       no,    no,    no],
    partnerEnded:       [NONE,       no,    no,    no],
    partnerRevoked:     [NONE,       no,    no,    no],
    partnerInactive:    [NONE,       no,    no,    no],
    strangerPartner:    [FOREIGN,    no,    no,    no],
    anon:               [NONE,       no,    no,    no],
  },
});

describe("profiles: own row", () => {
  it("the sign-up trigger made a profile for every person, with email and display name", async () => {
    const row = await readRow("profiles", { id: world.people.viewer.id });
    expect(row).toMatchObject({ email: world.people.viewer.email, display_name: "viewer staff" });
  });

  for (const name of PERSONAS.filter((persona) => persona !== "anon")) {
    it(`${name} sees and renames their own profile, but cannot change its email or delete it`, async () => {
      const persona = world.people[name];
      const seen = await persona.client.from("profiles").select("id").eq("id", persona.id);
      expect(seen.data).toEqual([{ id: persona.id }]);

      const displayName = `Me ${token()}`;
      const renamed = await persona.client
        .from("profiles")
        .update({ display_name: displayName }, { count: "exact" })
        .eq("id", persona.id);
      expect(renamed.error).toBeNull();
      expect(renamed.count).toBe(1);
      expect(await readRow("profiles", { id: persona.id })).toMatchObject({
        display_name: displayName,
        email: persona.email,
      });

      const email = await persona.client.from("profiles").update({ email: "someone@else.test" }).eq("id", persona.id);
      expect(email.error?.code).toBe("42501");
      const removed = await persona.client.from("profiles").delete({ count: "exact" }).eq("id", persona.id);
      if (removed.error) expect(removed.error.code).toBe("42501");
      else expect(removed.count).toBe(0);
      expect(await readRow("profiles", { id: persona.id })).toMatchObject({ email: persona.email });
    });
  }

  it("a person whose profile is missing may insert their own, and only their own", async () => {
    const id = await createAuthUser(`late-${token()}@staff.test`, "Late");
    await sql("delete from public.profiles where id = $1", [id]);
    const { clientAs } = await import("./support/clients");
    const client = await clientAs(id);
    const inserted = await client.from("profiles").insert({ id, display_name: "Late comer" });
    expect(inserted.error).toBeNull();
    expect(await readRow("profiles", { id })).toMatchObject({ display_name: "Late comer" });
  });
});
