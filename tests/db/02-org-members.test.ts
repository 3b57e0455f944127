import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { sql } from "../support/db";
import { clientAs } from "./support/clients";
import { NONE, no, ok, runMatrix } from "./support/matrix";
import { readRow, readRows, token } from "./support/rows";
import { createAuthUser, createOrg, createPartnerUser, createStaff, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("members");
});

const OURS = ["ours"];
const OTHER = ["other"];
const key = (row: Record<string, unknown>) => ({ org_id: row.org_id, user_id: row.user_id });

runMatrix(() => world, {
  table: "org_members",
  idColumn: "user_id",
  key,
  arrangeSelect: async (w) => ({
    ours: { user_id: w.people.viewer.id },
    other: { user_id: w.people.stranger.id },
  }),
  // A fresh viewer each time, so a successful update or delete never touches the personas.
  arrangeTarget: async (w) => {
    const { id } = await createStaff(w.org.id, "viewer", "target");
    return (await readRow("org_members", { org_id: w.org.id, user_id: id }))!;
  },
  insertValues: async (w) => {
    const id = await createAuthUser(`newcomer-${token()}@staff.test`, "Newcomer");
    return { org_id: w.org.id, user_id: id, role: "member" };
  },
  patch: () => ({ role: "member" }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select  insert update delete
    // Memberships come only from an accepted invitation (31, 32) or org:create.
    admin:              [OURS,  no,    ok,    ok],
    manager:            [OURS,  no,    no,    no],
    member:             [OURS,  no,    no,    no],
    viewer:             [OURS,  no,    no,    no],
    stranger:           [OTHER, no,    no,    no],
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

describe("org_members: the last admin stays", () => {
  it("the only admin cannot demote themselves", async () => {
    const org = world.org.id;
    const admins = await readRows("org_members", { org_id: org, role: "admin" });
    expect(admins).toHaveLength(1);
    const result = await world.people.admin.client
      .from("org_members")
      .update({ role: "member" })
      .match({ org_id: org, user_id: world.people.admin.id });
    expect(result.error?.code).toBe("23514");
    expect(await readRows("org_members", { org_id: org, role: "admin" })).toEqual(admins);
  });

  it("the only admin cannot remove themselves", async () => {
    const org = world.org.id;
    const result = await world.people.admin.client
      .from("org_members")
      .delete()
      .match({ org_id: org, user_id: world.people.admin.id });
    expect(result.error?.code).toBe("23514");
    expect(await readRow("org_members", { org_id: org, user_id: world.people.admin.id })).toMatchObject({
      role: "admin",
    });
  });

  it("with a second admin, an admin may step down; then the other is the last one", async () => {
    const org = world.org.id;
    const second = await createStaff(org, "admin", "second-admin");
    // The second admin demotes the first... and cannot then demote themselves.
    const secondClient = await clientAs(second.id);
    const demoted = await secondClient
      .from("org_members")
      .update({ role: "manager" }, { count: "exact" })
      .match({ org_id: org, user_id: world.people.admin.id });
    expect(demoted.error).toBeNull();
    expect(demoted.count).toBe(1);
    const last = await secondClient
      .from("org_members")
      .update({ role: "viewer" })
      .match({ org_id: org, user_id: second.id });
    expect(last.error?.code).toBe("23514");
    // Put the world back as it was.
    await sql("update public.org_members set role = 'admin' where org_id = $1 and user_id = $2", [
      org,
      world.people.admin.id,
    ]);
    await sql("delete from public.org_members where org_id = $1 and user_id = $2", [org, second.id]);
  });

  it("an admin cannot move a member to another org, nor change who a membership belongs to", async () => {
    const target = await createStaff(world.org.id, "viewer", "mover");
    const result = await world.people.admin.client
      .from("org_members")
      .update({ org_id: world.otherOrg.id })
      .match({ org_id: world.org.id, user_id: target.id });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("org_members", { org_id: world.org.id, user_id: target.id })).toBeDefined();
  });

  it("an admin cannot add someone to another org", async () => {
    const id = await createAuthUser(`intruder-${token()}@staff.test`, "Intruder");
    const result = await world.people.admin.client
      .from("org_members")
      .insert({ org_id: world.otherOrg.id, user_id: id, role: "admin" });
    expect(result.error?.code).toBe("42501");
    expect(await readRow("org_members", { org_id: world.otherOrg.id, user_id: id })).toBeUndefined();
  });
});

describe("org_members: the last admin under concurrency", () => {
  /** A connection acting as `userId` through RLS, as PostgREST would (role authenticated, JWT claims). */
  async function connectAs(userId: string) {
    const client = new pg.Client({ connectionString: testEnv.dbUrl });
    await client.connect();
    await client.query("begin");
    await client.query("select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)", [
      JSON.stringify({ sub: userId, role: "authenticated" }),
    ]);
    return client;
  }

  it("two admins demoting each other at once: exactly one succeeds", async () => {
    const org = await createOrg("duel");
    const first = await createStaff(org.id, "admin", "first");
    const second = await createStaff(org.id, "admin", "second");
    const a = await connectAs(first.id);
    const b = await connectAs(second.id);
    try {
      await a.query("update public.org_members set role = 'member' where org_id = $1 and user_id = $2", [
        org.id,
        second.id,
      ]);
      // b's demotion waits on the org row a's trigger locked, then sees a's commit.
      // Its outcome is captured at once: the refusal can land in the same tick as a's commit,
      // before an `await expect(...).rejects` would be attached, and count as unhandled.
      const outcome = b
        .query("update public.org_members set role = 'member' where org_id = $1 and user_id = $2", [org.id, first.id])
        .then(
          () => null,
          (error: unknown) => error,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query("commit");
      expect(await outcome).toMatchObject({ code: "23514" });
      await b.query("rollback");
    } finally {
      await a.end();
      await b.end();
    }
    const admins = await readRows("org_members", { org_id: org.id, role: "admin" });
    expect(admins.map((row) => row.user_id)).toEqual([first.id]);
  });
});

describe("org_members: a person is staff or a partner user, never both", () => {
  it("the service role cannot make a partner user staff", async () => {
    const { id } = await createPartnerUser(world.org.id, "wouldbe");
    const result = await world.service
      .from("org_members")
      .insert({ org_id: world.org.id, user_id: id, role: "viewer" });
    expect(result.error?.code).toBe("23P01");
    expect(await readRow("org_members", { org_id: world.org.id, user_id: id })).toBeUndefined();
  });

  it("nor can the superuser: the rule is a trigger, not a policy", async () => {
    const { id } = await createPartnerUser(world.org.id, "wouldbe2");
    await expect(
      sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [world.org.id, id]),
    ).rejects.toMatchObject({ code: "23P01" });
  });
});
