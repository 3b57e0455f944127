import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { createWorld, type World } from "./support/world";

/**
 * Status and tier sort in program order through the API (by their generated ranks), and the
 * ranks follow every change of status or tier, as the directory's sort relies on.
 */
let world: World;
const STATUSES = ["churned", "active", "prospect", "paused", "onboarding"];
const TIERS = ["platinum", "gold", "registered", "silver"];

beforeAll(async () => {
  world = await createWorld("program-order");
  await sql("delete from public.partners where org_id = $1", [world.org.id]);
  for (const [index, status] of STATUSES.entries())
    await sql("insert into public.partners (org_id, name, status, tier) values ($1, $2, $3, $4)", [
      world.org.id,
      `Order ${status}`,
      status,
      TIERS[index % TIERS.length],
    ]);
});

describe("program order", () => {
  it("sorts status along the lifecycle, not A to Z", async () => {
    const { data, error } = await world.people.viewer.client
      .from("partners")
      .select("status")
      .eq("org_id", world.org.id)
      .order("status_rank")
      .order("id");
    expect(error).toBeNull();
    expect(data!.map((row) => row.status)).toEqual(["prospect", "onboarding", "active", "paused", "churned"]);
  });

  it("sorts tier from registered up, and descending from platinum down", async () => {
    const { data } = await world.people.viewer.client
      .from("partners")
      .select("tier")
      .eq("org_id", world.org.id)
      .order("tier_rank", { ascending: false })
      .order("id");
    expect([...new Set(data!.map((row) => row.tier))]).toEqual(["platinum", "gold", "silver", "registered"]);
  });

  it("moves a partner's rank with its status", async () => {
    const { id } = (
      await sql<{ id: string }>("select id from public.partners where org_id = $1 and status = 'prospect'", [
        world.org.id,
      ])
    )[0]!;
    const { error } = await world.people.member.client.from("partners").update({ status: "churned" }).eq("id", id);
    expect(error).toBeNull();
    const [row] = await sql<{ status_rank: number }>("select status_rank from public.partners where id = $1", [id]);
    expect(row!.status_rank).toBe(5);
  });

  it("refuses a rank written directly, so it cannot disagree with the status", async () => {
    const { id } = (
      await sql<{ id: string }>("select id from public.partners where org_id = $1 limit 1", [world.org.id])
    )[0]!;
    const { error } = await world.people.admin.client
      .from("partners")
      .update({ status_rank: 1 } as never)
      .eq("id", id);
    // Postgres refuses any write to a generated column (428C9), before privileges are even asked.
    expect(["42501", "428C9"]).toContain(error?.code);
    const control = await world.people.admin.client.from("partners").update({ region: "EMEA" }).eq("id", id);
    expect(control.error).toBeNull();
  });
});
