import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { anonClient, clientAs } from "./support/clients";
import { readRow, readRows, token } from "./support/rows";
import { createAuthUser, createOrg, createPartnerUser, createStaff, createWorld, type World } from "./support/world";

// accept_org_invitation(token): the signed-in invitee joins, with the invited role, only
// with an open, unexpired token of an invitation for their own email. Each refusal names
// its reason (the invitee is the one reading it) and changes nothing.

let world: World;
beforeAll(async () => {
  world = await createWorld("accepting");
});

type Invited = { id: string; token: string; email: string; userId: string };

/** An invitation as the app makes it: created by the admin, its token issued by the service role. */
async function invite(role = "member", email = `invitee-${token()}@invited.test`): Promise<Invited> {
  const [existing] = await sql<{ id: string }>("select id from auth.users where email = lower($1)", [email]);
  const userId = existing?.id ?? (await createAuthUser(email, "Invitee"));
  const created = await world.people.admin.client.rpc("create_org_invitation", {
    p_org_id: world.org.id,
    p_email: email,
    p_role: role,
  });
  expect(created.error).toBeNull();
  const issued = await world.service.rpc("mint_org_invitation_token", { p_invitation_id: created.data });
  expect(issued.error).toBeNull();
  return { id: created.data as string, token: issued.data as string, email, userId };
}

async function membership(userId: string) {
  return readRow("org_members", { org_id: world.org.id, user_id: userId });
}

describe("accept_org_invitation: refusals", () => {
  it("someone signed in with another email cannot accept it", async () => {
    const invited = await invite();
    const other = await createAuthUser(`other-${token()}@invited.test`, "Other");
    const result = await (await clientAs(other)).rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error).toMatchObject({ code: "42501", hint: "invitation_wrong_email" });
    expect(await membership(other)).toBeUndefined();
    expect(await readRow("org_invitations", { id: invited.id })).toMatchObject({ accepted_at: null });
  });

  it("not even the admin who invited them", async () => {
    const invited = await invite("admin");
    const result = await world.people.admin.client.rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error?.hint).toBe("invitation_wrong_email");
    expect(await membership(invited.userId)).toBeUndefined();
  });

  it("an expired invitation cannot be accepted", async () => {
    const invited = await invite();
    await sql("update public.org_invitations set expires_at = now() - interval '1 minute' where id = $1", [invited.id]);
    const result = await (await clientAs(invited.userId)).rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error).toMatchObject({ code: "22023", hint: "invitation_expired" });
    expect(await membership(invited.userId)).toBeUndefined();
  });

  it("a revoked invitation cannot be accepted", async () => {
    const invited = await invite();
    expect(
      (await world.people.admin.client.rpc("revoke_org_invitation", { p_invitation_id: invited.id })).error,
    ).toBeNull();
    const result = await (await clientAs(invited.userId)).rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error).toMatchObject({ code: "22023", hint: "invitation_revoked" });
    expect(await membership(invited.userId)).toBeUndefined();
  });

  it("a used invitation cannot be accepted again, even after the member was removed", async () => {
    const invited = await invite("viewer");
    const client = await clientAs(invited.userId);
    expect((await client.rpc("accept_org_invitation", { p_token: invited.token })).error).toBeNull();
    await sql("delete from public.org_members where org_id = $1 and user_id = $2", [world.org.id, invited.userId]);
    const again = await client.rpc("accept_org_invitation", { p_token: invited.token });
    expect(again.error).toMatchObject({ code: "22023", hint: "invitation_used" });
    expect(await membership(invited.userId)).toBeUndefined();
  });

  it("another token, a made-up one, or none at all is not an invitation", async () => {
    const invited = await invite();
    const other = await invite();
    const client = await clientAs(invited.userId);
    for (const candidate of [other.token, randomBytes(32).toString("base64url"), "", invited.token.slice(0, -1)]) {
      const result = await client.rpc("accept_org_invitation", { p_token: candidate });
      expect(result.error?.hint, candidate).toMatch(/^invitation_(not_found|wrong_email)$/);
    }
    expect((await client.rpc("accept_org_invitation", { p_token: other.token })).error?.hint).toBe(
      "invitation_wrong_email",
    );
    expect(await membership(invited.userId)).toBeUndefined();
  });

  it("resending spends the old link", async () => {
    const invited = await invite();
    await world.people.admin.client.rpc("resend_org_invitation", { p_invitation_id: invited.id });
    const client = await clientAs(invited.userId);
    expect((await client.rpc("accept_org_invitation", { p_token: invited.token })).error?.hint).toBe(
      "invitation_not_found",
    );
    const fresh = await world.service.rpc("mint_org_invitation_token", { p_invitation_id: invited.id });
    expect((await client.rpc("accept_org_invitation", { p_token: fresh.data })).error).toBeNull();
    expect(await membership(invited.userId)).toMatchObject({ role: "member" });
  });

  it("anon cannot call it", async () => {
    const invited = await invite();
    const result = await anonClient().rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("org_invitations", { id: invited.id })).toMatchObject({ accepted_at: null });
  });

  it("a partner user cannot become staff by accepting (and the invitation stays open)", async () => {
    const partnerUser = await createPartnerUser(world.org.id, "wouldbe-staff");
    const invited = await invite("member", partnerUser.email);
    const result = await (await clientAs(partnerUser.id)).rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error?.code).toBe("23P01");
    expect(await membership(partnerUser.id)).toBeUndefined();
    expect(await readRow("org_invitations", { id: invited.id })).toMatchObject({ accepted_at: null });
  });
});

describe("accept_org_invitation: the invitee joins (control)", () => {
  it("a valid token of their own email adds them with the invited role, and the audit names them", async () => {
    const invited = await invite("manager");
    const result = await (await clientAs(invited.userId)).rpc("accept_org_invitation", { p_token: invited.token });
    expect(result.error).toBeNull();
    expect(result.data).toBe(world.org.id);
    expect(await membership(invited.userId)).toMatchObject({ role: "manager" });
    expect(await readRow("org_invitations", { id: invited.id })).toMatchObject({ accepted_by: invited.userId });
    const audit = await readRows("audit_log", { org_id: world.org.id, actor_id: invited.userId });
    expect(audit.map((row) => row.action).sort()).toEqual(["org_invitation.accepted", "org_member.added"]);
  });

  it("the email is matched without regard to case", async () => {
    const email = `Mixed-${token()}@Invited.test`;
    const userId = await createAuthUser(email.toLowerCase(), "Mixed");
    const invited = await invite("viewer", email);
    expect(invited.userId).toBe(userId);
    expect((await (await clientAs(userId)).rpc("accept_org_invitation", { p_token: invited.token })).error).toBeNull();
    expect(await membership(userId)).toMatchObject({ role: "viewer" });
  });

  it("a staff member of another org accepts and belongs to both", async () => {
    const elsewhere = await createOrg("elsewhere");
    const person = await createStaff(elsewhere.id, "admin", "two-orgs");
    const invited = await invite("member", person.email);
    expect(
      (await (await clientAs(person.id)).rpc("accept_org_invitation", { p_token: invited.token })).error,
    ).toBeNull();
    expect(await readRows("org_members", { user_id: person.id })).toHaveLength(2);
  });
});

describe("org_invitation_for_token: who may choose a password through the link", () => {
  it("only an account made for an invitation that has never signed in", async () => {
    const made = await invite();
    await sql("update public.org_invitations set created_user_id = $2 where id = $1", [made.id, made.userId]);
    const existing = await invite();
    const peek = async (candidate: string) =>
      (await world.service.rpc("org_invitation_for_token", { p_token: candidate })).data[0];
    expect(await peek(made.token)).toMatchObject({ account_id: made.userId, sets_password: true, status: "pending" });
    expect(await peek(existing.token)).toMatchObject({ account_id: existing.userId, sets_password: false });
    await sql("update auth.users set last_sign_in_at = now() where id = $1", [made.userId]);
    expect(await peek(made.token)).toMatchObject({ sets_password: false });
  });

  it("says expired, revoked and accepted", async () => {
    const expired = await invite();
    await sql("update public.org_invitations set expires_at = now() - interval '1 second' where id = $1", [expired.id]);
    const revoked = await invite();
    await world.people.admin.client.rpc("revoke_org_invitation", { p_invitation_id: revoked.id });
    const accepted = await invite();
    await (await clientAs(accepted.userId)).rpc("accept_org_invitation", { p_token: accepted.token });
    const status = async (candidate: string) =>
      (await world.service.rpc("org_invitation_for_token", { p_token: candidate })).data[0].status;
    expect(await status(expired.token)).toBe("expired");
    expect(await status(revoked.token)).toBe("revoked");
    expect(await status(accepted.token)).toBe("accepted");
  });
});
