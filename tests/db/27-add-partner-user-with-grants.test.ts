import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { countRows, readRow, readRows, token } from "./support/rows";
import {
  createAuthUser,
  createPartner,
  createPartnerUser,
  createWorld,
  grantAccess,
  type World,
} from "./support/world";

/**
 * public.add_partner_user_with_grants: the invitation's partner_users row and grants,
 * written in one transaction as the signed-in staff member (security invoker), so RLS
 * decides who may and the audit names them.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld("invite-rows");
});

const grantDoc = (partnerId: string, scope: string[] = ["referrals"]) => ({
  partner_id: partnerId,
  scope,
  starts_at: null,
  ends_at: null,
});

async function freshInvitee(label: string): Promise<{ id: string; email: string }> {
  const email = `${label}-${token()}@partner.test`;
  return { id: await createAuthUser(email, label), email };
}

function call(world: World, persona: keyof World["people"], user: { id: string; email: string }, grants: unknown[]) {
  return world.people[persona].client.rpc("add_partner_user_with_grants", {
    p_user_id: user.id,
    p_org_id: world.org.id,
    p_email: user.email,
    p_name: "Invitee",
    p_grants: grants,
  });
}

describe("add_partner_user_with_grants", () => {
  for (const persona of ["admin", "manager"] as const) {
    it(`${persona} adds the partner user and every grant, and is named as the actor`, async () => {
      const invitee = await freshInvitee(persona);
      const { error } = await call(world, persona, invitee, [
        grantDoc(world.partners.granted),
        grantDoc(world.partners.sibling, ["commissions", "documents"]),
      ]);
      expect(error).toBeNull();
      const row = await readRow("partner_users", { id: invitee.id });
      expect(row).toMatchObject({ org_id: world.org.id, email: invitee.email, created_by: world.people[persona].id });
      const grants = await readRows("partner_access", { partner_user_id: invitee.id });
      expect(grants.map((grant) => [grant.partner_id, grant.scope, grant.granted_by]).sort()).toEqual(
        [
          [world.partners.granted, ["referrals"], world.people[persona].id],
          [world.partners.sibling, ["commissions", "documents"], world.people[persona].id],
        ].sort(),
      );
      const audit = await sql<{ action: string; actor_id: string }>(
        "select action, actor_id from public.audit_log where resource_type in ('partner_user', 'partner_access') and (resource_id = $1 or resource_id = any($2)) order by created_at",
        [invitee.id, grants.map((grant) => grant.id)],
      );
      expect(audit.length).toBeGreaterThanOrEqual(2);
      expect(audit.every((entry) => entry.actor_id === world.people[persona].id)).toBe(true);
    });
  }

  for (const persona of ["member", "viewer", "stranger", "partner", "anon"] as const) {
    it(`${persona} is refused and nothing is written`, async () => {
      const invitee = await freshInvitee(persona);
      const { error } = await call(world, persona, invitee, [grantDoc(world.partners.granted)]);
      expect(error?.code).toBe("42501");
      expect(await countRows("partner_users", { id: invitee.id })).toBe(0);
      expect(await countRows("partner_access", { partner_user_id: invitee.id })).toBe(0);
    });
  }

  it("writes all or nothing: a grant that fails takes the partner user row and the other grants with it", async () => {
    const invitee = await freshInvitee("atomic");
    const { error } = await call(world, "admin", invitee, [
      grantDoc(world.partners.granted),
      grantDoc(world.partners.foreign),
    ]);
    expect(error).not.toBeNull();
    expect(await countRows("partner_users", { id: invitee.id })).toBe(0);
    expect(await countRows("partner_access", { partner_user_id: invitee.id })).toBe(0);
  });

  it("refuses an empty list of grants", async () => {
    const invitee = await freshInvitee("empty");
    const { error } = await call(world, "admin", invitee, []);
    expect(error?.code).toBe("22023");
    expect(await countRows("partner_users", { id: invitee.id })).toBe(0);
  });

  it("adds grants to a partner user the org already has, restoring a revoked one", async () => {
    const existing = await createPartnerUser(world.org.id, "again");
    const extra = await createPartner(world.org.id);
    await grantAccess(existing.id, world.partners.granted, { scope: ["referrals"], revokedAt: new Date() });
    const { error } = await call(world, "manager", existing, [
      grantDoc(world.partners.granted, ["training"]),
      grantDoc(extra.id as string),
    ]);
    expect(error).toBeNull();
    expect(await countRows("partner_users", { id: existing.id })).toBe(1);
    const grants = await readRows("partner_access", { partner_user_id: existing.id });
    expect(grants).toHaveLength(2);
    const restored = grants.find((grant) => grant.partner_id === world.partners.granted)!;
    expect(restored).toMatchObject({ revoked_at: null, scope: ["training"] });
  });

  it("refuses a partner user of another organization (23505) and grants them nothing", async () => {
    const foreigner = world.people.strangerPartner;
    const { error } = await call(world, "admin", foreigner, [grantDoc(world.partners.granted)]);
    expect(error?.code).toBe("23505");
    expect(
      await countRows("partner_access", { partner_user_id: foreigner.id, partner_id: world.partners.granted }),
    ).toBe(0);
    expect((await readRow("partner_users", { id: foreigner.id }))!.org_id).toBe(world.otherOrg.id);
  });

  it("refuses staff as partner users (23P01), writing nothing", async () => {
    const staff = world.people.member;
    const { error } = await call(world, "admin", staff, [grantDoc(world.partners.granted)]);
    expect(error?.code).toBe("23P01");
    expect(await countRows("partner_users", { id: staff.id })).toBe(0);
  });
});
