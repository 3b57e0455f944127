import { beforeAll, describe, expect, it } from "vitest";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { childArrangement, insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("commissions");
});

const ORG = ["granted", "sibling"];
const GRANTED = ["granted"];
const FOREIGN = ["foreign"];

// The target is a pending commission; the update is its legal next step (approve).
runMatrix(() => world, {
  ...childArrangement("partner_commissions", { patch: { status: "approved" } }),
  // Partner users read through portal_commission_rows() (partner-safe columns); the table gives them nothing.
  partnerReads: "portal_commission_rows",
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [ORG,     ok,    ok,    ok],
    manager:            [ORG,     ok,    ok,    ok],
    member:             [ORG,     no,    no,    no],
    viewer:             [ORG,     no,    no,    no],
    stranger:           [FOREIGN, no,    no,    no],
    partner:            [GRANTED, no,    no,    no],
    partnerOverview:    [NONE,    no,    no,    no],
    partnerReferrals:   [NONE,    no,    no,    no],
    partnerCommissions: [GRANTED, no,    no,    no],
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

const STATUSES = ["pending", "approved", "paid", "void"] as const;
const LEGAL = new Set(["pending>approved", "pending>void", "approved>paid", "approved>void"]);
const MOVES = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));

describe("partner_commissions: the state machine (as a lead)", () => {
  it.each(MOVES)("%s -> %s", async (from, to) => {
    const commission = await insertChild("partner_commissions", world.partners.granted, { status: from });
    const result = await world.people.manager.client
      .from("partner_commissions")
      .update({ status: to }, { count: "exact" })
      .eq("id", commission.id as string);
    const after = await readRow("partner_commissions", { id: commission.id });
    if (LEGAL.has(`${from}>${to}`)) {
      expect(result.error).toBeNull();
      expect(after).toMatchObject({ status: to });
      if (to === "paid") expect(after?.paid_at).not.toBeNull();
      if (to === "void") expect(after?.voided_at).not.toBeNull();
      if (to === "approved") expect(after?.approved_at).not.toBeNull();
    } else {
      expect(result.error?.code).toBe("23514");
      expect(after).toEqual(commission);
    }
  });

  it.each(STATUSES)("the amount of a %s commission changes only while pending", async (status) => {
    const commission = await insertChild("partner_commissions", world.partners.granted, { status });
    const result = await world.people.admin.client
      .from("partner_commissions")
      .update({ amount: 250 })
      .eq("id", commission.id as string);
    const after = await readRow("partner_commissions", { id: commission.id });
    if (status === "pending") {
      expect(result.error).toBeNull();
      expect(after?.amount).toBe("250.00");
    } else {
      expect(result.error?.code).toBe("23514");
      expect(after).toEqual(commission);
    }
  });

  it.each(STATUSES)("a %s commission can be deleted by a lead only while pending", async (status) => {
    const commission = await insertChild("partner_commissions", world.partners.granted, { status });
    const result = await world.people.admin.client
      .from("partner_commissions")
      .delete({ count: "exact" })
      .eq("id", commission.id as string);
    const after = await readRow("partner_commissions", { id: commission.id });
    if (status === "pending") {
      expect(result.error).toBeNull();
      expect(after).toBeUndefined();
    } else {
      // The delete policy only sees pending rows (zero rows); the trigger backs it up (23514).
      if (result.error) expect(result.error.code).toBe("23514");
      else expect(result.count).toBe(0);
      expect(after).toEqual(commission);
    }
  });

  it("the approved, paid and voided stamps cannot be forged on update", async () => {
    const commission = await insertChild("partner_commissions", world.partners.granted, { status: "pending" });
    const result = await world.people.admin.client
      .from("partner_commissions")
      .update({ approved_at: "2020-01-01T00:00:00Z" })
      .eq("id", commission.id as string);
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partner_commissions", { id: commission.id })).toEqual(commission);
  });
});

describe("partner_commissions: the F1 cells still write nothing", () => {
  it.each(["stranger", "partnerInactive", "strangerPartner"] as const)(
    "an insert as %s is refused and writes nothing",
    async (name) => {
      const description = `F1 probe ${crypto.randomUUID()}`;
      const result = await world.people[name].client.from("partner_commissions").insert({
        org_id: world.org.id,
        partner_id: world.partners.granted,
        amount: 10,
        currency: world.org.currency,
        description,
      });
      expect(result.error).not.toBeNull();
      expect(await readRow("partner_commissions", { description })).toBeUndefined();
    },
  );
});

describe("partner_commissions: money rules", () => {
  it("the amount must be above zero", async () => {
    for (const amount of [0, -10]) {
      const result = await world.people.admin.client
        .from("partner_commissions")
        .insert({ org_id: world.org.id, partner_id: world.partners.granted, amount, currency: world.org.currency });
      expect(result.error?.code).toBe("23514");
    }
  });

  it("the currency must be the org's", async () => {
    const result = await world.people.admin.client
      .from("partner_commissions")
      .insert({ org_id: world.org.id, partner_id: world.partners.granted, amount: 10, currency: "JPY" });
    expect(result.error?.code).toBe("23514");
  });

  it("the referral, when given, is one of the same partner's", async () => {
    const referral = await insertChild("partner_referrals", world.partners.sibling);
    const result = await world.people.admin.client.from("partner_commissions").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      referral_id: referral.id,
      amount: 10,
      currency: world.org.currency,
    });
    expect(result.error?.code).toBe("23503");
  });

  it("the org's currency cannot change under existing commissions", async () => {
    await insertChild("partner_commissions", world.partners.granted);
    const result = await world.people.admin.client
      .from("organizations")
      .update({ currency: "USD" })
      .eq("id", world.org.id);
    expect(result.error?.code).toBe("23514");
    expect(await readRow("organizations", { id: world.org.id })).toMatchObject({ currency: world.org.currency });
  });
});
