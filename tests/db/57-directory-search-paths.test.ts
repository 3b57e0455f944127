import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { createWorld, type World } from "./support/world";

/**
 * A text search's page takes one of two paths (partner_directory_page): few matches are read
 * through the trigram indexes and sorted; dense ones walk the sort's index until the page is
 * full. Which one is taken depends on the sample, so both must give exactly the rows plain
 * SQL gives: here a dense word (2,000 matches, which walks) and a rare one (3, which does not).
 */
let world: World;

beforeAll(async () => {
  world = await createWorld("search-paths");
  await sql(
    `insert into public.partners (org_id, name, status, region, created_at)
     select $1, case when n % 700 = 0 then 'Sparse ' else 'Dense ' end || (n % 37), 'active',
            case when n % 3 = 0 then null else 'Region ' || (n % 5) end,
            timestamptz '2026-01-01' + (n % 400) * interval '1 hour'
       from generate_series(1, 2100) n`,
    [world.org.id],
  );
  await sql("analyze public.partners");
});

const walks = async (term: string, pageSize: number) =>
  (
    await sql<{ walks: boolean }>(
      "select private.directory_search_walks($1, null, null, null, null, $2, false, $3) as walks",
      [world.org.id, term, pageSize],
    )
  )[0]!.walks;

async function expected(term: string, order: string, offset: number, limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `select id from public.partners
      where org_id = $1 and archived_at is null and (name ilike '%' || $2 || '%' or primary_contact_email ilike '%' || $2 || '%')
      order by ${order} offset $3 limit $4`,
    [world.org.id, term, offset, limit],
  );
  return rows.map((row) => row.id);
}

async function page(term: string, sort: string, descending: boolean, offset: number, limit: number) {
  const { data, error } = await world.people.viewer.client
    .rpc("partner_directory_page", {
      p_org_id: world.org.id,
      p_search: term,
      p_sort: sort,
      p_descending: descending,
      p_offset: offset,
      p_limit: limit,
    })
    .select(`id, ${sort}`)
    .order(sort, { ascending: !descending, nullsFirst: false })
    .order("id", { ascending: !descending });
  expect(error).toBeNull();
  return ((data ?? []) as unknown as { id: string }[]).map((row) => row.id);
}

describe("a search's page, by either path", () => {
  it("walks the sort's index for a dense word and reads a rare one's matches", async () => {
    expect(await walks("Dense", 50)).toBe(true);
    expect(await walks("Sparse", 50)).toBe(false);
  });

  it.each([
    ["name", false, "name asc, id asc"],
    ["name", true, "name desc, id desc"],
    ["created_at", true, "created_at desc, id desc"],
    ["region", false, "region asc nulls last, id asc"],
    ["region", true, "region desc nulls last, id desc"],
  ] as const)(
    "sorted by %s (descending: %s) equals plain SQL, first and deeper pages",
    async (sort, descending, order) => {
      for (const term of ["Dense", "Sparse"]) {
        for (const offset of [0, 50, 1_350]) {
          expect(await page(term, sort, descending, offset, 50), `${term} at ${offset}`).toEqual(
            await expected(term, order, offset, 50),
          );
        }
      }
    },
  );
});
