import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { CHILD_TABLES, childValues, clientAtLevel, fillOrg, ORG_TABLES, readOrg, requireMfa } from "./support/mfa";
import { plain, readRows } from "./support/rows";
import { createStaff, createWorld, STAFF_ROLES, type StaffRole, type World } from "./support/world";

/**
 * An organization that requires two-factor sign-in: its staff's aal1 tokens read and write
 * nothing of it, through tables and every function the API offers; aal2 tokens work as
 * the matrix says. The gate is in the staff helpers, so these requests meet it in RLS and
 * in every definer function alike.
 */
let world: World;
const aal1 = {} as Record<StaffRole, SupabaseClient>;
const aal2 = {} as Record<StaffRole, SupabaseClient>;

beforeAll(async () => {
  world = await createWorld("mfa-req");
  await fillOrg(world);
  for (const role of STAFF_ROLES) {
    aal1[role] = await clientAtLevel(world.people[role].id, "aal1");
    aal2[role] = await clientAtLevel(world.people[role].id, "aal2");
  }
  await requireMfa(world.org.id, "staff");
});

const EMPTY = Object.fromEntries(["organizations", ...ORG_TABLES].map((table) => [table, [] as string[]]));

describe("an org that requires two-factor sign-in of all staff", () => {
  it.each(STAFF_ROLES)("%s with an aal1 token reads nothing of it, in any table", async (role) => {
    expect(await readOrg(aal1[role], world)).toEqual(EMPTY);
  });

  it.each(STAFF_ROLES)("%s with an aal2 token reads the org again (control)", async (role) => {
    const seen = await readOrg(aal2[role], world);
    expect(seen.organizations).toHaveLength(1);
    expect(seen.partners!.length).toBeGreaterThanOrEqual(2);
    expect(seen.org_members).toHaveLength(4);
  });

  it.each(STAFF_ROLES)(
    "%s with an aal1 token writes nothing: inserts, updates and deletes are refused",
    async (role) => {
      const client = aal1[role];
      const before = plain(await readRows("partners", { org_id: world.org.id }));
      const insert = await client.from("partners").insert({ org_id: world.org.id, name: "Sneaky", status: "active" });
      expect(insert.error?.code).toBe("42501");
      const update = await client
        .from("partners")
        .update({ region: "EMEA" }, { count: "exact" })
        .eq("id", world.partners.granted);
      expect(update.count ?? 0).toBe(0);
      const remove = await client.from("partners").delete({ count: "exact" }).eq("id", world.partners.sibling);
      expect(remove.count ?? 0).toBe(0);
      expect(plain(await readRows("partners", { org_id: world.org.id }))).toEqual(before);

      for (const table of CHILD_TABLES) {
        const values = await childValues(table, world.partners.granted);
        const result = await client.from(table).insert(values);
        expect(result.error?.code, table).toBe("42501");
      }
      const org = await client
        .from("organizations")
        .update({ name: "Renamed" }, { count: "exact" })
        .eq("id", world.org.id);
      expect(org.count ?? 0).toBe(0);
      const off = await client
        .from("organizations")
        .update({ mfa_required: "none" }, { count: "exact" })
        .eq("id", world.org.id);
      expect(off.count ?? 0).toBe(0);
      const member = await client
        .from("org_members")
        .insert({ org_id: world.org.id, user_id: world.people.stranger.id, role: "viewer" });
      expect(member.error).not.toBeNull();
      const [org_row] = await sql<{ mfa_required: string }>(
        "select mfa_required from public.organizations where id = $1",
        [world.org.id],
      );
      expect(org_row!.mfa_required).toBe("staff");
    },
  );

  it.each(STAFF_ROLES)("%s with an aal1 token gets nothing from any function of the API", async (role) => {
    const client = aal1[role];
    const partner = world.partners.granted;
    const note = await client.rpc("add_partner_note", { p_partner_id: partner, p_body: "at aal1" });
    expect(note.error).not.toBeNull();
    const imported = await client.rpc("import_partners", {
      p_org_id: world.org.id,
      p_rows: [{ external_id: "x-1", name: "Imported at aal1" }],
    });
    expect(imported.error).not.toBeNull();
    const metrics = await client.rpc("partner_directory_metrics", { p_org_id: world.org.id });
    expect(metrics.data ?? []).toEqual(
      metrics.data?.length ? [expect.objectContaining({ active_partners: 0, matching_partners: 0 })] : [],
    );
    expect((await client.rpc("partner_directory_regions", { p_org_id: world.org.id })).data ?? []).toEqual([]);
    expect((await client.rpc("partner_region_options", { p_org_id: world.org.id })).data ?? []).toEqual([]);
    expect(
      (await client.rpc("partner_directory_search", { p_org_id: world.org.id, p_search: "a" })).data ?? [],
    ).toEqual([]);
    expect((await client.rpc("partner_rollups", { p_partner_id: partner })).data ?? []).toEqual([]);
    const invite = await client.rpc("add_partner_user_with_grants", {
      p_user_id: crypto.randomUUID(),
      p_org_id: world.org.id,
      p_email: `aal1-${crypto.randomUUID().slice(0, 6)}@partner.test`,
      p_name: "Invited at aal1",
      p_grants: [{ partner_id: partner, scope: ["referrals"] }],
    });
    expect(invite.error).not.toBeNull();
    expect((await client.rpc("portal_commission_summary")).data ?? []).toEqual([]);
    expect((await client.rpc("portal_partner_rollups", { p_partner_id: partner })).data ?? []).toEqual([]);
    expect((await client.rpc("portal_commission_statement", { p_partner_id: partner })).data ?? []).toEqual([]);
    expect((await client.rpc("portal_referral_pipeline", {})).data ?? []).toEqual([]);
    expect((await client.rpc("portal_referrals", {})).data ?? []).toEqual([]);
    expect(
      (await client.rpc("record_portal_event", { p_event: "portal.sign_in", p_partner_id: partner })).error,
    ).not.toBeNull();
    expect(
      await sql("select 1 from public.partners where org_id = $1 and name = 'Imported at aal1'", [world.org.id]),
    ).toEqual([]);
  });

  it.each(STAFF_ROLES)("%s with an aal1 token still reads their membership and the requirement", async (role) => {
    const { data, error } = await aal1[role].rpc("my_mfa_status");
    expect(error).toBeNull();
    expect(data).toEqual([
      expect.objectContaining({
        org_id: world.org.id,
        role,
        mfa_required: "staff",
        applies: true,
        has_verified_factor: false,
        session_aal: "aal1",
        allowed: false,
      }),
    ]);
  });

  it.each(STAFF_ROLES)(
    "%s's session call at aal1 holds the membership and the requirement, but none of the org's details",
    async (role) => {
      const { data, error } = await aal1[role].rpc("my_staff_session");
      expect(error).toBeNull();
      expect(data).toEqual([
        {
          org_id: world.org.id,
          org_name: world.org.name,
          role,
          mfa_required: "staff",
          applies: true,
          has_verified_factor: false,
          session_aal: "aal1",
          allowed: false,
          org_slug: null,
          currency: null,
          time_zone: null,
          locale: null,
        },
      ]);
    },
  );

  it.each(STAFF_ROLES)(
    "%s's session call at aal2 gives the org's details, as its own row reads (control)",
    async (role) => {
      const { data, error } = await aal2[role].rpc("my_staff_session");
      expect(error).toBeNull();
      const [org] = await sql<{ slug: string; currency: string; time_zone: string; locale: string }>(
        "select slug, currency, time_zone, locale from public.organizations where id = $1",
        [world.org.id],
      );
      expect(data).toEqual([
        expect.objectContaining({
          org_id: world.org.id,
          session_aal: "aal2",
          allowed: true,
          org_slug: org!.slug,
          currency: org!.currency,
          time_zone: org!.time_zone,
          locale: org!.locale,
        }),
      ]);
    },
  );

  it("the session call answers partner users, strangers and anon with nothing of the org", async () => {
    for (const persona of ["partner", "stranger", "strangerPartner"] as const) {
      const { data, error } = await world.people[persona].client.rpc("my_staff_session");
      expect(error).toBeNull();
      expect((data ?? []).filter((row: { org_id: string }) => row.org_id === world.org.id)).toEqual([]);
    }
    expect((await world.people.anon.client.rpc("my_staff_session")).error?.code).toBe("42501");
  });

  it("an admin at aal2 turns it off and on, and each change is audited", async () => {
    const off = await aal2.admin
      .from("organizations")
      .update({ mfa_required: "none" }, { count: "exact" })
      .eq("id", world.org.id);
    expect(off.error).toBeNull();
    expect(off.count).toBe(1);
    const on = await aal2.admin
      .from("organizations")
      .update({ mfa_required: "staff" }, { count: "exact" })
      .eq("id", world.org.id);
    expect(on.count).toBe(1);
    const entries = await sql<{ actor_id: string; action: string; metadata: { changed: string[] } }>(
      `select actor_id, action, metadata from public.audit_log
        where org_id = $1 and resource_type = 'organization' order by created_at`,
      [world.org.id],
    );
    const changes = entries.filter(
      (entry) => entry.actor_id === world.people.admin.id && entry.metadata.changed?.includes("mfa_required"),
    );
    expect(changes.map((entry) => [entry.actor_id, entry.action])).toEqual([
      [world.people.admin.id, "organization.updated"],
      [world.people.admin.id, "organization.updated"],
    ]);
  });

  it.each(["manager", "member", "viewer"] as const)("a %s at aal2 cannot change the requirement", async (role) => {
    const result = await aal2[role]
      .from("organizations")
      .update({ mfa_required: "none" }, { count: "exact" })
      .eq("id", world.org.id);
    expect(result.count ?? 0).toBe(0);
  });

  it("refuses a requirement that is not none, admins or staff", async () => {
    const result = await aal2.admin.from("organizations").update({ mfa_required: "everyone" }).eq("id", world.org.id);
    expect(result.error?.code).toBe("23514");
  });
});

describe("an org that requires it of admins only", () => {
  let local: World;
  beforeAll(async () => {
    local = await createWorld("mfa-admins");
    await requireMfa(local.org.id, "admins");
  });

  it("its admin at aal1 reads nothing; at aal2 reads the org", async () => {
    const admin1 = await clientAtLevel(local.people.admin.id, "aal1");
    expect((await admin1.from("partners").select("id").eq("org_id", local.org.id)).data).toEqual([]);
    const admin2 = await clientAtLevel(local.people.admin.id, "aal2");
    expect((await admin2.from("partners").select("id").eq("org_id", local.org.id)).data).toHaveLength(2);
  });

  it.each(["manager", "member", "viewer"] as const)("its %s at aal1 works as before", async (role) => {
    const client = await clientAtLevel(local.people[role].id, "aal1");
    expect((await client.from("partners").select("id").eq("org_id", local.org.id)).data).toHaveLength(2);
  });
});

describe("an org that does not require it", () => {
  it("is unchanged: its staff at aal1 read and write as the matrix says", async () => {
    expect(world.otherOrg.id).not.toBe(world.org.id);
    const stranger = await clientAtLevel(world.people.stranger.id, "aal1");
    const seen = await stranger.from("partners").select("id").eq("org_id", world.otherOrg.id);
    expect(seen.data?.map((row) => row.id)).toEqual([world.partners.foreign]);
    const edit = await stranger
      .from("partners")
      .update({ region: "APAC" }, { count: "exact" })
      .eq("id", world.partners.foreign);
    expect(edit.count).toBe(1);
  });

  it("a person staff of both sees only the org whose requirement their session meets", async () => {
    const both = await createStaff(world.otherOrg.id, "member", "both");
    await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member')", [
      world.org.id,
      both.id,
    ]);
    const at1 = await clientAtLevel(both.id, "aal1");
    const ids = [world.partners.granted, world.partners.foreign];
    const seen1 = await at1.from("partners").select("id").in("id", ids);
    expect(seen1.data?.map((row) => row.id)).toEqual([world.partners.foreign]);
    const at2 = await clientAtLevel(both.id, "aal2");
    const seen2 = await at2.from("partners").select("id").in("id", ids);
    expect(new Set(seen2.data?.map((row) => row.id))).toEqual(new Set(ids));
  });
});

describe("wrong authenticator codes meet the sign-in limits", () => {
  it("counts per account: after the rule's number of wrong codes the account waits, another account does not", async () => {
    const [rule] = await sql<{ max_hits: number }>(
      "select max_hits from private.rate_limit_rules where kind = 'mfa_verify.account'",
    );
    const service = world.service;
    const subject = (p_email: string) => ({
      p_action: "mfa_verify",
      p_email,
      p_address: `203.0.113.${rule!.max_hits}`,
    });
    const person = `mfa-limit-${crypto.randomUUID().slice(0, 8)}@staff.test`;
    for (let n = 0; n < rule!.max_hits - 1; n++) {
      expect((await service.rpc("auth_limit_record", subject(person))).data).toBe(0);
    }
    expect((await service.rpc("auth_limit_record", subject(person))).data).toBeGreaterThan(0);
    expect((await service.rpc("auth_limit_check", subject(person))).data).toBeGreaterThan(0);
    const other = `mfa-limit-${crypto.randomUUID().slice(0, 8)}@staff.test`;
    expect((await service.rpc("auth_limit_check", subject(other))).data).toBe(0);
  });

  it("is closed to a signed-in person", async () => {
    const result = await aal2.admin.rpc("auth_limit_record", {
      p_action: "mfa_verify",
      p_email: world.people.admin.email,
      p_address: "203.0.113.9",
    });
    expect(result.error?.code).toBe("42501");
  });
});

describe("record_mfa_reset: an admin's reset of a member's factors", () => {
  it("is recorded for a member of this org alone, by an admin at the level the org requires", async () => {
    const member = await createStaff(world.org.id, "member", "reset-me");
    const { data, error } = await aal2.admin.rpc("record_mfa_reset", { p_org_id: world.org.id, p_user_id: member.id });
    expect(error).toBeNull();
    expect(data).toEqual([{ outcome: "ok", email: member.email }]);
    const entries = await sql<{ actor_id: string }>(
      "select actor_id from public.audit_log where action = 'org_member.mfa_reset' and resource_id = $1",
      [`${world.org.id}:${member.id}`],
    );
    expect(entries).toEqual([{ actor_id: world.people.admin.id }]);
  });

  it("is refused for a member who is staff of another org too, for oneself, and to anyone but an admin at aal2", async () => {
    const shared = await createStaff(world.org.id, "member", "reset-shared");
    await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [
      world.otherOrg.id,
      shared.id,
    ]);
    const outcome = async (client: SupabaseClient, userId: string) =>
      (await client.rpc("record_mfa_reset", { p_org_id: world.org.id, p_user_id: userId })).data?.[0]?.outcome;
    expect(await outcome(aal2.admin, shared.id)).toBe("other_org");
    expect(await outcome(aal2.admin, world.people.admin.id)).toBe("self");
    expect(await outcome(aal2.manager, world.people.member.id)).toBe("forbidden");
    expect(await outcome(aal1.admin, world.people.member.id)).toBe("forbidden");
    expect(
      await sql("select 1 from public.audit_log where action = 'org_member.mfa_reset' and resource_id = $1", [
        `${world.org.id}:${shared.id}`,
      ]),
    ).toEqual([]);
  });
});
