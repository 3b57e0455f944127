import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { clientAs } from "./support/clients";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { insertChild } from "./support/partner-rows";
import { readRow } from "./support/rows";
import { SCOPES, createPartnerUser, createWorld, grantAccess, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("access");
});

const OURS = ["ours"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "partner_access",
  arrangeSelect: async (w) => ({
    ours: await grantAccess((await createPartnerUser(w.org.id, "listed")).id, w.partners.granted, { scope: SCOPES }),
    foreign: await grantAccess((await createPartnerUser(w.otherOrg.id, "foreign")).id, w.partners.foreign, {
      scope: SCOPES,
    }),
  }),
  arrangeTarget: async (w) =>
    grantAccess((await createPartnerUser(w.org.id, "target")).id, w.partners.granted, { scope: SCOPES }),
  insertValues: async (w) => ({
    org_id: w.org.id,
    partner_id: w.partners.granted,
    partner_user_id: (await createPartnerUser(w.org.id, "grantee")).id,
    scope: ["referrals"],
  }),
  findInserted: (values) => ({ partner_user_id: values.partner_user_id, partner_id: values.partner_id }),
  patch: () => ({ scope: ["documents", "training"], ends_at: "2099-01-01T00:00:00.000Z" }),
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

describe("partner_access: a partner user's own grants", () => {
  // A grant out of force gives nothing, its own row included; the table gives partner
  // users nothing directly (its rows name the staff who granted and revoked).
  it.each([
    ["partner", SCOPES],
    ["partnerReferrals", ["referrals"]],
    ["partnerFuture", null],
    ["partnerEnded", null],
    ["partnerRevoked", null],
  ] as const)(
    "%s reads their own grant through portal_accounts() while in force (%s) and cannot widen it",
    async (name, scope) => {
      const persona = world.people[name];
      const direct = await persona.client.from("partner_access").select("id").eq("partner_user_id", persona.id);
      expect(direct.data).toEqual([]);
      const own = await persona.client.rpc("portal_accounts");
      const [partner] = await sql<{ name: string }>("select name from public.partners where id = $1", [
        world.partners.granted,
      ]);
      expect(own.data).toEqual(
        scope ? [{ partner_id: world.partners.granted, name: partner!.name, scope: [...scope] }] : [],
      );
      const before = await readRow("partner_access", { partner_user_id: persona.id });
      const widened = await persona.client
        .from("partner_access")
        .update({ scope: SCOPES, ends_at: null, starts_at: null, revoked_at: null }, { count: "exact" })
        .eq("partner_user_id", persona.id);
      if (widened.error) expect(widened.error.code).toBe("42501");
      else expect(widened.count).toBe(0);
      expect(await readRow("partner_access", { partner_user_id: persona.id })).toEqual(before);
    },
  );

  it("a partner user cannot grant themselves another partner", async () => {
    const persona = world.people.partner;
    const result = await persona.client
      .from("partner_access")
      .insert({ org_id: world.org.id, partner_id: world.partners.sibling, partner_user_id: persona.id, scope: SCOPES });
    expect(result.error?.code).toBe("42501");
    expect(
      await readRow("partner_access", { partner_user_id: persona.id, partner_id: world.partners.sibling }),
    ).toBeUndefined();
  });
});

/** What one partner user sees of the granted partner, table by table. */
async function visibleTo(userId: string, rows: { referral: string }) {
  const client = await clientAs(userId);
  const partner = await client.rpc("portal_partners").select("id").eq("id", world.partners.granted);
  const referral = await client.rpc("portal_referral_rows").select("id").eq("id", rows.referral);
  return {
    partner: (partner.data as unknown[] | null)?.length ?? 0,
    referral: (referral.data as unknown[] | null)?.length ?? 0,
  };
}

describe("partner_access: grants at their edges, on the very next request", () => {
  const second = 1000;

  it("a window that started a second ago is in force; one that starts in a minute is not", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const started = await createPartnerUser(world.org.id, "started");
    await grantAccess(started.id, world.partners.granted, {
      scope: ["referrals"],
      startsAt: new Date(Date.now() - second),
    });
    const soon = await createPartnerUser(world.org.id, "soon");
    await grantAccess(soon.id, world.partners.granted, {
      scope: ["referrals"],
      startsAt: new Date(Date.now() + 60 * second),
    });
    expect(await visibleTo(started.id, { referral: referral.id as string })).toEqual({ partner: 1, referral: 1 });
    expect(await visibleTo(soon.id, { referral: referral.id as string })).toEqual({ partner: 0, referral: 0 });
  });

  it("starts_at is inclusive and ends_at exclusive (checked at the instant, in SQL)", async () => {
    const user = await createPartnerUser(world.org.id, "instant");
    const grant = await grantAccess(user.id, world.partners.granted, {
      scope: ["referrals"],
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2030-01-02T00:00:00Z"),
    });
    // Postgres' now() is the transaction start; pin it by checking the helper's rule on the row itself.
    const [row] = await sql<{ at_start: boolean; before_end: boolean; at_end: boolean }>(
      `select (starts_at <= timestamptz '2030-01-01T00:00:00Z') as at_start,
              (ends_at > timestamptz '2030-01-01T23:59:59.999Z') as before_end,
              (ends_at > timestamptz '2030-01-02T00:00:00Z') as at_end
       from public.partner_access where id = $1`,
      [grant.id],
    );
    expect(row).toEqual({ at_start: true, before_end: true, at_end: false });
  });

  it("revoking takes effect on the next request; restoring brings it back", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const user = await createPartnerUser(world.org.id, "revokee");
    const grant = await grantAccess(user.id, world.partners.granted, { scope: ["referrals"] });
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 1, referral: 1 });
    const revoked = await world.people.manager.client
      .from("partner_access")
      .update({ revoked_at: new Date().toISOString() })
      .eq("id", grant.id as string);
    expect(revoked.error).toBeNull();
    expect(await readRow("partner_access", { id: grant.id })).toMatchObject({ revoked_by: world.people.manager.id });
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 0, referral: 0 });
    await world.people.manager.client
      .from("partner_access")
      .update({ revoked_at: null })
      .eq("id", grant.id as string);
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 1, referral: 1 });
  });

  it("ending a window now takes effect on the next request", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const user = await createPartnerUser(world.org.id, "ending");
    const grant = await grantAccess(user.id, world.partners.granted, { scope: ["referrals"] });
    await world.people.admin.client
      .from("partner_access")
      .update({ ends_at: new Date(Date.now() - second).toISOString() })
      .eq("id", grant.id as string);
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 0, referral: 0 });
  });

  it("deactivating the user takes effect on the next request; reactivating brings it back", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const user = await createPartnerUser(world.org.id, "deactivated");
    await grantAccess(user.id, world.partners.granted, { scope: ["referrals"] });
    await world.people.admin.client.from("partner_users").update({ is_active: false }).eq("id", user.id);
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 0, referral: 0 });
    await world.people.admin.client.from("partner_users").update({ is_active: true }).eq("id", user.id);
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 1, referral: 1 });
  });

  it("narrowing the scope takes effect on the next request; the overview stays", async () => {
    const referral = await insertChild("partner_referrals", world.partners.granted);
    const user = await createPartnerUser(world.org.id, "narrowed");
    const grant = await grantAccess(user.id, world.partners.granted, { scope: ["referrals", "documents"] });
    await world.people.admin.client
      .from("partner_access")
      .update({ scope: ["documents"] })
      .eq("id", grant.id as string);
    expect(await visibleTo(user.id, { referral: referral.id as string })).toEqual({ partner: 1, referral: 0 });
  });

  it("scopes are per grant: a user with two partners sees each partner's sections by that grant alone", async () => {
    const onGranted = await insertChild("partner_referrals", world.partners.granted);
    const onSibling = await insertChild("partner_referrals", world.partners.sibling);
    const user = await createPartnerUser(world.org.id, "msp");
    await grantAccess(user.id, world.partners.granted, { scope: ["referrals"] });
    await grantAccess(user.id, world.partners.sibling, { scope: ["documents"] });
    const client = await clientAs(user.id);
    const partners = await client
      .rpc("portal_partners")
      .select("id")
      .in("id", [world.partners.granted, world.partners.sibling, world.partners.foreign]);
    expect(new Set((partners.data as { id: string }[] | null)?.map((row) => row.id))).toEqual(
      new Set([world.partners.granted, world.partners.sibling]),
    );
    const referrals = await client
      .rpc("portal_referral_rows")
      .select("id")
      .in("id", [onGranted.id as string, onSibling.id as string]);
    expect(referrals.data).toEqual([{ id: onGranted.id }]);
  });

  it("a grant is unique per user and partner", async () => {
    const user = await createPartnerUser(world.org.id, "twice");
    await grantAccess(user.id, world.partners.granted, { scope: ["referrals"] });
    const result = await world.people.admin.client
      .from("partner_access")
      .insert({ org_id: world.org.id, partner_id: world.partners.granted, partner_user_id: user.id, scope: SCOPES });
    expect(result.error?.code).toBe("23505");
  });

  it("a grant cannot pair a partner user with a partner of another org", async () => {
    const user = await createPartnerUser(world.org.id, "crossing");
    for (const org of [world.org.id, world.otherOrg.id]) {
      const result = await world.service
        .from("partner_access")
        .insert({ org_id: org, partner_id: world.partners.foreign, partner_user_id: user.id, scope: SCOPES });
      expect(result.error?.code).toBe("23503");
    }
  });

  it("an unknown scope and an inverted window are refused", async () => {
    const user = await createPartnerUser(world.org.id, "odd");
    const scope = await world.people.admin.client.from("partner_access").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      partner_user_id: user.id,
      scope: ["payouts"],
    });
    expect(scope.error?.code).toBe("23514");
    const window = await world.people.admin.client.from("partner_access").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      partner_user_id: user.id,
      starts_at: "2030-01-02T00:00:00Z",
      ends_at: "2030-01-01T00:00:00Z",
    });
    expect(window.error?.code).toBe("23514");
  });

  it("grants are never deleted, not even by the service role", async () => {
    const user = await createPartnerUser(world.org.id, "kept");
    const grant = await grantAccess(user.id, world.partners.granted, { scope: SCOPES });
    const result = await world.service
      .from("partner_access")
      .delete()
      .eq("id", grant.id as string);
    expect(result.error?.code).toBe("42501");
    expect(await readRow("partner_access", { id: grant.id })).toBeDefined();
  });
});
