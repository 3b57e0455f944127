import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement, insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("referrals");
});

const ORG = ["granted", "sibling"];
const GRANTED = ["granted"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  ...childArrangement("partner_referrals", { patch: { status: "qualified", estimated_value: "2500.00" } }),
  // Partner users read through portal_referral_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_referral_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     ok,    ok,    no],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [GRANTED, no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [GRANTED, no,    no,    no],
    partnerCommissions: [NONE,    no,    no,    no],
    partnerDocuments:   [NONE,    no,    no,    no],
    partnerTraining:    [NONE,    no,    no,    no],
    partnerActivity:    [NONE,    no,    no,    no],
    partnerFuture:      [NONE,    no,    no,    no],
    partnerEnded:       [NONE,    no,    no,    no],
    partnerRevoked:     [NONE,    no,    no,    no],
    partnerInactive:    [NONE,    no,    no,    no],
    strangerPartner:    [FOREIGN, no,    no,    no],
    anon:               [NONE,    no,    no,    no],
  },
});

describe("partner_referrals: constraints", () => {
  it.each([
    ["a negative estimated value", { estimated_value: -1 }],
    ["a negative actual value", { actual_value: -5 }],
    ["an invalid client email", { client_email: "nobody" }],
    ["an unknown status", { status: "maybe" }],
    ["closed before referred", { referred_at: "2024-02-01T00:00:00Z", closed_at: "2024-01-01T00:00:00Z" }],
  ])("refuses %s with check_violation", async (_what, values) => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const result = await world.people.member.client
      .from("partner_referrals")
      .update(values)
      .eq("id", referral.id as string);
    expect(result.error?.code).toBe("23514");
    expect(await readRow("partner_referrals", { id: referral.id })).toEqual(referral);
  });

  it("closed_at follows won and lost, and clears when reopened", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const won = await world.people.member.client
      .from("partner_referrals")
      .update({ status: "won", actual_value: 900 })
      .eq("id", referral.id as string)
      .select("closed_at")
      .single();
    expect(won.data?.closed_at).not.toBeNull();
    const reopened = await world.people.member.client
      .from("partner_referrals")
      .update({ status: "in_progress" })
      .eq("id", referral.id as string)
      .select("closed_at")
      .single();
    expect(reopened.data?.closed_at).toBeNull();
  });

  it("a referral cannot move to another partner", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const result = await world.people.admin.client
      .from("partner_referrals")
      .update({ partner_id: world.partners.sibling })
      .eq("id", referral.id as string);
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partner_referrals", { id: referral.id })).toEqual(referral);
  });
});
