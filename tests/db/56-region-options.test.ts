import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { createWorld, PERSONAS, STAFF_ROLES, type World } from "./support/world";

/**
 * partner_region_options(): the region filters' server search. Every staff role reads its
 * org's regions (any number of them, a page of matches at a time); nobody else reads any.
 */
let world: World;
const REGIONS = 120;

beforeAll(async () => {
  world = await createWorld("region-options");
  await sql(
    `insert into public.partners (org_id, name, status, region, archived_at)
     select $1, 'Region partner ' || n, 'active', 'Zone ' || lpad(n::text, 3, '0'),
            case when n = ${REGIONS} then now() end
       from generate_series(1, ${REGIONS}) as n`,
    [world.org.id],
  );
  // The other org's region must never show in this org's answer.
  await sql(
    `insert into public.partners (org_id, name, status, region) values ($1, 'Elsewhere', 'active', 'Zone 999')`,
    [world.otherOrg.id],
  );
});

const options = (persona: (typeof PERSONAS)[number], pattern: string | null, limit?: number) =>
  world.people[persona].client.rpc("partner_region_options", {
    p_org_id: world.org.id,
    p_pattern: pattern ?? undefined,
    p_limit: limit,
  });

describe("partner_region_options", () => {
  it.each(STAFF_ROLES)(
    "gives %s the org's regions matching the pattern, A to Z, archived partners' too",
    async (role) => {
      const { data, error } = await options(role, "%Zone 05%");
      expect(error).toBeNull();
      expect(data).toEqual(Array.from({ length: 10 }, (_, n) => `Zone 05${n}`));
      // The last partner is archived; its region still counts.
      expect((await options(role, "%Zone 120%")).data).toEqual(["Zone 120"]);
    },
  );

  it("answers at most the limit, capped at 100, and 20 by default", async () => {
    expect((await options("viewer", "%Zone%", 5)).data).toEqual([
      "Zone 001",
      "Zone 002",
      "Zone 003",
      "Zone 004",
      "Zone 005",
    ]);
    expect((await options("viewer", "%Zone%", 500)).data).toHaveLength(100);
    expect((await options("viewer", "%Zone%")).data).toHaveLength(20);
  });

  it("never shows another org's region", async () => {
    expect((await options("admin", "%Zone 999%")).data).toEqual([]);
  });

  it.each(PERSONAS.filter((name) => !(STAFF_ROLES as readonly string[]).includes(name)))(
    "gives %s nothing",
    async (persona) => {
      const { data, error } = await options(persona, "%Zone%");
      // anon may not call it at all; everyone else gets no rows under RLS
      if (persona === "anon") expect(error?.code).toBe("42501");
      else {
        expect(error).toBeNull();
        expect(data).toEqual([]);
      }
    },
  );
});
