import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerClient } from "@/lib/actions/safe-action";
import { sql } from "../support/db";
import { createWorld, type World } from "./support/world";

// The pickers' queries run here as each persona would run them through the route handlers.
vi.mock("server-only", () => ({}));
const { searchPartners, partnerOption } = await import("@/lib/pickers/search-partners");
const { searchActors, searchPartnerUsers, searchStaff, actorOption } = await import("@/lib/pickers/search-people");
const { listAuditEntries } = await import("@/lib/audit/queries");
const { listPartnerUsers } = await import("@/lib/partner-users/queries");

/**
 * Every partner and person picker searches on the server, so nothing is cut at PostgREST's
 * max-rows (1,000 here, as on hosted projects): a partner far past the first thousand A to Z
 * is found by typing, and each answer stays within its limit.
 */
let world: World;
let farPartner: string;
let archivedPartner: string;
const as = (name: keyof World["people"]) => world.people[name].client as unknown as ServerClient;

beforeAll(async () => {
  world = await createWorld("pickers");
  // 1,200 partners named before the one we look for, so it sits past the first thousand by name.
  await sql(
    `insert into public.partners (org_id, name, status)
     select $1, 'Aardvark ' || lpad(n::text, 4, '0'), 'active' from generate_series(1, 1200) as n`,
    [world.org.id],
  );
  ({ id: farPartner } = (
    await sql<{ id: string }>(
      `insert into public.partners (org_id, name, status) values ($1, 'Zephyr 100% Widgets_Co', 'active') returning id`,
      [world.org.id],
    )
  )[0]!);
  ({ id: archivedPartner } = (
    await sql<{ id: string }>(
      `insert into public.partners (org_id, name, status, archived_at) values ($1, 'Zephyr Archived', 'churned', now()) returning id`,
      [world.org.id],
    )
  )[0]!);
}, 120_000);

describe("partner picker", () => {
  it("has more partners than the API's row limit to search", async () => {
    const [row] = await sql<{ count: string }>("select count(*) from public.partners where org_id = $1", [
      world.org.id,
    ]);
    expect(Number(row!.count)).toBeGreaterThan(1000);
    const all = await as("admin").from("partners").select("id").eq("org_id", world.org.id).order("name");
    expect(all.data).toHaveLength(1000);
  });

  it("finds a partner past the first thousand by typing part of its name", async () => {
    const options = await searchPartners(as("admin"), world.org.id, { q: "zephyr", limit: 20 });
    expect(options.map((option) => option.id)).toEqual([farPartner]);
  });

  it("answers at most the limit, A to Z, when nothing is typed", async () => {
    const options = await searchPartners(as("member"), world.org.id, { q: "", limit: 20 });
    expect(options).toHaveLength(20);
    expect(options[0]!.label).toBe("Aardvark 0001");
  });

  it("reads % and _ as the letters typed, not as wildcards", async () => {
    expect((await searchPartners(as("admin"), world.org.id, { q: "100%", limit: 20 })).map((o) => o.id)).toEqual([
      farPartner,
    ]);
    expect(await searchPartners(as("admin"), world.org.id, { q: "0_1", limit: 20 })).toEqual([]);
    expect((await searchPartners(as("admin"), world.org.id, { q: "s_C", limit: 20 })).map((o) => o.id)).toEqual([
      farPartner,
    ]);
  });

  it("leaves archived partners out unless asked, and marks them", async () => {
    expect((await searchPartners(as("admin"), world.org.id, { q: "Zephyr Arch", limit: 20 })).length).toBe(0);
    const withArchived = await searchPartners(as("admin"), world.org.id, {
      q: "Zephyr Arch",
      limit: 20,
      includeArchived: true,
    });
    expect(withArchived).toEqual([{ id: archivedPartner, label: "Zephyr Archived", detail: "archived" }]);
  });

  it("names the partner a link arrives with, and nothing of another org", async () => {
    expect(await partnerOption(as("admin"), world.org.id, farPartner)).toEqual({
      id: farPartner,
      label: "Zephyr 100% Widgets_Co",
    });
    expect(await partnerOption(as("admin"), world.org.id, world.partners.foreign)).toBeNull();
  });

  it("shows a stranger from another org none of our partners", async () => {
    expect(await searchPartners(as("stranger"), world.org.id, { q: "zephyr", limit: 20 })).toEqual([]);
    expect(await partnerOption(as("stranger"), world.org.id, farPartner)).toBeNull();
  });
});

describe("people pickers", () => {
  it("finds a partner user by email, active ones only when asked", async () => {
    const email = world.people.partnerInactive.email;
    expect((await searchPartnerUsers(as("admin"), world.org.id, { q: email, limit: 20 })).map((o) => o.id)).toEqual([
      world.people.partnerInactive.id,
    ]);
    expect(await searchPartnerUsers(as("admin"), world.org.id, { q: email, limit: 20, activeOnly: true })).toEqual([]);
  });

  it("finds staff by email through their profile", async () => {
    const options = await searchStaff(as("admin"), world.org.id, { q: world.people.manager.email, limit: 20 });
    expect(options.map((o) => o.id)).toEqual([world.people.manager.id]);
  });

  it("offers staff and partner users as audit actors, and names one a link arrives with", async () => {
    const options = await searchActors(as("admin"), world.org.id, { q: "", limit: 50 });
    const ids = options.map((o) => o.id);
    expect(ids).toContain(world.people.viewer.id);
    expect(ids).toContain(world.people.partner.id);
    expect(ids).not.toContain(world.people.stranger.id);
    expect((await actorOption(as("admin"), world.org.id, world.people.partner.id))?.detail).toBe("partner user");
    expect((await actorOption(as("admin"), world.org.id, world.people.member.id))?.detail).toBe("staff");
  });

  it("gives a stranger from another org none of our people", async () => {
    expect(await searchActors(as("stranger"), world.org.id, { q: "", limit: 50 })).toEqual([]);
    expect(await actorOption(as("stranger"), world.org.id, world.people.member.id)).toBeNull();
  });
});

describe("pages past the end", () => {
  it("reads an audit page far past the last as empty, with the real total", async () => {
    const org = { id: world.org.id, time_zone: "UTC" };
    const first = await listAuditEntries(as("admin"), org, { page: 1 });
    expect(first.total).toBeGreaterThan(0);
    const beyond = await listAuditEntries(as("admin"), org, { page: 999 });
    expect(beyond).toEqual({ entries: [], total: first.total });
  });

  it("reads a partner-user page past the last as empty, with the real total", async () => {
    const first = await listPartnerUsers(as("admin"), world.org.id, { page: 1 });
    expect(first.users.length).toBeGreaterThan(0);
    const beyond = await listPartnerUsers(as("admin"), world.org.id, { page: 999 });
    expect(beyond).toEqual({ users: [], total: first.total });
  });
});
