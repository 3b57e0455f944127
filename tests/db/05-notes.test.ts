import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement, insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("notes");
});

const ORG = ["granted", "sibling"];
const FOREIGN = ["foreign"];

// Internal notes: staff only, whatever a partner user's scope. The target note is the member's.
const arrangement = childArrangement("partner_notes", { patch: { body: "Edited by someone" } });
runMatrix(() => world, {
  ...arrangement,
  arrangeTarget: (w) => insertChild("partner_notes", w.partners.granted, { author_id: w.people.member.id }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    no,    ok],
    manager:            [ORG,     ok,    no,    ok],
    member:             [ORG,     ok,    ok,    ok],
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

describe("partner_notes: authorship", () => {
  it("the author is the caller, whatever the client sends", async () => {
    const result = await world.people.manager.client
      .from("partner_notes")
      .insert({ org_id: world.org.id, partner_id: world.partners.granted, body: "Who wrote me?" })
      .select("id, author_id")
      .single();
    expect(result.error).toBeNull();
    expect(result.data?.author_id).toBe(world.people.manager.id);
    const forged = await world.people.manager.client.from("partner_notes").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      body: "Forged",
      author_id: world.people.member.id,
    });
    expect(forged.error?.code).toBe("42501");
  });

  it("an editor cannot attach a note to a partner of another org, nor mismatch org and partner", async () => {
    for (const values of [
      { org_id: world.otherOrg.id, partner_id: world.partners.foreign, body: "Smuggled" },
      { org_id: world.org.id, partner_id: world.partners.foreign, body: "Mismatched" },
      { org_id: world.otherOrg.id, partner_id: world.partners.granted, body: "Mismatched" },
    ]) {
      const result = await world.people.member.client.from("partner_notes").insert(values);
      expect(["42501", "23503"], JSON.stringify(result.error)).toContain(result.error?.code);
      expect(await readRow("partner_notes", { body: values.body, partner_id: values.partner_id })).toBeUndefined();
    }
  });
});
