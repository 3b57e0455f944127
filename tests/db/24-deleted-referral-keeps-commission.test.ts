import { beforeAll, describe, expect, it } from "vitest";
import { insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { createWorld, type World } from "./support/world";

/**
 * Leads may delete a referral; a commission already paid or voided for it stays on
 * record, unlinked. Nobody may unlink or relink a settled commission by hand.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld("referral-delete");
});

describe("deleting a referral with settled commissions", () => {
  it.each(["paid", "void"] as const)("keeps a %s commission and clears its link", async (status) => {
    const partnerId = world.partners.granted;
    const referral = await insertChild("partner_referrals", partnerId);
    const commission = await insertChild("partner_commissions", partnerId, { referral_id: referral.id, status });

    const { error } = await world.people.manager.client
      .from("partner_referrals")
      .delete()
      .eq("id", referral.id as string);
    expect(error).toBeNull();
    expect(await readRow("partner_referrals", { id: referral.id })).toBeUndefined();
    const kept = await readRow("partner_commissions", { id: commission.id });
    expect(kept).toMatchObject({ status, referral_id: null, amount: commission.amount });
  });

  it("still refuses to unlink a paid commission from a referral that exists", async () => {
    const partnerId = world.partners.granted;
    const referral = await insertChild("partner_referrals", partnerId);
    const commission = await insertChild("partner_commissions", partnerId, {
      referral_id: referral.id,
      status: "paid",
    });

    const { error, data } = await world.people.admin.client
      .from("partner_commissions")
      .update({ referral_id: null })
      .eq("id", commission.id as string)
      .select();
    expect(data ?? []).toEqual([]);
    expect(error?.code).toBe("23514");
    expect(await readRow("partner_commissions", { id: commission.id })).toMatchObject({ referral_id: referral.id });
  });
});
