import { describe, expect, it } from "vitest";
import { packRows, unpackRows } from "@/lib/partners/directory-row-pack";
import type { DirectoryRow } from "@/lib/partners/directory-types";

const row: DirectoryRow = {
  id: "33333333-3333-4333-8333-000000000001",
  name: "Northwind Traders",
  status: "active",
  tier: "gold",
  status_rank: 3,
  tier_rank: 3,
  owner_id: "11111111-1111-4111-8111-000000000002",
  owner: { display_name: "Morgan Manager", email: "manager@acme.test" },
  region: "EMEA",
  primary_contact_name: "Rowan Rossi",
  primary_contact_email: "rowan@northwind.example",
  commission_rate: 12.5,
  tags: ["integrator", "consulting"],
  archived_at: null,
  created_at: "2025-12-19T18:26:52.339095+00:00",
  updated_at: "2026-12-01T18:26:52.339095+00:00",
};

const bare: DirectoryRow = {
  ...row,
  id: "33333333-3333-4333-8333-000000000002",
  owner_id: null,
  owner: null,
  region: null,
  primary_contact_name: null,
  primary_contact_email: null,
  commission_rate: null,
  tags: [],
  archived_at: "2026-11-30T10:00:00+00:00",
};

describe("packed directory rows", () => {
  it("unpack to the rows that were packed, owners and empty values included", () => {
    expect(unpackRows(packRows([row, bare]))).toEqual([row, bare]);
  });

  it("survive the trip through JSON, as the first render sends them", () => {
    const sent = JSON.parse(JSON.stringify(packRows([row, bare])));
    expect(unpackRows(sent)).toEqual([row, bare]);
  });

  it("leave out what no column shows (website and external id come with the preview)", () => {
    const unpacked = unpackRows(packRows([{ ...row, website: "https://northwind.example", external_id: "ACME-1" }]));
    expect(unpacked[0]).not.toHaveProperty("website");
    expect(unpacked[0]).not.toHaveProperty("external_id");
  });

  it("are smaller than the row objects", () => {
    const rows = Array.from({ length: 100 }, (_, index) => ({ ...row, id: `${row.id.slice(0, -3)}${index}` }));
    const packed = JSON.stringify(packRows(rows)).length;
    expect(packed).toBeLessThan(JSON.stringify(rows).length * 0.7);
  });
});
