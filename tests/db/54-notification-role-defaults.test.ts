import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdJobRunner, sql } from "../support/db";
import { clientAs } from "./support/clients";
import { insertChild } from "./support/partner-rows";
import { insertRow } from "./support/rows";
import { createPartner, createStaff, createWorld, type World } from "./support/world";
import { drainOutbox } from "./support/outbox";

let world: World;
// The runner is global: one file drives it at a time.
const runner = holdJobRunner();
beforeAll(runner.take, 180_000);
afterAll(runner.release);

beforeAll(async () => {
  world = await createWorld("roledefaults");
});

const drain = () => drainOutbox(world.service);

type Heard = "none" | "email" | "bell";

/** How the owner heard of a new referral on their partner, as the runner delivered it. */
async function referralReaches(ownerId: string): Promise<Heard> {
  const partner = await createPartner(world.org.id, { owner_id: ownerId });
  const referral = await insertChild("partner_referrals", partner.id as string);
  await drain();
  const [row] = await sql<{ id: string; emailed: boolean }>(
    `select n.id, exists (select from private.email_deliveries d where d.notification_id = n.id) as emailed
       from public.notifications n
      where n.user_id = $1 and n.source_id = $2 and n.event_type = 'referral.created'`,
    [ownerId, referral.id],
  );
  if (!row) return "none";
  return row.emailed ? "email" : "bell";
}

async function deliveryOf(userId: string, audience: "staff" | "partner", eventType: string): Promise<string> {
  const [row] = await sql<{ delivery: string }>("select private.notification_delivery($1, $2, $3, $4) as delivery", [
    world.org.id,
    userId,
    audience,
    eventType,
  ]);
  return row!.delivery;
}

async function clearDefaults(): Promise<void> {
  await sql("delete from public.notification_preferences where org_id = $1 and user_id is null", [world.org.id]);
}

describe("the runner resolves delivery by the recipient's role", () => {
  afterAll(clearDefaults);

  it("gives a member and a viewer different deliveries of the same event type by default", async () => {
    const member = await createStaff(world.org.id, "member", "role-member");
    const viewer = await createStaff(world.org.id, "viewer", "role-viewer");
    expect(await referralReaches(member.id)).toBe("email");
    expect(await referralReaches(viewer.id)).toBe("bell");
    expect(await deliveryOf(viewer.id, "staff", "referral.created")).toBe("digest");
  });

  it("changes only the role whose organization default an admin set", async () => {
    const member = await createStaff(world.org.id, "member", "role-member-off");
    const chooser = await createStaff(world.org.id, "member", "role-member-chooses");
    const viewer = await createStaff(world.org.id, "viewer", "role-viewer-kept");
    const { error } = await world.people.admin.client.from("notification_preferences").insert({
      org_id: world.org.id,
      user_id: null,
      role: "member",
      event_type: "referral.created",
      delivery: "off",
    });
    expect(error).toBeNull();
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: chooser.id,
      event_type: "referral.created",
      delivery: "email",
    });

    expect(await referralReaches(member.id)).toBe("none");
    expect(await referralReaches(viewer.id)).toBe("bell");
    // A person's own choice still wins over their role's organization default.
    expect(await referralReaches(chooser.id)).toBe("email");
  });

  it("puts a role's organization default before the one for everyone, and that before the built-in", async () => {
    const viewer = await createStaff(world.org.id, "viewer", "role-viewer-layers");
    expect(await deliveryOf(viewer.id, "staff", "referral.won")).toBe("digest");
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      event_type: "referral.won",
      delivery: "in_app",
    });
    expect(await deliveryOf(viewer.id, "staff", "referral.won")).toBe("in_app");
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      role: "viewer",
      event_type: "referral.won",
      delivery: "digest_only",
    });
    expect(await deliveryOf(viewer.id, "staff", "referral.won")).toBe("digest_only");
    expect(await deliveryOf(world.people.member.id, "staff", "referral.won")).toBe("in_app");
  });

  it("notifies a partner user as the partner role, whatever a staff role's default says", async () => {
    const partnerUser = world.people.partner.id;
    expect(await deliveryOf(partnerUser, "partner", "commission.paid")).toBe("email");
    expect(await deliveryOf(partnerUser, "partner", "document.added")).toBe("digest");
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      role: "viewer",
      event_type: "commission.paid",
      delivery: "off",
    });
    expect(await deliveryOf(partnerUser, "partner", "commission.paid")).toBe("email");
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      role: "partner",
      event_type: "commission.paid",
      delivery: "in_app",
    });
    expect(await deliveryOf(partnerUser, "partner", "commission.paid")).toBe("in_app");
  });

  it("gives leads email for commissions falling due and grants ending, and viewers the digest", async () => {
    for (const eventType of ["commission.due_soon", "commission.overdue", "grant.ending"]) {
      expect(await deliveryOf(world.people.admin.id, "staff", eventType)).toBe("email");
      expect(await deliveryOf(world.people.manager.id, "staff", eventType)).toBe("email");
      expect(await deliveryOf(world.people.viewer.id, "staff", eventType)).toBe("digest");
    }
    expect(await deliveryOf(world.people.member.id, "staff", "task.due_today")).toBe("email");
    expect(await deliveryOf(world.people.viewer.id, "staff", "task.due_today")).toBe("in_app");
  });
});

describe("who may write the organization's role defaults", () => {
  afterAll(clearDefaults);
  const roleDefault = (role: string, eventType = "task.overdue") => ({
    org_id: world.org.id,
    user_id: null,
    role,
    event_type: eventType,
    delivery: "off",
  });
  const count = async (role: string, eventType = "task.overdue") =>
    (
      await sql(
        "select 1 from public.notification_preferences where org_id = $1 and user_id is null and role = $2 and event_type = $3",
        [world.org.id, role, eventType],
      )
    ).length;

  it("refuses a manager, a member, a viewer, a partner user and another org's admin; an admin may", async () => {
    for (const name of ["manager", "member", "viewer", "partner", "stranger"] as const) {
      const { error } = await world.people[name].client.from("notification_preferences").insert(roleDefault("member"));
      expect(error?.code, name).toBe("42501");
    }
    expect(await count("member")).toBe(0);
    const { error } = await world.people.admin.client.from("notification_preferences").insert(roleDefault("member"));
    expect(error).toBeNull();
    expect(await count("member")).toBe(1);
  });

  it("keeps a role's default out of sight, out of reach of changes and of deletes but for admins", async () => {
    await insertRow("notification_preferences", roleDefault("viewer", "task.created"));
    for (const name of ["manager", "member", "viewer", "partner", "stranger"] as const) {
      const client = world.people[name].client;
      const read = await client.from("notification_preferences").select("id").is("user_id", null).eq("role", "viewer");
      expect(read.data ?? [], name).toEqual([]);
      const updated = await client
        .from("notification_preferences")
        .update({ delivery: "email" })
        .is("user_id", null)
        .eq("role", "viewer")
        .select("id");
      expect(updated.data ?? [], name).toEqual([]);
      const deleted = await client
        .from("notification_preferences")
        .delete()
        .is("user_id", null)
        .eq("role", "viewer")
        .select("id");
      expect(deleted.data ?? [], name).toEqual([]);
    }
    const [unchanged] = await sql<{ delivery: string }>(
      "select delivery from public.notification_preferences where org_id = $1 and user_id is null and role = 'viewer' and event_type = 'task.created'",
      [world.org.id],
    );
    expect(unchanged?.delivery).toBe("off");

    const admin = world.people.admin.client;
    const seen = await admin.from("notification_preferences").select("id").is("user_id", null).eq("role", "viewer");
    expect(seen.data).toHaveLength(1);
    const updated = await admin
      .from("notification_preferences")
      .update({ delivery: "email" })
      .is("user_id", null)
      .eq("role", "viewer")
      .select("delivery");
    expect(updated.data).toEqual([{ delivery: "email" }]);
    const deleted = await admin
      .from("notification_preferences")
      .delete()
      .is("user_id", null)
      .eq("role", "viewer")
      .select("id");
    expect(deleted.data).toHaveLength(1);
  });

  it("refuses a role on a person's own row, an unknown role, and a second default for the same role", async () => {
    const me = world.people.member;
    const withRole = await me.client
      .from("notification_preferences")
      .insert({ org_id: world.org.id, user_id: me.id, role: "admin", event_type: "task.overdue", delivery: "off" });
    expect(withRole.error?.code).toBe("23514");
    expect(withRole.error?.message).toContain("notification_preferences_role_only_on_defaults");
    const plain = await me.client
      .from("notification_preferences")
      .insert({ org_id: world.org.id, user_id: me.id, event_type: "task.overdue", delivery: "off" });
    expect(plain.error).toBeNull();

    const admin = world.people.admin.client;
    const unknown = await admin.from("notification_preferences").insert(roleDefault("owner", "grant.ending"));
    expect(unknown.error?.code).toBe("23514");
    expect(unknown.error?.message).toContain("notification_preferences_role_known");
    expect(
      (await admin.from("notification_preferences").insert(roleDefault("manager", "grant.ending"))).error,
    ).toBeNull();
    const twice = await admin.from("notification_preferences").insert(roleDefault("manager", "grant.ending"));
    expect(twice.error?.code).toBe("23505");
    // The same event type for another role, and for everyone, are rows of their own.
    expect(
      (await admin.from("notification_preferences").insert(roleDefault("admin", "grant.ending"))).error,
    ).toBeNull();
    const everyone = { ...roleDefault("admin", "grant.ending"), role: null };
    expect((await admin.from("notification_preferences").insert(everyone)).error).toBeNull();
  });
});

describe("settings say where each value comes from", () => {
  afterAll(clearDefaults);
  type Setting = {
    event_type: string;
    delivery: string;
    source: string;
    org_default: string | null;
    org_default_role: string | null;
    built_in: string;
  };
  const settingOf = async (client: SupabaseClient, eventType: string) => {
    const { data, error } = await client.rpc("my_notification_settings", { p_org_id: world.org.id });
    expect(error).toBeNull();
    return (data as Setting[]).find((row) => row.event_type === eventType);
  };

  it("tells the role's built-in default, the role's and everyone's organization default, and a choice apart", async () => {
    const member = await createStaff(world.org.id, "member", "settings-member");
    const client = await clientAs(member.id);
    expect(await settingOf(client, "task.due_today")).toMatchObject({
      delivery: "email",
      source: "built_in",
      org_default: null,
      built_in: "email",
    });
    expect(await settingOf(world.people.viewer.client, "task.due_today")).toMatchObject({
      delivery: "in_app",
      source: "built_in",
      built_in: "in_app",
    });

    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      event_type: "task.due_today",
      delivery: "in_app",
    });
    expect(await settingOf(client, "task.due_today")).toMatchObject({
      delivery: "in_app",
      source: "org",
      org_default: "in_app",
      org_default_role: null,
    });

    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      role: "member",
      event_type: "task.due_today",
      delivery: "off",
    });
    expect(await settingOf(client, "task.due_today")).toMatchObject({
      delivery: "off",
      source: "org_role",
      org_default: "off",
      org_default_role: "member",
      built_in: "email",
    });
    expect(await settingOf(world.people.viewer.client, "task.due_today")).toMatchObject({
      delivery: "in_app",
      source: "org",
    });

    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: member.id,
      event_type: "task.due_today",
      delivery: "digest",
    });
    // Their own choice wins; the page can still say which default it overrides.
    expect(await settingOf(client, "task.due_today")).toMatchObject({
      delivery: "digest",
      source: "mine",
      org_default: "off",
      org_default_role: "member",
    });
  });

  type RoleDefault = {
    event_type: string;
    role_default: string | null;
    everyone_default: string | null;
    built_in: string;
  };

  it("shows admins one role's defaults, and refuses everyone else and unknown roles", async () => {
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: null,
      role: "manager",
      event_type: "grant.ending",
      delivery: "off",
    });
    const admin = world.people.admin.client;
    const managers = await admin.rpc("org_role_notification_defaults", { p_org_id: world.org.id, p_role: "manager" });
    expect(managers.error).toBeNull();
    expect((managers.data as RoleDefault[]).find((row) => row.event_type === "grant.ending")).toEqual({
      event_type: "grant.ending",
      role_default: "off",
      everyone_default: null,
      built_in: "email",
    });
    const partners = await admin.rpc("org_role_notification_defaults", { p_org_id: world.org.id, p_role: "partner" });
    expect((partners.data as RoleDefault[]).map((row) => row.event_type)).toEqual([
      "commission.approved",
      "commission.paid",
      "document.added",
      "training.expiring",
      "grant.ending",
    ]);

    for (const name of ["manager", "member", "viewer", "partner", "stranger"] as const) {
      const refused = await world.people[name].client.rpc("org_role_notification_defaults", {
        p_org_id: world.org.id,
        p_role: "manager",
      });
      expect(refused.error?.code, name).toBe("42501");
    }
    const unknown = await admin.rpc("org_role_notification_defaults", { p_org_id: world.org.id, p_role: "owner" });
    expect(unknown.error?.code).toBe("22023");
  });
});
