import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { insertRow, readRow, token, type Row } from "./support/rows";
import { createAuthUser, createStaff, createWorld, PERSONAS, type PersonaName, type World } from "./support/world";

// The invitation table's matrix (DESIGN.md): admins of the org read, create, resend and
// revoke (through the definer functions, which record them as the actor); nobody writes
// the table directly, nobody deletes, and only the app server (service role) issues tokens
// or reads an invitation by its token. Memberships no longer come from an admin naming a
// user id.

let world: World;
beforeAll(async () => {
  world = await createWorld("invitations");
});

const COLUMNS = "id, org_id, email, role, invited_by, sent_at, expires_at, accepted_at, revoked_at";
const DAY = 24 * 3600 * 1000;

async function invitation(orgId: string, values: Row = {}): Promise<Row> {
  return insertRow("org_invitations", {
    org_id: orgId,
    email: `invitee-${token()}@invited.test`,
    role: "member",
    expires_at: new Date(Date.now() + 7 * DAY),
    ...values,
  });
}

type Outcome = { error: { code: string; message: string; hint?: string } | null; count?: number | null };

function expectDenied(result: Outcome, what: string) {
  if (result.error) expect(result.error.code, `${what}: ${result.error.message}`).toBe("42501");
  else expect(result.count ?? 0, `${what}: no error, so zero rows`).toBe(0);
}

const VISIBLE: Partial<Record<PersonaName, "ours" | "other">> = { admin: "ours", stranger: "other" };
const ADMINS = new Set<PersonaName>(["admin"]);

describe("org_invitations: the permission matrix", () => {
  for (const name of PERSONAS) {
    describe(name, () => {
      it(`select ${VISIBLE[name] ? `sees exactly ${VISIBLE[name]}` : "sees nothing"}`, async () => {
        const ours = await invitation(world.org.id);
        const other = await invitation(world.otherOrg.id);
        const result = await world.people[name].client
          .from("org_invitations")
          .select(COLUMNS)
          .in("id", [ours.id, other.id]);
        if (name === "anon") {
          expect(result.error?.code).toBe("42501");
          return;
        }
        expect(result.error).toBeNull();
        const expected = VISIBLE[name] === "ours" ? [ours.id] : VISIBLE[name] === "other" ? [other.id] : [];
        expect((result.data ?? []).map((row) => (row as Row).id)).toEqual(expected);
      });

      it("never reads a token's hash or the account made for an invitation", async () => {
        const ours = await invitation(world.org.id, { token_hash: randomBytes(32).toString("hex") });
        for (const column of ["token_hash", "created_user_id", "*"]) {
          const result = await world.people[name].client.from("org_invitations").select(column).eq("id", ours.id);
          expect(result.error?.code, column).toBe("42501");
        }
      });

      it("cannot insert, update or delete rows directly", async () => {
        const target = await invitation(world.org.id);
        const { client } = world.people[name];
        const email = `direct-${token()}@invited.test`;
        const inserted = await client
          .from("org_invitations")
          .insert({ org_id: world.org.id, email, role: "admin", expires_at: new Date(Date.now() + DAY).toISOString() });
        expectDenied(inserted, "insert");
        expect(await readRow("org_invitations", { email })).toBeUndefined();
        const updated = await client
          .from("org_invitations")
          .update({ role: "admin", revoked_at: new Date().toISOString() }, { count: "exact" })
          .eq("id", target.id as string);
        expectDenied(updated, "update");
        const deleted = await client
          .from("org_invitations")
          .delete({ count: "exact" })
          .eq("id", target.id as string);
        expectDenied(deleted, "delete");
        expect(await readRow("org_invitations", { id: target.id })).toMatchObject({
          role: "member",
          revoked_at: null,
        });
      });

      it(`create_org_invitation ${ADMINS.has(name) ? "invites, as the admin" : "is refused"}`, async () => {
        const email = `rpc-${token()}@Invited.test`;
        const result = await world.people[name].client.rpc("create_org_invitation", {
          p_org_id: world.org.id,
          p_email: email,
          p_role: "manager",
        });
        const row = await readRow("org_invitations", { org_id: world.org.id, email: email.toLowerCase() });
        if (!ADMINS.has(name)) {
          expect(result.error?.code).toBe("42501");
          expect(row).toBeUndefined();
          return;
        }
        expect(result.error).toBeNull();
        expect(row).toMatchObject({ id: result.data, role: "manager", invited_by: world.people.admin.id });
        expect(row!.token_hash).toBeNull();
        const audit = await sql(
          "select actor_id, action, after from public.audit_log where resource_type = 'org_invitation' and resource_id = $1",
          [result.data],
        );
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ actor_id: world.people.admin.id, action: "org_invitation.created" });
        expect(audit[0]!.after).not.toHaveProperty("token_hash");
      });

      it(`resend_org_invitation ${ADMINS.has(name) ? "renews the link, as the admin" : "is refused"}`, async () => {
        const target = await invitation(world.org.id, {
          token_hash: randomBytes(32).toString("hex"),
          expires_at: new Date(Date.now() + DAY),
        });
        const result = await world.people[name].client.rpc("resend_org_invitation", { p_invitation_id: target.id });
        const after = await readRow("org_invitations", { id: target.id });
        if (!ADMINS.has(name)) {
          expect(result.error?.code).toBe("42501");
          expect(after).toEqual(target);
          return;
        }
        expect(result.error).toBeNull();
        expect(after!.token_hash).toBeNull();
        expect((after!.expires_at as Date).getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
        const [audit] = await sql(
          "select actor_id from public.audit_log where resource_id = $1 and action = 'org_invitation.resent'",
          [target.id],
        );
        expect(audit?.actor_id).toBe(world.people.admin.id);
      });

      it(`revoke_org_invitation ${ADMINS.has(name) ? "revokes, as the admin" : "is refused"}`, async () => {
        const target = await invitation(world.org.id);
        const result = await world.people[name].client.rpc("revoke_org_invitation", { p_invitation_id: target.id });
        const after = await readRow("org_invitations", { id: target.id });
        if (!ADMINS.has(name)) {
          expect(result.error?.code).toBe("42501");
          expect(after!.revoked_at).toBeNull();
          return;
        }
        expect(result.error).toBeNull();
        expect(after).toMatchObject({ revoked_by: world.people.admin.id });
        expect(after!.revoked_at).not.toBeNull();
      });

      it("cannot issue a token or read an invitation by its token (the app server does)", async () => {
        const target = await invitation(world.org.id);
        const issued = await world.people[name].client.rpc("mint_org_invitation_token", {
          p_invitation_id: target.id,
        });
        expect(issued.error?.code).toBe("42501");
        expect((await readRow("org_invitations", { id: target.id }))!.token_hash).toBeNull();
        const peek = await world.people[name].client.rpc("org_invitation_for_token", { p_token: "x" });
        expect(peek.error?.code).toBe("42501");
      });
    });
  }
});

describe("org_invitations: the admin's org only", () => {
  it("the other org's admin can neither invite into our org, nor resend or revoke our invitations", async () => {
    const stranger = world.people.stranger.client;
    const email = `cross-${token()}@invited.test`;
    const created = await stranger.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: email,
      p_role: "admin",
    });
    expect(created.error?.code).toBe("42501");
    expect(await readRow("org_invitations", { email })).toBeUndefined();
    const ours = await invitation(world.org.id);
    expect((await stranger.rpc("resend_org_invitation", { p_invitation_id: ours.id })).error?.code).toBe("42501");
    expect((await stranger.rpc("revoke_org_invitation", { p_invitation_id: ours.id })).error?.code).toBe("42501");
    expect(await readRow("org_invitations", { id: ours.id })).toEqual(ours);
  });

  it("inviting an address again sends its open invitation again, with the new role", async () => {
    const email = `again-${token()}@invited.test`;
    const admin = world.people.admin.client;
    const first = await admin.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: email,
      p_role: "viewer",
    });
    const second = await admin.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: email,
      p_role: "member",
    });
    expect(second.error).toBeNull();
    expect(second.data).toBe(first.data);
    expect(await readRow("org_invitations", { email })).toMatchObject({ role: "member" });
  });

  it("the answer is the same for an address with an account elsewhere and for an unknown one", async () => {
    const admin = world.people.admin.client;
    const known = await admin.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: world.people.stranger.email,
      p_role: "member",
    });
    const partnerUser = await admin.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: world.people.strangerPartner.email,
      p_role: "member",
    });
    const unknown = await admin.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: `nobody-${token()}@invited.test`,
      p_role: "member",
    });
    for (const result of [known, partnerUser, unknown]) {
      expect(result.error).toBeNull();
      expect(typeof result.data).toBe("string");
    }
    // Nobody became a member by being invited.
    expect(await readRow("org_members", { org_id: world.org.id, user_id: world.people.stranger.id })).toBeUndefined();
  });

  it("an address that is already a member here is refused by name (the admin sees the member list anyway)", async () => {
    const result = await world.people.admin.client.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: world.people.viewer.email,
      p_role: "admin",
    });
    expect(result.error).toMatchObject({ code: "23505", hint: "already_member" });
  });

  it("an email over 254 characters is refused by its named constraint", async () => {
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}.test`;
    expect(long.length).toBeGreaterThan(254);
    const result = await world.people.admin.client.rpc("create_org_invitation", {
      p_org_id: world.org.id,
      p_email: long,
      p_role: "member",
    });
    expect(result.error?.code).toBe("23514");
    expect(result.error?.message).toContain("org_invitations_email_length");
  });

  it("a revoked or accepted invitation cannot be resent or revoked again", async () => {
    const revoked = await invitation(world.org.id, { revoked_at: new Date() });
    const admin = world.people.admin.client;
    expect((await admin.rpc("resend_org_invitation", { p_invitation_id: revoked.id })).error?.hint).toBe(
      "invitation_closed",
    );
    expect((await admin.rpc("revoke_org_invitation", { p_invitation_id: revoked.id })).error?.hint).toBe(
      "invitation_closed",
    );
  });

  it("the service role issues a token once, and reads the invitation by it", async () => {
    const target = await invitation(world.org.id);
    const issued = await world.service.rpc("mint_org_invitation_token", { p_invitation_id: target.id });
    expect(issued.error).toBeNull();
    expect(issued.data).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await readRow("org_invitations", { id: target.id });
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.token_hash).not.toContain(issued.data);
    const again = await world.service.rpc("mint_org_invitation_token", { p_invitation_id: target.id });
    expect(again.error?.hint).toBe("invitation_not_found");
    const peek = await world.service.rpc("org_invitation_for_token", { p_token: issued.data });
    expect(peek.error).toBeNull();
    expect(peek.data).toMatchObject([
      { invitation_id: target.id, org_id: world.org.id, email: target.email, role: "member", status: "pending" },
    ]);
    expect((await world.service.rpc("org_invitation_for_token", { p_token: "not-a-token" })).data).toEqual([]);
  });
});

describe("org_members: no membership by naming a user id", () => {
  it("the other org's admin cannot pull our admin into their org, and still cannot see our admin's profile", async () => {
    const stranger = world.people.stranger.client;
    const result = await stranger
      .from("org_members")
      .insert({ org_id: world.otherOrg.id, user_id: world.people.admin.id, role: "viewer" });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("org_members", { org_id: world.otherOrg.id, user_id: world.people.admin.id })).toBeUndefined();
    const profile = await stranger.from("profiles").select("id, email").eq("id", world.people.admin.id);
    expect(profile.error).toBeNull();
    expect(profile.data).toEqual([]);
  });

  it("our own admin cannot add a person to our org by id either", async () => {
    const id = await createAuthUser(`byid-${token()}@staff.test`, "By Id");
    const result = await world.people.admin.client
      .from("org_members")
      .insert({ org_id: world.org.id, user_id: id, role: "member" });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("org_members", { org_id: world.org.id, user_id: id })).toBeUndefined();
  });

  it("the service role still can (org:create makes the first admin so)", async () => {
    const id = await createAuthUser(`first-admin-${token()}@staff.test`, "First Admin");
    const result = await world.service
      .from("org_members")
      .insert({ org_id: world.otherOrg.id, user_id: id, role: "admin" });
    expect(result.error).toBeNull();
    expect(await readRow("org_members", { org_id: world.otherOrg.id, user_id: id })).toMatchObject({ role: "admin" });
  });

  it("admins still change roles and remove members (control)", async () => {
    const target = await createStaff(world.org.id, "viewer", "kept");
    const changed = await world.people.admin.client
      .from("org_members")
      .update({ role: "member" }, { count: "exact" })
      .match({ org_id: world.org.id, user_id: target.id });
    expect(changed.count).toBe(1);
    const removed = await world.people.admin.client
      .from("org_members")
      .delete({ count: "exact" })
      .match({ org_id: world.org.id, user_id: target.id });
    expect(removed.count).toBe(1);
  });
});
