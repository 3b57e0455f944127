import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { SORT_COLUMNS, SORT_KEYS, type SortColumn } from "@/lib/partners/directory-columns";
import { cursorOf, type DirectoryCursor } from "@/lib/partners/directory-cursor";
import type { DirectoryRow } from "@/lib/partners/directory-types";
import { sql } from "../support/db";
import { createWorld, type World } from "./support/world";

/**
 * The directory's pages by cursor (partner_directory_page) are the offset pages, row for row,
 * for every sort key in both directions, through ties (shared names, statuses, tiers and
 * instants), nulls (region, commission rate) and the program order of status and tier; and
 * the summary's count is exact up to its limit, then an estimate with no money.
 */
let world: World;
const PAGE = 4;
const STATUSES = ["churned", "active", "prospect", "paused", "onboarding"];
const TIERS = ["platinum", "gold", "registered", "silver"];

beforeAll(async () => {
  world = await createWorld("keyset-pages");
  await sql("delete from public.partners where org_id = $1", [world.org.id]);
  // 31 partners: names repeat (ties), one in three has no region, one in four no rate, and
  // creation instants come in threes (ties on created_at; updated_at ties through the batch).
  await sql(
    `insert into public.partners (org_id, name, status, tier, region, commission_rate, created_at)
     select $1, 'Keyset ' || (n % 7), ($2::text[])[1 + n % 5], ($3::text[])[1 + n % 4],
            case when n % 3 = 0 then null else 'Region ' || (n % 4) end,
            case when n % 4 = 0 then null else (n % 5) * 2.5 end,
            timestamptz '2026-01-01' + (n / 3) * interval '1 hour'
       from generate_series(1, 31) n`,
    [world.org.id, STATUSES, TIERS],
  );
});

type Read = { after?: DirectoryCursor; before?: DirectoryCursor; offset?: number; limit?: number };

async function page(client: SupabaseClient, column: SortColumn, descending: boolean, read: Read) {
  return client
    .rpc("partner_directory_page", {
      p_org_id: world.org.id,
      p_sort: SORT_COLUMNS[column],
      p_descending: descending,
      p_limit: read.limit ?? PAGE,
      p_offset: read.offset ?? 0,
      ...(read.after ? { p_after_key: read.after.key ?? undefined, p_after_id: read.after.id } : {}),
      ...(read.before ? { p_before_key: read.before.key ?? undefined, p_before_id: read.before.id } : {}),
    })
    .select("*")
    .order(SORT_COLUMNS[column], { ascending: !descending, nullsFirst: false })
    .order("id", { ascending: !descending });
}

async function rowsOf(client: SupabaseClient, column: SortColumn, descending: boolean, read: Read) {
  const { data, error } = await page(client, column, descending, read);
  expect(error).toBeNull();
  return (data ?? []) as DirectoryRow[];
}

const ids = (rows: DirectoryRow[]) => rows.map((row) => row.id);

describe("keyset pages equal offset pages", () => {
  for (const column of SORT_KEYS)
    for (const descending of [false, true])
      it(`${descending ? "-" : ""}${column}: next and previous walk the offset pages`, async () => {
        const viewer = world.people.viewer.client;
        const all = await rowsOf(viewer, column, descending, { limit: 100 });
        expect(all).toHaveLength(31);
        // The one total order: the key (nulls last), then id in the key's direction.
        const field = SORT_COLUMNS[column] as keyof DirectoryRow;
        const values = all.map((row) => row[field]);
        const firstNull = values.findIndex((value) => value === null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((value) => value === null)).toBe(true);

        const offsetPages: string[][] = [];
        for (let offset = 0; offset < all.length; offset += PAGE)
          offsetPages.push(ids(await rowsOf(viewer, column, descending, { offset })));
        expect(offsetPages.flat()).toEqual(ids(all));

        // Forward: each next page starts after the last row of the one before.
        let current = await rowsOf(viewer, column, descending, {});
        const forward = [ids(current)];
        while (forward.length < offsetPages.length) {
          current = await rowsOf(viewer, column, descending, { after: cursorOf(current.at(-1)!, column) });
          forward.push(ids(current));
        }
        expect(forward).toEqual(offsetPages);
        expect(await rowsOf(viewer, column, descending, { after: cursorOf(current.at(-1)!, column) })).toEqual([]);

        // Backward from the last page: each previous page ends before the first row of the one after.
        const backward = [ids(current)];
        while (backward.length < offsetPages.length) {
          const previous = await rowsOf(viewer, column, descending, { before: cursorOf(current[0]!, column) });
          current = previous;
          backward.unshift(ids(current));
        }
        // The last page may be short; backward pages are full, so compare the rows each holds in order.
        expect(backward.flat()).toEqual(ids(all).slice(0, backward.flat().length));
        expect(backward[0]).toEqual(offsetPages[0]);
      });

  it("reads status and tier in program order, not A to Z", async () => {
    const byStatus = await rowsOf(world.people.viewer.client, "status", false, { limit: 100 });
    expect([...new Set(byStatus.map((row) => row.status))]).toEqual([
      "prospect",
      "onboarding",
      "active",
      "paused",
      "churned",
    ]);
    const byTier = await rowsOf(world.people.viewer.client, "tier", true, { limit: 100 });
    expect([...new Set(byTier.map((row) => row.tier))]).toEqual(["platinum", "gold", "silver", "registered"]);
  });

  it("refuses an unknown sort column instead of sorting by something else", async () => {
    const { error } = await world.people.viewer.client.rpc("partner_directory_page", {
      p_org_id: world.org.id,
      p_sort: "external_id",
    });
    expect(error?.code).toBe("22023");
  });
});

describe("who may read the pages", () => {
  it("gives anon nothing to call, and partner users and other orgs' staff no rows", async () => {
    const anon = await page(world.people.anon.client, "name", false, {});
    expect(anon.error?.code).toBe("42501");
    for (const persona of ["partner", "stranger"] as const) {
      const result = await page(world.people[persona].client, "name", false, {});
      expect(result.error).toBeNull();
      expect(result.data).toEqual([]);
    }
    // Control: staff of the org get the page.
    expect(await rowsOf(world.people.member.client, "name", false, {})).toHaveLength(PAGE);
  });

  it("counts nothing for anon, partner users or other orgs' staff", async () => {
    const anon = await world.people.anon.client.rpc("partner_directory_summary", { p_org_id: world.org.id });
    expect(anon.error?.code).toBe("42501");
    for (const persona of ["partner", "stranger"] as const) {
      const { data, error } = await world.people[persona].client.rpc("partner_directory_summary", {
        p_org_id: world.org.id,
        p_search: "Keyset",
      });
      expect(error).toBeNull();
      expect(Number(data?.[0]?.matching_partners ?? 0)).toBe(0);
    }
  });
});

describe("the summary's count", () => {
  it("is exact with its money up to the limit, then an estimate with no money", async () => {
    const viewer = world.people.viewer.client;
    const exact = await viewer.rpc("partner_directory_summary", { p_org_id: world.org.id, p_search: "Keyset" });
    expect(exact.error).toBeNull();
    expect(exact.data?.[0]).toMatchObject({ matching_partners: 31, matching_is_estimate: false });
    expect(exact.data?.[0]?.pipeline_value).not.toBeNull();

    const estimated = await viewer.rpc("partner_directory_summary", {
      p_org_id: world.org.id,
      p_search: "Keyset",
      p_exact_limit: 10,
    });
    expect(estimated.error).toBeNull();
    const row = estimated.data?.[0];
    expect(row?.matching_is_estimate).toBe(true);
    // The test stack's table is smaller than the estimate's sample, so the sample is every row.
    expect(Number(row?.matching_partners)).toBe(31);
    expect(row?.pipeline_value).toBeNull();
    expect(row?.owed_commission).toBeNull();
    expect(row?.active_partners).toBeNull();
  });

  // The sample decides far from the limit, an exact count near it: every path gives the same answer.
  it.each([
    [10, true, "the sample is over three times the limit"],
    [20, true, "near the limit, counted past it"],
    [40, false, "near the limit, counted under it"],
    [200, false, "the sample is under a third of the limit"],
  ])("with an exact limit of %i is an estimate: %s (%s)", async (limit, estimated) => {
    const { data, error } = await world.people.viewer.client.rpc("partner_directory_summary", {
      p_org_id: world.org.id,
      p_search: "Keyset",
      p_exact_limit: limit,
    });
    expect(error).toBeNull();
    expect(data?.[0]?.matching_is_estimate).toBe(estimated);
    expect(Number(data?.[0]?.matching_partners)).toBe(estimated ? Math.max(31, limit + 1) : 31);
    expect(data?.[0]?.pipeline_value === null).toBe(estimated);
  });

  it("pages only a search's matches", async () => {
    const viewer = world.people.viewer.client;
    const { data } = await viewer
      .rpc("partner_directory_page", { p_org_id: world.org.id, p_search: "Keyset 3", p_limit: 100 })
      .select("name");
    expect(((data ?? []) as { name: string }[]).map((row) => row.name)).toEqual(Array(5).fill("Keyset 3"));
  });
});
