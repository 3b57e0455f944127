import { describe, expect, it } from "vitest";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/partners/directory-columns";
import {
  directoryFilterSchema,
  hasActiveFilter,
  loadDirectoryParams,
  normalizeSearch,
  resolveDirectoryView,
  serializeDirectoryParams,
} from "@/lib/partners/directory-params";

const view = (query: string, layout = {}) =>
  resolveDirectoryView(loadDirectoryParams(new URLSearchParams(query)), layout);

describe("directory URL state", () => {
  it("gives the defaults for an empty URL", () => {
    expect(view("")).toEqual({
      filter: { q: "", status: [], tier: [], owner: null, region: null, archived: false },
      sort: "name",
      page: 1,
      cursor: null,
      pageSize: 100,
      columns: [...DEFAULT_VISIBLE_COLUMNS],
      preview: null,
    });
  });

  it("reads a next or previous page's cursor, and drops one that cannot belong to the sort", () => {
    const id = "0b6b3c1e-8f1a-4a52-9d0e-2f6f4c9a1b23";
    expect(view(`page=2&after=Acme%2C%20Inc.,${id}`).cursor).toEqual({
      direction: "after",
      at: { key: "Acme, Inc.", id },
    });
    expect(view(`sort=tier&page=2&before=2,${id}`).cursor).toEqual({ direction: "before", at: { key: "2", id } });
    expect(view(`sort=tier&page=2&after=Gold,${id}`).cursor).toBeNull();
  });

  it("reads every filter, the sort, the page, the size and the columns", () => {
    const v = view(
      "q=north&status=active,paused&tier=gold&owner=11111111-1111-4111-8111-000000000002&region=EMEA&archived=true&sort=-updated_at&page=3&size=50&cols=status,tier",
    );
    expect(v.filter).toEqual({
      q: "north",
      status: ["active", "paused"],
      tier: ["gold"],
      owner: "11111111-1111-4111-8111-000000000002",
      region: "EMEA",
      archived: true,
    });
    expect(v.sort).toBe("-updated_at");
    expect(v.page).toBe(3);
    expect(v.pageSize).toBe(50);
    // Name always shows, first.
    expect(v.columns).toEqual(["name", "status", "tier"]);
  });

  it("drops values it does not know instead of failing", () => {
    const v = view("status=active,bogus&tier=diamond&owner=not-a-uuid&sort=secret&size=7&cols=name,password&page=abc");
    expect(v.filter.status).toEqual(["active"]);
    expect(v.filter.tier).toEqual([]);
    expect(v.filter.owner).toBeNull();
    expect(v.sort).toBe("name");
    expect(v.pageSize).toBe(100);
    expect(v.columns).toEqual(["name"]);
    expect(v.page).toBe(1);
  });

  it("keeps the page at 1 or more", () => {
    expect(view("page=0").page).toBe(1);
    expect(view("page=-4").page).toBe(1);
  });

  it("accepts owner ids without RFC version bits (seeded and imported ids)", () => {
    expect(view("owner=a41f264b-14d6-dd8f-1e5d-811382e65542").filter.owner).toBe(
      "a41f264b-14d6-dd8f-1e5d-811382e65542",
    );
  });

  it("fills sort, size and columns from the saved layout only when the URL is silent", () => {
    const layout = { sort: "-created_at" as const, size: 200 as const, columns: ["name" as const, "owner" as const] };
    expect(view("", layout)).toMatchObject({ sort: "-created_at", pageSize: 200, columns: ["name", "owner"] });
    expect(view("sort=tier&size=50&cols=region", layout)).toMatchObject({
      sort: "tier",
      pageSize: 50,
      columns: ["name", "region"],
    });
  });

  it("never takes filters from the layout", () => {
    expect(view("", { status: ["active"] } as never).filter.status).toEqual([]);
  });

  it("round-trips through the serializer", () => {
    const url = serializeDirectoryParams("/admin/partners/export", {
      status: ["paused"],
      tier: ["silver", "gold"],
      q: "blue",
      sort: "-name",
    });
    const parsed = view(url.split("?")[1]!);
    expect(parsed.filter).toMatchObject({ status: ["paused"], tier: ["silver", "gold"], q: "blue" });
    expect(parsed.sort).toBe("-name");
  });
});

describe("search normalisation", () => {
  it("strips what ILIKE or PostgREST's or=() would read as syntax", () => {
    expect(normalizeSearch("  50%_off, (north)*  ")).toBe("50 off north");
    expect(normalizeSearch('a"b\\c:d')).toBe("a b c d");
    expect(normalizeSearch("x".repeat(150))).toHaveLength(100);
  });

  it("applies to the URL's q", () => {
    expect(view("q=%25%25").filter.q).toBe("");
    expect(view("q=blue%2Clabs").filter.q).toBe("blue labs");
  });
});

describe("directory filter schema (bulk actions, export)", () => {
  it("fills defaults and normalises the search", () => {
    expect(directoryFilterSchema.parse({ q: "a,b" })).toEqual({
      q: "a b",
      status: [],
      tier: [],
      owner: null,
      region: null,
      archived: false,
    });
  });

  it("refuses unknown statuses and tiers", () => {
    expect(directoryFilterSchema.safeParse({ status: ["gone"] }).success).toBe(false);
    expect(directoryFilterSchema.safeParse({ tier: ["diamond"] }).success).toBe(false);
  });

  it("knows when a filter is active", () => {
    expect(hasActiveFilter(directoryFilterSchema.parse({}))).toBe(false);
    expect(hasActiveFilter(directoryFilterSchema.parse({ archived: true }))).toBe(true);
    expect(hasActiveFilter(directoryFilterSchema.parse({ region: "EMEA" }))).toBe(true);
  });
});
