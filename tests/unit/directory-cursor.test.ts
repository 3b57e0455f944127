import { describe, expect, it } from "vitest";
import { cursorFitsSort, parseCursor, serializeCursor } from "@/lib/partners/directory-cursor";
import { directoryQuerySchema } from "@/lib/partners/directory-query-schema";

const ID = "0b6b3c1e-8f1a-4a52-9d0e-2f6f4c9a1b23";

describe("directory cursors", () => {
  it("keeps commas in the key: the id is after the last one", () => {
    expect(parseCursor(`Acme, Inc.,${ID}`)).toEqual({ key: "Acme, Inc.", id: ID });
    expect(serializeCursor({ key: "Acme, Inc.", id: ID })).toBe(`Acme, Inc.,${ID}`);
  });

  it("reads an empty key as a row whose key is null", () => {
    expect(parseCursor(`,${ID}`)).toEqual({ key: null, id: ID });
    expect(cursorFitsSort({ key: null, id: ID }, "region")).toBe(true);
    expect(cursorFitsSort({ key: null, id: ID }, "name")).toBe(false);
  });

  it("refuses a cursor without a partner id", () => {
    expect(parseCursor("Acme")).toBeNull();
    expect(parseCursor("Acme,not-an-id")).toBeNull();
  });

  it("checks the key against the sort column's type", () => {
    expect(cursorFitsSort({ key: "3", id: ID }, "status")).toBe(true);
    expect(cursorFitsSort({ key: "Gold", id: ID }, "tier")).toBe(false);
    expect(cursorFitsSort({ key: "12.5", id: ID }, "commission_rate")).toBe(true);
    expect(cursorFitsSort({ key: "2026-12-01T10:00:00.123456+00:00", id: ID }, "updated_at")).toBe(true);
    expect(cursorFitsSort({ key: "yesterday", id: ID }, "created_at")).toBe(false);
  });
});

describe("the rows route's parameters", () => {
  it("reads the page's own URL spelling into the same view", () => {
    const parsed = directoryQuerySchema.safeParse({
      q: "Blue",
      status: "active,paused",
      sort: "-updated_at",
      page: "3",
      size: "50",
      after: `2026-12-01T10:00:00+00:00,${ID}`,
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      filter: { q: "Blue", status: ["active", "paused"] },
      sort: "-updated_at",
      page: 3,
      pageSize: 50,
      cursor: { direction: "after", at: { key: "2026-12-01T10:00:00+00:00", id: ID } },
    });
  });

  it("names the parameter it cannot read", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ status: "active,gone" }, "status"],
      [{ sort: "secret" }, "sort"],
      [{ page: "0" }, "page"],
      [{ size: "1000" }, "size"],
      [{ after: "nonsense" }, "after"],
      [{ sort: "tier", after: `Gold,${ID}` }, "after"],
      [{ after: `a,${ID}`, before: `b,${ID}` }, "before"],
      [{ parts: "everything" }, "parts"],
    ];
    for (const [query, field] of cases) {
      const parsed = directoryQuerySchema.safeParse(query);
      expect(parsed.success, JSON.stringify(query)).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(field);
    }
    // Control: no parameters is the first page of the default view, summary included.
    expect(directoryQuerySchema.safeParse({}).data?.rowsOnly).toBe(false);
  });

  it("leaves the summary out only when asked for the rows alone", () => {
    expect(directoryQuerySchema.safeParse({ parts: "rows", page: "2" }).data).toMatchObject({
      rowsOnly: true,
      page: 2,
    });
  });
});
