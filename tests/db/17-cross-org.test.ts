import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { clientAs } from "./support/clients";
import { childValues, insertChild } from "./support/partner-rows";
import { plain, readRows } from "./support/rows";
import { createStaff, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("cross");
  // Something in every table of our org for the stranger to (not) find.
  for (const table of [
    "partner_referrals",
    "partner_commissions",
    "partner_tasks",
    "partner_documents",
    "partner_training",
    "partner_notes",
  ]) {
    await insertChild(table, world.partners.granted);
  }
});

const ORG_TABLES = [
  "org_members",
  "partners",
  "partner_notes",
  "partner_referrals",
  "partner_commissions",
  "partner_tasks",
  "partner_documents",
  "partner_training",
  "partner_resources",
  "partner_activity_log",
  "audit_log",
  "partner_users",
  "partner_access",
  "partner_stats",
] as const;

describe("cross-org: naming another org explicitly returns nothing", () => {
  it.each(ORG_TABLES)("%s: the stranger (an admin elsewhere) filtering on our org_id sees no rows", async (table) => {
    const result = await world.people.stranger.client.from(table).select("*").eq("org_id", world.org.id);
    expect(result.error).toBeNull();
    expect(result.data).toEqual([]);
  });

  it.each(ORG_TABLES)("%s: the other org's partner user filtering on our org_id sees no rows", async (table) => {
    const result = await world.people.strangerPartner.client.from(table).select("*").eq("org_id", world.org.id);
    expect(result.data ?? []).toEqual([]);
  });

  it("the stranger cannot read our organization, even by id", async () => {
    const result = await world.people.stranger.client.from("organizations").select("id").eq("id", world.org.id);
    expect(result.data).toEqual([]);
  });

  it("rpc: hero metrics and roll-ups of another org's partner give nothing", async () => {
    const metrics = await world.people.stranger.client.rpc("partner_directory_metrics", { p_org_id: world.org.id });
    expect(metrics.error).toBeNull();
    expect(metrics.data).toHaveLength(1);
    expect(metrics.data[0]).toMatchObject({ active_partners: 0, pipeline_value: 0, owed_commission: 0 });
    const rollups = await world.people.stranger.client.rpc("partner_rollups", { p_partner_id: world.partners.granted });
    expect(rollups.data ?? []).toEqual([]);
  });
});

describe("cross-org: writes across the boundary are refused and change nothing", () => {
  const CHILDREN = [
    "partner_referrals",
    "partner_commissions",
    "partner_tasks",
    "partner_documents",
    "partner_training",
    "partner_notes",
  ] as const;

  async function insertAcross(table: string) {
    const before = plain(await readRows(table, { partner_id: world.partners.foreign }));
    const foreign = await childValues(table, world.partners.foreign);
    const attempts = [
      foreign,
      { ...foreign, org_id: world.org.id },
      { ...(await childValues(table, world.partners.granted)), org_id: world.otherOrg.id },
    ];
    for (const values of attempts) {
      const result = await world.people.admin.client.from(table).insert(values);
      expect(["42501", "23503"], `${table} ${JSON.stringify(result.error)}`).toContain(result.error?.code);
    }
    expect(plain(await readRows(table, { partner_id: world.partners.foreign }))).toEqual(before);
  }

  it.each(CHILDREN)("%s: an admin cannot insert under another org's partner, nor mix org and partner", insertAcross);

  it.each(CHILDREN)("%s: the stranger cannot update or delete our rows", async (table) => {
    const row = await insertChild(table, world.partners.granted);
    const patch =
      table === "partner_notes"
        ? { body: "x" }
        : table === "partner_referrals"
          ? { client_name: "x" }
          : table === "partner_commissions"
            ? { amount: 1 }
            : table === "partner_training"
              ? { name: "x" }
              : { title: "x" };
    const update = await world.people.stranger.client
      .from(table)
      .update(patch, { count: "exact" })
      .eq("id", row.id as string);
    const remove = await world.people.stranger.client
      .from(table)
      .delete({ count: "exact" })
      .eq("id", row.id as string);
    expect([update.count, remove.count]).toEqual([0, 0]);
    expect(plain((await readRows(table, { id: row.id }))[0])).toEqual(plain(row));
  });
});

describe("cross-org: staff of two orgs", () => {
  it("see each org's rows only through a membership, and lose them on the next request once removed", async () => {
    const both = await createStaff(world.org.id, "member", "both");
    await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'viewer')", [
      world.otherOrg.id,
      both.id,
    ]);
    const client = await clientAs(both.id);
    const seen = await client.from("partners").select("id").in("id", [world.partners.granted, world.partners.foreign]);
    expect(new Set(seen.data?.map((row) => row.id))).toEqual(new Set([world.partners.granted, world.partners.foreign]));
    // A viewer in the other org: cannot edit there, even while editing here.
    const edit = await client
      .from("partners")
      .update({ region: "EMEA" }, { count: "exact" })
      .eq("id", world.partners.foreign);
    expect(edit.error?.code ?? String(edit.count)).toMatch(/^(42501|0)$/);
    await sql("delete from public.org_members where org_id = $1 and user_id = $2", [world.otherOrg.id, both.id]);
    const after = await client.from("partners").select("id").in("id", [world.partners.granted, world.partners.foreign]);
    expect(after.data?.map((row) => row.id)).toEqual([world.partners.granted]);
  });
});
