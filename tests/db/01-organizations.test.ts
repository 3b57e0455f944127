import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { createWorld, type World } from "./support/world";
import { readRow, token } from "./support/rows";

let world: World;
beforeAll(async () => {
  world = await createWorld("orgs");
});

const OURS = ["ours"];
const OTHER = ["other"];

runMatrix(() => world, {
  table: "organizations",
  arrangeSelect: async (w) => ({ ours: { id: w.org.id }, other: { id: w.otherOrg.id } }),
  arrangeTarget: async (w) => (await readRow("organizations", { id: w.org.id }))!,
  insertValues: async () => {
    const slug = `new-${token()}`;
    return { name: `New ${slug}`, slug, currency: "EUR", time_zone: "UTC" };
  },
  findInserted: (values) => ({ slug: values.slug }),
  patch: () => ({ name: `Renamed ${token()}` }),
  scope: (w) => ({ id: w.org.id }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select  insert update delete
    admin:              [OURS,  no,    ok,    no],
    manager:            [OURS,  no,    no,    no],
    member:             [OURS,  no,    no,    no],
    viewer:             [OURS,  no,    no,    no],
    stranger:           [OTHER, no,    no,    no],
    // Partner users read their org (name, currency, time zone, locale) only through
    // portal_organizations(), while a grant is in force (tests/db/33-partner-columns).
    partner:            [NONE,  no,    no,    no],
    partnerOverview:    [NONE,  no,    no,    no],
    partnerReferrals:   [NONE,  no,    no,    no],
    partnerCommissions: [NONE,  no,    no,    no],
    partnerDocuments:   [NONE,  no,    no,    no],
    partnerTraining:    [NONE,  no,    no,    no],
    partnerActivity:    [NONE,  no,    no,    no],
    partnerFuture:      [NONE,  no,    no,    no],
    partnerEnded:       [NONE,  no,    no,    no],
    partnerRevoked:     [NONE,  no,    no,    no],
    partnerInactive:    [NONE,  no,    no,    no],
    strangerPartner:    [NONE,  no,    no,    no],
    anon:               [NONE,  no,    no,    no],
  },
});

describe("organizations: rules beyond the matrix", () => {
  it("an admin cannot move the org to an unknown time zone or a malformed currency", async () => {
    const before = await readRow("organizations", { id: world.org.id });
    const zone = await world.people.admin.client
      .from("organizations")
      .update({ time_zone: "Mars/Olympus" })
      .eq("id", world.org.id);
    expect(zone.error?.code).toBe("22023");
    const currency = await world.people.admin.client
      .from("organizations")
      .update({ currency: "euro" })
      .eq("id", world.org.id);
    expect(currency.error?.code).toBe("23514");
    expect(await readRow("organizations", { id: world.org.id })).toEqual(before);
  });

  it("an admin of one org cannot rename another org, even naming it explicitly", async () => {
    const before = await readRow("organizations", { id: world.otherOrg.id });
    const result = await world.people.admin.client
      .from("organizations")
      .update({ name: "Hijacked" }, { count: "exact" })
      .eq("id", world.otherOrg.id);
    expect(result.error).toBeNull();
    expect(result.count).toBe(0);
    expect(await readRow("organizations", { id: world.otherOrg.id })).toEqual(before);
  });
});
