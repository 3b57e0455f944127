import { describe, expect, it } from "vitest";
import { addTags, hasTagSeparator } from "@/lib/validation/tags";

describe("adding tags as typed", () => {
  it("splits at commas, trims, drops empties and duplicates, keeps order", () => {
    expect(addTags(["vip"], " reseller, emea ,, vip ")).toEqual(["vip", "reseller", "emea"]);
    expect(addTags([], "   ")).toEqual([]);
  });

  it("splits a pasted list with one tag a line", () => {
    expect(addTags([], "emea\napac\n")).toEqual(["emea", "apac"]);
    expect(hasTagSeparator("emea\napac")).toBe(true);
    expect(hasTagSeparator("emea")).toBe(false);
  });

  it("leaves the list it was given alone", () => {
    const tags = ["vip"];
    addTags(tags, "emea");
    expect(tags).toEqual(["vip"]);
  });
});
