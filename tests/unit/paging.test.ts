import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageNumber, pageRange, paged, pastEndPage } from "@/lib/paging/page";

describe("paging", () => {
  it("reads ?page= as a positive whole number, anything else as the first page", () => {
    expect(pageNumber("3")).toBe(3);
    for (const raw of [undefined, "", "0", "-2", "1.5", "abc", "9999999"]) expect(pageNumber(raw)).toBe(1);
    expect(pageNumber(["4", "5"])).toBe(4);
  });

  it("turns a page into the inclusive range PostgREST takes", () => {
    expect(pageRange(1)).toEqual([0, PAGE_SIZE - 1]);
    expect(pageRange(3, 10)).toEqual([20, 29]);
  });

  it("counts pages from the total, with at least one", () => {
    expect(paged([], 0, 1)).toMatchObject({ total: 0, pages: 1 });
    expect(paged([], 101, 1)).toMatchObject({ total: 101, pages: 3 });
  });

  it("takes a refused page past the end as an empty page that knows the total", () => {
    const past = pastEndPage(
      { code: "PGRST103", details: "An offset of 5000 was requested, but there are only 3151 rows." },
      101,
    );
    expect(past).toEqual({ rows: [], total: 3151, page: 101, pages: 64, pageSize: PAGE_SIZE });
    expect(pastEndPage({ code: "42501" }, 2)).toBeNull();
    expect(pastEndPage(null, 2)).toBeNull();
  });
});
