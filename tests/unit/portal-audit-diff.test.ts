import { describe, expect, it } from "vitest";
import { diffRows, showValue } from "@/lib/audit/diff";

describe("audit diff", () => {
  it("lines up before and after by key and marks changed keys", () => {
    const rows = diffRows(
      { status: "active", tier: "gold", name: "A" },
      { status: "paused", tier: "gold", name: "A", region: "EMEA" },
    );
    expect(rows.map((row) => [row.key, row.changed])).toEqual([
      ["name", false],
      ["region", true],
      ["status", true],
      ["tier", false],
    ]);
  });

  it("treats a create (no before) and a delete (no after) as all keys changed", () => {
    expect(diffRows(null, { id: 1 })).toEqual([{ key: "id", before: undefined, after: 1, changed: true }]);
    expect(diffRows({ id: 1 }, null)[0]!.changed).toBe(true);
  });

  it("compares nested values by content", () => {
    expect(diffRows({ scope: ["referrals"] }, { scope: ["referrals"] })[0]!.changed).toBe(false);
    expect(showValue(["a"])).toBe('["a"]');
    expect(showValue(null)).toBe("null");
  });
});
