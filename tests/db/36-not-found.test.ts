import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { translateDbError } from "@/lib/db/errors";
import { sql } from "../support/db";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("not-found");
});

describe("add_partner_note: a missing or foreign partner is 404, never 500", () => {
  it.each([
    ["another org's partner", () => world.partners.foreign],
    ["a partner that does not exist", () => randomUUID()],
  ])("answers 404 for %s and writes nothing", async (_what, partnerId) => {
    const id = partnerId();
    const result = await world.people.member.client.rpc("add_partner_note", { p_partner_id: id, p_body: "Hello?" });
    expect(result.status).toBe(404);
    expect(result.error?.code).toBe("PT404");
    expect(translateDbError(result.error!)).toMatchObject({ kind: "not_found" });
    expect(await sql("select 1 from public.partner_notes where partner_id = $1", [id])).toEqual([]);
  });

  it("answers 404 to a partner user, who cannot see internal notes' partner as staff", async () => {
    const result = await world.people.strangerPartner.client.rpc("add_partner_note", {
      p_partner_id: world.partners.granted,
      p_body: "Let me in",
    });
    expect(result.status).toBe(404);
  });

  it("refuses a viewer with 403, not 500", async () => {
    const result = await world.people.viewer.client.rpc("add_partner_note", {
      p_partner_id: world.partners.granted,
      p_body: "Viewers look",
    });
    expect(result.status).toBe(403);
    expect(result.error?.code).toBe("42501");
  });

  it("control: an editor adds a note to their own partner", async () => {
    const result = await world.people.member.client.rpc("add_partner_note", {
      p_partner_id: world.partners.granted,
      p_body: "Met at the summit",
    });
    expect(result.error).toBeNull();
    expect(result.data).toMatchObject({ partner_id: world.partners.granted, body: "Met at the summit" });
  });
});

describe("the other RPCs answer a foreign or missing record without a server error", () => {
  const calls: [string, (w: World, id: string) => Record<string, unknown>][] = [
    ["partner_rollups", (_w, id) => ({ p_partner_id: id })],
    ["portal_partner_rollups", (_w, id) => ({ p_partner_id: id })],
    ["portal_commission_statement", (_w, id) => ({ p_partner_id: id })],
    ["partner_directory_regions", (w) => ({ p_org_id: w.otherOrg.id })],
    ["partner_region_options", (w) => ({ p_org_id: w.otherOrg.id, p_pattern: "%a%" })],
    ["partner_directory_search", (w) => ({ p_org_id: w.otherOrg.id, p_search: "a" })],
  ];

  it.each(calls)("%s", async (name, args) => {
    for (const id of [world.partners.foreign, randomUUID()]) {
      const result = await world.people.member.client.rpc(name as never, args(world, id) as never);
      expect(result.status, JSON.stringify(result.error)).toBeLessThan(500);
      if (!result.error) expect(result.data).toEqual([]);
    }
  });

  it("import_partners into another org is refused, not a server error", async () => {
    const result = await world.people.member.client.rpc("import_partners", {
      p_org_id: world.otherOrg.id,
      p_rows: [{ external_id: "X-1", name: "Smuggled" }],
    });
    expect(result.status).toBeLessThan(500);
    expect(result.error).not.toBeNull();
    expect(
      await sql("select 1 from public.partners where org_id = $1 and external_id = 'X-1'", [world.otherOrg.id]),
    ).toEqual([]);
  });
});
