import { beforeAll, describe, expect, it } from "vitest";
import { translateDbError } from "@/lib/db/errors";
import { partnerFieldsSchema } from "@/lib/partners/schemas";
import { sql } from "../support/db";
import { countRows, token } from "./support/rows";
import { createAuthUser, createWorld, type World } from "./support/world";

/**
 * "New partner" inserts, as the signed-in person, exactly what the form's schema (the CSV
 * row's) hands over: editors may, viewers are refused by RLS, and a refusal the database
 * makes names the field it is about.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld("new-partner");
});

function typed(name: string, extra: Record<string, unknown> = {}) {
  return partnerFieldsSchema.parse({
    name,
    status: "onboarding",
    tier: "silver",
    owner_id: world.people.manager.id,
    region: "EMEA",
    website: "https://example.com",
    primary_contact_name: "Ada Lovelace",
    primary_contact_email: "ada@example.com",
    commission_rate: "12.5",
    tags: ["reseller", "cloud"],
    ...extra,
  });
}

describe("new partner", () => {
  it("lets a member add one with every field the form has, recorded as theirs", async () => {
    const name = `Hand made ${token()}`;
    const { data, error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name), org_id: world.org.id })
      .select("id")
      .single();
    expect(error).toBeNull();
    const [row] = await sql<Record<string, unknown>>("select * from public.partners where id = $1", [data!.id]);
    expect(row).toMatchObject({
      name,
      status: "onboarding",
      tier: "silver",
      owner_id: world.people.manager.id,
      commission_rate: "12.50",
      tags: ["reseller", "cloud"],
      created_by: world.people.member.id,
    });
    const audit = await sql<{ actor_id: string }>(
      "select actor_id from public.audit_log where resource_type = 'partner' and resource_id = $1::text and action = 'partner.created'",
      [data!.id],
    );
    expect(audit.map((entry) => entry.actor_id)).toEqual([world.people.member.id]);
    expect(await countRows("partner_activity_log", { partner_id: data!.id, event_type: "partner.created" })).toBe(1);
  });

  it("refuses a viewer's insert and writes nothing", async () => {
    const name = `Viewer made ${token()}`;
    const { error } = await world.people.viewer.client
      .from("partners")
      .insert({ ...typed(name), org_id: world.org.id })
      .select("id")
      .single();
    expect(error?.code).toBe("42501");
    expect(translateDbError(error!).kind).toBe("forbidden");
    expect(await countRows("partners", { org_id: world.org.id, name })).toBe(0);
  });

  it("refuses an owner who is not staff of the org, at the owner field", async () => {
    const outsider = await createAuthUser(`outsider-${token()}@example.com`, "Outsider");
    const name = `Outsider owned ${token()}`;
    const { error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name, { owner_id: outsider }), org_id: world.org.id })
      .select("id")
      .single();
    expect(error).not.toBeNull();
    expect(translateDbError(error!).field).toBe("owner_id");
    expect(await countRows("partners", { org_id: world.org.id, name })).toBe(0);
  });

  it("cannot place a partner in another org, whatever the form sends", async () => {
    const name = `Elsewhere ${token()}`;
    const { error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name, { owner_id: null }), org_id: world.otherOrg.id })
      .select("id")
      .single();
    expect(error?.code).toBe("42501");
    expect(await countRows("partners", { org_id: world.otherOrg.id, name })).toBe(0);
  });
});
