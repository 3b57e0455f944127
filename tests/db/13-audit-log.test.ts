import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { mintUserJwt } from "../support/jwt";
import { NONE, no, runMatrix } from "./support/matrix";
import { insertChild } from "./support/partner-rows";
import { plain } from "./support/rows";
import { createPartner, createPartnerUser, createStaff, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("audit");
});

/** An audit row written the only way there is: a trigger (here, a partner update as superuser). */
async function auditRow(orgId: string): Promise<Record<string, unknown>> {
  const partner = await createPartner(orgId);
  const [row] = await sql(
    "select * from public.audit_log where resource_type = 'partner' and resource_id = $1 order by created_at limit 1",
    [partner.id],
  );
  return row!;
}

async function allAudit(orgId: string) {
  return plain(await sql("select * from public.audit_log where org_id = $1 order by created_at, id", [orgId]));
}

const OURS = ["ours"];
const FOREIGN = ["foreign"];

runMatrix(() => world, {
  table: "audit_log",
  arrangeSelect: async (w) => ({ ours: await auditRow(w.org.id), foreign: await auditRow(w.otherOrg.id) }),
  arrangeTarget: (w) => auditRow(w.org.id),
  insertValues: async (w) => ({
    id: crypto.randomUUID(),
    org_id: w.org.id,
    actor_type: "system",
    action: "partner.updated",
    resource_type: "partner",
  }),
  patch: () => ({ action: "partner.forged", after: { forged: true } }),
  // The matrix reads as a table; keep its columns aligned.
  // prettier-ignore
  cells: {
    //                 select   insert update delete
    admin:              [OURS,    no,    no,    no],
    manager:            [NONE,    no,    no,    no],
    member:             [NONE,    no,    no,    no],
    viewer:             [NONE,    no,    no,    no],
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

describe("audit_log is append-only for every role", () => {
  it("the service role reads it but cannot insert, update or delete (42501)", async () => {
    const row = await auditRow(world.org.id);
    const before = await allAudit(world.org.id);
    const read = await world.service
      .from("audit_log")
      .select("id")
      .eq("id", row.id as string);
    expect(read.data).toEqual([{ id: row.id }]);
    const insert = await world.service
      .from("audit_log")
      .insert({ org_id: world.org.id, actor_type: "service", action: "partner.forged", resource_type: "partner" });
    expect(insert.error?.code).toBe("42501");
    const update = await world.service
      .from("audit_log")
      .update({ action: "partner.forged" })
      .eq("id", row.id as string);
    expect(update.error?.code).toBe("42501");
    const remove = await world.service
      .from("audit_log")
      .delete()
      .eq("id", row.id as string);
    expect(remove.error?.code).toBe("42501");
    expect(await allAudit(world.org.id)).toEqual(before);
  });

  it.each(["anon", "authenticated", "service_role", "authenticator"])(
    "%s holds no UPDATE, DELETE or TRUNCATE privilege",
    async (role) => {
      const [row] = await sql<Record<string, boolean>>(
        `select has_table_privilege($1, 'public.audit_log', 'update') as update,
              has_table_privilege($1, 'public.audit_log', 'delete') as delete,
              has_table_privilege($1, 'public.audit_log', 'truncate') as truncate,
              has_table_privilege($1, 'public.audit_log', 'insert') as insert`,
        [role],
      );
      expect(row).toEqual({ update: false, delete: false, truncate: false, insert: false });
    },
  );

  it("the table's owner is a role that cannot log in", async () => {
    const [row] = await sql<{ owner: string; login: boolean }>(
      `select r.rolname as owner, r.rolcanlogin as login from pg_class c join pg_roles r on r.oid = c.relowner where c.oid = 'public.audit_log'::regclass`,
    );
    expect(row).toEqual({ owner: "partnerdesk_audit_owner", login: false });
  });

  // Superuser, the owner and postgres bypass privileges and RLS; the triggers still refuse.
  // Only a superuser (supabase_admin, which no hosted project's developer holds) can switch to
  // replica mode, and even then the ENABLE ALWAYS triggers run.
  describe.each([
    ["the superuser", "", () => testEnv.adminDbUrl],
    ["postgres, the project's own role", "", () => testEnv.dbUrl],
    ["the table owner", "set local role partnerdesk_audit_owner;", () => testEnv.dbUrl],
    [
      "the superuser in replica mode (triggers set aside)",
      "set local session_replication_role = replica;",
      () => testEnv.adminDbUrl,
    ],
    [
      "the owner in replica mode",
      "set local session_replication_role = replica; set local role partnerdesk_audit_owner;",
      () => testEnv.adminDbUrl,
    ],
  ])("as %s", (_who, setup, connectionString) => {
    for (const [what, statement] of [
      ["UPDATE", "update public.audit_log set action = 'partner.forged' where org_id = $1"],
      ["DELETE", "delete from public.audit_log where org_id = $1"],
      ["TRUNCATE", "truncate public.audit_log"],
    ] as const) {
      it(`${what} is refused with 42501 and changes nothing`, async () => {
        await auditRow(world.org.id);
        const before = await allAudit(world.org.id);
        const client = new pg.Client({ connectionString: connectionString() });
        await client.connect();
        try {
          await client.query("begin");
          if (setup) await client.query(setup);
          await expect(client.query(statement, what === "TRUNCATE" ? [] : [world.org.id])).rejects.toMatchObject({
            code: "42501",
          });
          await client.query("rollback");
        } finally {
          await client.end();
        }
        expect(await allAudit(world.org.id)).toEqual(before);
      });
    }
  });
});

describe("audit_log's triggers stay on for the API roles", () => {
  // postgres is a member of the table's owner role (it handed the table over), so it could
  // disable the triggers; no API role is, so none can, service_role included.
  it.each(["anon", "authenticated", "service_role"])("%s cannot disable them or take the table", async (role) => {
    // Signed in as PostgREST is: authenticator, switching to the request's role.
    const url = new URL(testEnv.dbUrl);
    url.username = "authenticator";
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const statement of [
        "alter table public.audit_log disable trigger user",
        "alter table public.audit_log owner to service_role",
        "set role partnerdesk_audit_owner",
      ]) {
        await client.query("begin");
        await client.query(`set local role ${role}`);
        await expect(client.query(statement)).rejects.toMatchObject({ code: "42501" });
        await client.query("rollback");
      }
    } finally {
      await client.end();
    }
    const [row] = await sql<{ disabled: number }>(
      "select count(*)::int as disabled from pg_trigger where tgrelid = 'public.audit_log'::regclass and tgenabled = 'D'",
    );
    expect(row!.disabled).toBe(0);
  });

  it("the control: its owner role can, and postgres is its only member", async () => {
    const client = new pg.Client({ connectionString: testEnv.dbUrl });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("set local role partnerdesk_audit_owner");
      await expect(client.query("alter table public.audit_log disable trigger user")).resolves.toBeDefined();
      await client.query("rollback");
    } finally {
      await client.end();
    }
    const [row] = await sql<{ members: string[] }>(
      `select coalesce(array_agg(distinct r.rolname::text), '{}') as members
         from pg_auth_members m join pg_roles r on r.oid = m.member
        where m.roleid = 'partnerdesk_audit_owner'::regrole`,
    );
    expect(row!.members).toEqual(["postgres"]);
  });
});

describe("audit rows written by triggers", () => {
  it("a partner update records the actor, before, after and what changed", async () => {
    const partner = await createPartner(world.org.id, { status: "active" });
    const result = await world.people.member.client
      .from("partners")
      .update({ status: "paused" })
      .eq("id", partner.id as string);
    expect(result.error).toBeNull();
    const rows = await sql("select * from public.audit_log where resource_id = $1 and action = 'partner.updated'", [
      partner.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      org_id: world.org.id,
      actor_id: world.people.member.id,
      actor_type: "staff",
      resource_type: "partner",
      partner_id: partner.id,
      before: expect.objectContaining({ status: "active" }),
      after: expect.objectContaining({ status: "paused" }),
      metadata: { changed: ["status"] },
    });
  });

  it("records the address the gateway saw (never a client-sent X-Forwarded-For) and the user agent", async () => {
    const partner = await createPartner(world.org.id);
    const client = createClient(testEnv.apiUrl, testEnv.anonKey, {
      global: {
        headers: {
          Authorization: `Bearer ${await mintUserJwt(world.people.member.id)}`,
          "User-Agent": "audit-probe/1.0",
          "X-Forwarded-For": "203.0.113.9",
        },
      },
      auth: { persistSession: false },
    });
    expect(
      (
        await client
          .from("partners")
          .update({ region: "EMEA" })
          .eq("id", partner.id as string)
      ).error,
    ).toBeNull();
    const rows = await sql(
      "select ip, user_agent, actor_id from public.audit_log where resource_id = $1 and action = 'partner.updated'",
      [partner.id],
    );
    expect(rows).toEqual([{ ip: "127.0.0.1", user_agent: "audit-probe/1.0", actor_id: world.people.member.id }]);
  });

  it("prefers the client address and user agent the app passes in x-client-ip and x-client-ua", async () => {
    const partner = await createPartner(world.org.id);
    const client = createClient(testEnv.apiUrl, testEnv.anonKey, {
      global: {
        headers: {
          Authorization: `Bearer ${await mintUserJwt(world.people.member.id)}`,
          "User-Agent": "node",
          "X-Client-Ip": "198.51.100.23",
          "X-Client-Ua": "Mozilla/5.0 (audit probe)",
        },
      },
      auth: { persistSession: false },
    });
    const { error } = await client
      .from("partners")
      .update({ region: "APAC" })
      .eq("id", partner.id as string);
    expect(error).toBeNull();
    const rows = await sql(
      "select ip, user_agent from public.audit_log where resource_id = $1 and action = 'partner.updated'",
      [partner.id],
    );
    expect(rows).toEqual([{ ip: "198.51.100.23", user_agent: "Mozilla/5.0 (audit probe)" }]);
  });

  it.each([
    ["insert", "referral.created"],
    ["delete", "referral.deleted"],
  ])("a referral %s records %s once", async (op, action) => {
    const referral = op === "delete" ? await insertChild("partner_referrals", world.partners.granted) : undefined;
    let id = referral?.id as string | undefined;
    if (op === "insert") {
      const result = await world.people.member.client
        .from("partner_referrals")
        .insert({ org_id: world.org.id, partner_id: world.partners.granted, client_name: "Audited" })
        .select("id")
        .single();
      id = result.data!.id as string;
    } else {
      const result = await world.people.admin.client.from("partner_referrals").delete().eq("id", id!);
      expect(result.error).toBeNull();
    }
    const rows = await sql("select * from public.audit_log where resource_id = $1 and action = $2", [id, action]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before === null).toBe(op === "insert");
    expect(rows[0]!.after === null).toBe(op === "delete");
  });

  it("grants, revocations, deactivations and role changes have their own verbs", async () => {
    const user = await createPartnerUser(world.org.id, "audited");
    const granted = await world.people.admin.client
      .from("partner_access")
      .insert({
        org_id: world.org.id,
        partner_id: world.partners.granted,
        partner_user_id: user.id,
        scope: ["referrals"],
      })
      .select("id")
      .single();
    expect(granted.error).toBeNull();
    const grantId = granted.data!.id as string;
    await world.people.admin.client
      .from("partner_access")
      .update({ revoked_at: new Date().toISOString() })
      .eq("id", grantId);
    await world.people.admin.client.from("partner_users").update({ is_active: false }).eq("id", user.id);
    const staff = await createStaff(world.org.id, "viewer", "promoted");
    await world.people.admin.client
      .from("org_members")
      .update({ role: "member" })
      .match({ org_id: world.org.id, user_id: staff.id });
    const rows = await sql<{ action: string; actor_id: string }>(
      "select action, actor_id from public.audit_log where (resource_id = $1 or resource_id = $2 or resource_id = $3) and actor_id = $4 order by created_at",
      [grantId, user.id, `${world.org.id}:${staff.id}`, world.people.admin.id],
    );
    expect(rows.map((row) => row.action)).toEqual([
      "partner.access.granted",
      "partner.access.revoked",
      "partner_user.deactivated",
      "org_member.role_changed",
    ]);
  });
});

describe("record_portal_event()", () => {
  it("a partner user logs their own sign-in and an account switch to a granted partner", async () => {
    const persona = world.people.partner;
    const signIn = await persona.client.rpc("record_portal_event", { p_event: "portal.sign_in" });
    expect(signIn.error).toBeNull();
    const switched = await persona.client.rpc("record_portal_event", {
      p_event: "portal.account_switched",
      p_partner_id: world.partners.granted,
    });
    expect(switched.error).toBeNull();
    const rows = await sql<{ action: string; actor_id: string; actor_type: string }>(
      "select action, actor_id, actor_type from public.audit_log where actor_id = $1 and action like 'portal.%' order by created_at",
      [persona.id],
    );
    expect(rows).toEqual([
      { action: "portal.sign_in", actor_id: persona.id, actor_type: "partner_user" },
      { action: "portal.account_switched", actor_id: persona.id, actor_type: "partner_user" },
    ]);
  });

  it.each([
    ["an unknown event", "partner", { p_event: "partner.deleted" }, "22023"],
    [
      "a switch to an ungranted partner",
      "partner",
      { p_event: "portal.account_switched", p_partner_id: "sibling" },
      "42501",
    ],
    [
      "a switch on a revoked grant",
      "partnerRevoked",
      { p_event: "portal.account_switched", p_partner_id: "granted" },
      "42501",
    ],
    ["an inactive partner user", "partnerInactive", { p_event: "portal.sign_in" }, "42501"],
    ["staff", "admin", { p_event: "portal.sign_in" }, "42501"],
    ["anon", "anon", { p_event: "portal.sign_in" }, "42501"],
  ] as const)("refuses %s", async (_what, name, args, code) => {
    const persona = world.people[name];
    const params = { ...args, ...("p_partner_id" in args ? { p_partner_id: world.partners[args.p_partner_id] } : {}) };
    // Counted for this file's orgs only: other files log portal events at the same time.
    const count = () =>
      sql(
        "select count(*) from public.audit_log where action like 'portal.%' and (org_id = any ($1) or org_id is null)",
        [[world.org.id, world.otherOrg.id]],
      );
    const before = await count();
    const result = await persona.client.rpc("record_portal_event", params);
    expect(result.error?.code).toBe(code);
    expect(await count()).toEqual(before);
  });
});
