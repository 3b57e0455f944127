import { describe, expect, it } from "vitest";
import { CLEAR_MARKER, escapeCell, readImportCell, unescapeCell } from "@/lib/csv/cell";
import { parseCsv } from "@/lib/csv/read";
import { toCsv } from "@/lib/csv/write";

/** Values that a spreadsheet would run, values that look escaped already, and plain ones. */
export const CSV_VECTORS = [
  '=HYPERLINK("x")\nsecond line',
  "+1 Corp",
  "-Dash Corp",
  "@Home Networks",
  "\tTabbed",
  "\rCarriage",
  "line\nbreak",
  "'Til Dawn Ltd",
  "''Twice",
  CLEAR_MARKER,
  "Plain Partner",
  "Comma, Inc",
  'Quote "Q" Ltd',
  "",
];

describe("the one CSV escaping rule", () => {
  it("prefixes every value a spreadsheet would run, multi-line ones included", () => {
    expect(escapeCell('=HYPERLINK("x")\nsecond line')).toBe(`'=HYPERLINK("x")\nsecond line`);
    expect(escapeCell("+1 Corp")).toBe("'+1 Corp");
    expect(escapeCell("-Dash Corp")).toBe("'-Dash Corp");
    expect(escapeCell("@Home Networks")).toBe("'@Home Networks");
    expect(escapeCell("\tTabbed")).toBe("'\tTabbed");
    expect(escapeCell("\rCarriage")).toBe("'\rCarriage");
  });

  it("prefixes values that already begin with an apostrophe, and the clear marker, so reading is exact", () => {
    expect(escapeCell("'Til Dawn Ltd")).toBe("''Til Dawn Ltd");
    expect(escapeCell(CLEAR_MARKER)).toBe(`'${CLEAR_MARKER}`);
  });

  it("leaves other values alone", () => {
    for (const value of ["Plain Partner", "line\nbreak", "a=b", "1+1", "", " -leading space"])
      expect(escapeCell(value)).toBe(value);
  });

  it("reads back every value exactly as it was", () => {
    for (const value of CSV_VECTORS) expect(unescapeCell(escapeCell(value))).toBe(value);
  });

  it("round-trips every value through a whole file, quoting and line breaks included", () => {
    const rows = CSV_VECTORS.map((value, index) => ({ n: index, value }));
    const text = toCsv(["n", "value"] as const, rows);
    expect(text.endsWith("\r\n")).toBe(true);
    // Nothing a spreadsheet would run starts a cell.
    expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
    const { headers, records } = parseCsv(text);
    expect(headers).toEqual(["n", "value"]);
    // The empty value makes a row whose only other cell is its number; greedy skipping keeps it.
    expect(records.map((record) => unescapeCell(record.value ?? ""))).toEqual(CSV_VECTORS);
  });

  it("writes numbers in the machine format, whatever the org's locale", () => {
    const text = toCsv(["amount", "rate", "missing"] as const, [{ amount: 3750.5, rate: 12.5, missing: null }]);
    expect(text).toBe("amount,rate,missing\r\n3750.5,12.5,\r\n");
  });

  it("writes nothing for no rows without a header, so chunks join into one file", () => {
    expect(toCsv(["a"] as const, [], { header: false })).toBe("");
    expect(toCsv(["a"] as const, [], { header: true })).toBe("a\r\n");
  });
});

describe("import cells", () => {
  it("keeps on a blank cell, clears on the marker as typed, and unescapes values", () => {
    expect(readImportCell(undefined)).toEqual({ kind: "keep" });
    expect(readImportCell("   ")).toEqual({ kind: "keep" });
    expect(readImportCell(CLEAR_MARKER)).toEqual({ kind: "clear" });
    expect(readImportCell(` ${CLEAR_MARKER} `)).toEqual({ kind: "clear" });
    expect(readImportCell(escapeCell(CLEAR_MARKER))).toEqual({ kind: "set", value: CLEAR_MARKER });
    expect(readImportCell("''Til Dawn Ltd")).toEqual({ kind: "set", value: "'Til Dawn Ltd" });
    expect(readImportCell("'-Dash Corp")).toEqual({ kind: "set", value: "-Dash Corp" });
  });
});
