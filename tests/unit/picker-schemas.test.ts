import { describe, expect, it } from "vitest";
import { containsPattern, pickerQuerySchema } from "@/lib/pickers/schemas";

describe("picker search terms", () => {
  it("matches what was typed anywhere in the value", () => {
    expect(containsPattern("Blue")).toBe("%Blue%");
  });

  it("escapes LIKE's wildcards so they match themselves", () => {
    expect(containsPattern("100%")).toBe("%100\\%%");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
  });

  it("drops the signs PostgREST reads as syntax, and asks for everything when nothing is left", () => {
    expect(containsPattern("a,b(c)")).toBe("%a b c%");
    expect(containsPattern("  * , ")).toBeNull();
    expect(containsPattern("")).toBeNull();
  });

  it("caps the limit and the length of a term", () => {
    expect(pickerQuerySchema.parse({})).toEqual({ q: "", limit: 20 });
    expect(pickerQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
    expect(pickerQuerySchema.safeParse({ q: "x".repeat(101) }).error?.issues[0]?.message).toBe(
      "Search with at most 100 characters.",
    );
  });
});
