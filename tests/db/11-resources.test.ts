import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { insertRow, token } from "./support/rows";
import { createWorld, grantAccess, createPartner, createPartnerUser, type World } from "./support/world";
import { clientAs } from "./support/clients";

let world: World;
beforeAll(async () => {
  world = await createWorld("resources");
});

const resource = (orgId: string, minTier: string) =>
  insertRow("partner_resources", {
    org_id: orgId,
    title: `Resource ${token()}`,
    url: `https://example.test/${token()}`,
    min_tier: minTier,
  });

// The granted partner is silver, its (ungranted) sibling platinum: a partner user sees
// resources at or below silver; staff see the whole library of their org.
const ORG = ["registered", "silver", "gold"];
const UP_TO_SILVER = ["registered", "silver"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "partner_resources",
  arrangeSelect: async (w) => ({
    registered: await resource(w.org.id, "registered"),
    silver: await resource(w.org.id, "silver"),
    gold: await resource(w.org.id, "gold"),
    foreign: await resource(w.otherOrg.id, "registered"),
  }),
  arrangeTarget: (w) => resource(w.org.id, "registered"),
  insertValues: async (w) => ({
    id: randomUUID(),
    org_id: w.org.id,
    title: `New ${token()}`,
    url: "https://example.test/new",
    min_tier: "gold",
  }),
  patch: () => ({ title: "Renamed resource", min_tier: "platinum" }),
  // Partner users read through portal_resource_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_resource_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select         insert update delete
    admin:              [ORG,           ok,    ok,    ok],
    manager:            [ORG,           ok,    ok,    ok],
    member:             [ORG,           no,    no,    no],
    viewer:             [ORG,           no,    no,    no],
    stranger:           [FOREIGN,       no,    no,    no],
    partner:            [UP_TO_SILVER,  no,    no,    no],
    partnerOverview:    [UP_TO_SILVER,  no,    no,    no],
    partnerReferrals:   [UP_TO_SILVER,  no,    no,    no],
    partnerCommissions: [UP_TO_SILVER,  no,    no,    no],
    partnerDocuments:   [UP_TO_SILVER,  no,    no,    no],
    partnerTraining:    [UP_TO_SILVER,  no,    no,    no],
    partnerActivity:    [UP_TO_SILVER,  no,    no,    no],
    partnerFuture:      [NONE,          no,    no,    no],
    partnerEnded:       [NONE,          no,    no,    no],
    partnerRevoked:     [NONE,          no,    no,    no],
    partnerInactive:    [NONE,          no,    no,    no],
    strangerPartner:    [FOREIGN,       no,    no,    no],
    anon:               [NONE,          no,    no,    no],
  },
});

describe("partner_resources: tiers", () => {
  it("a partner user with several partners sees up to the highest tier in force", async () => {
    const gold = await createPartner(world.org.id, { tier: "gold" });
    const { id } = await createPartnerUser(world.org.id, "msp");
    await grantAccess(id, world.partners.granted, { scope: [] });
    await grantAccess(id, gold.id as string, { scope: [] });
    const rows = {
      silver: await resource(world.org.id, "silver"),
      gold: await resource(world.org.id, "gold"),
      platinum: await resource(world.org.id, "platinum"),
    };
    const client = await clientAs(id);
    const seen = await client
      .rpc("portal_resource_rows")
      .select("id")
      .in(
        "id",
        Object.values(rows).map((row) => row.id as string),
      );
    expect(new Set((seen.data as { id: string }[] | null)?.map((row) => row.id))).toEqual(
      new Set([rows.silver.id, rows.gold.id]),
    );
  });

  it("an unknown tier is refused", async () => {
    const result = await world.people.admin.client
      .from("partner_resources")
      .insert({ org_id: world.org.id, title: "Bad", url: "https://x.test", min_tier: "diamond" });
    expect(result.error?.code).toBe("23514");
  });
});
