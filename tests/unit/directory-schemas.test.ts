import { describe, expect, it } from "vitest";
import { bulkUpdatePartnersSchema } from "@/lib/partners/bulk-schemas";
import {
  diffImportDoc,
  parseImportCsv,
  previewImport,
  importDocs,
  type ExistingPartner,
} from "@/lib/partners/csv/import-rows";
import { exportRecord, toCsvLines } from "@/lib/partners/csv/to-csv";
import type { DirectoryRow } from "@/lib/partners/directory-types";
import { partnerFieldsSchema, partnerPatchSchema } from "@/lib/partners/schemas";
import { directoryLayoutSchema, readDirectoryLayout } from "@/lib/preferences/directory-layout";

const OWNERS = new Set(["manager@acme.test", "member@acme.test"]);
const SEEDED_ID = "a41f264b-14d6-dd8f-1e5d-811382e65542";

describe("inline edit schema (grid and updatePartnerField)", () => {
  it("accepts one changed field with the version the editor saw", () => {
    const parsed = partnerPatchSchema.parse({
      partnerId: SEEDED_ID,
      expectedUpdatedAt: "2026-11-21T10:19:00.049223+00:00",
      changes: { name: "  Blue Labs  " },
    });
    expect(parsed.changes).toEqual({ name: "Blue Labs" });
  });

  it("refuses an empty name, an unknown status, and a patch with nothing in it", () => {
    const base = { partnerId: SEEDED_ID, expectedUpdatedAt: "x" };
    expect(partnerPatchSchema.safeParse({ ...base, changes: { name: " " } }).error?.issues[0]?.message).toBe(
      "Name is required",
    );
    expect(partnerPatchSchema.safeParse({ ...base, changes: { status: "gone" } }).success).toBe(false);
    expect(partnerPatchSchema.safeParse({ ...base, changes: {} }).success).toBe(false);
    expect(partnerPatchSchema.safeParse({ ...base, expectedUpdatedAt: "", changes: { tier: "gold" } }).success).toBe(
      false,
    );
  });

  it("turns an emptied region into null, as the grid's editor sends it", () => {
    expect(partnerFieldsSchema.pick({ region: true }).parse({ region: "  " })).toEqual({ region: null });
  });
});

describe("bulk update schema", () => {
  it("takes picked ids or a filter, and one change", () => {
    expect(
      bulkUpdatePartnersSchema.safeParse({
        target: { kind: "ids", ids: [SEEDED_ID] },
        change: { kind: "status", status: "paused" },
      }).success,
    ).toBe(true);
    expect(
      bulkUpdatePartnersSchema.safeParse({
        target: { kind: "filter", filter: { status: ["active"] } },
        change: { kind: "archive" },
      }).success,
    ).toBe(true);
    expect(
      bulkUpdatePartnersSchema.safeParse({
        target: { kind: "ids", ids: [SEEDED_ID] },
        change: { kind: "owner", ownerId: null },
      }).success,
    ).toBe(true);
  });

  it("refuses an empty or oversized selection and unknown changes", () => {
    expect(
      bulkUpdatePartnersSchema.safeParse({ target: { kind: "ids", ids: [] }, change: { kind: "archive" } }).success,
    ).toBe(false);
    const many = Array.from({ length: 501 }, () => SEEDED_ID);
    expect(
      bulkUpdatePartnersSchema.safeParse({ target: { kind: "ids", ids: many }, change: { kind: "archive" } }).success,
    ).toBe(false);
    expect(
      bulkUpdatePartnersSchema.safeParse({ target: { kind: "ids", ids: [SEEDED_ID] }, change: { kind: "delete" } })
        .success,
    ).toBe(false);
  });
});

describe("saved layout", () => {
  it("accepts columns, widths, sort and size", () => {
    expect(
      directoryLayoutSchema.parse({ columns: ["name", "tier"], widths: { name: 300 }, sort: "-name", size: 50 }),
    ).toEqual({
      columns: ["name", "tier"],
      widths: { name: 300 },
      sort: "-name",
      size: 50,
    });
  });

  it("keeps the valid parts of a stored layout from an older app", () => {
    expect(
      readDirectoryLayout({ columns: ["name", "revenue"], widths: { name: 320 }, sort: "-name", size: 75 }),
    ).toEqual({ widths: { name: 320 }, sort: "-name" });
    expect(readDirectoryLayout(null)).toEqual({});
    expect(readDirectoryLayout({ widths: { name: 5 } })).toEqual({});
  });
});

const existing = (overrides: Partial<ExistingPartner> = {}): ExistingPartner => ({
  external_id: "ACME-0001",
  name: "Summit Systems",
  status: "active",
  tier: "gold",
  owner_email: "manager@acme.test",
  region: "EMEA",
  website: null,
  primary_contact_name: null,
  primary_contact_email: null,
  commission_rate: 10,
  tags: ["reseller", "cloud"],
  ...overrides,
});

describe("CSV import", () => {
  it("classifies rows as new, changed, unchanged and invalid, with reasons", () => {
    const csv = [
      "External ID,Name,Status,Tier,Owner Email,Region,Commission Rate,Tags",
      "ACME-0001,Summit Systems,active,gold,manager@acme.test,EMEA,10,reseller;cloud",
      "ACME-0002,Pioneer Labs,Paused,silver,,APAC,7.5%,",
      "NEW-1,Brand New,prospect,registered,member@acme.test,LATAM,,msp",
      "NEW-2,,prospect,,,,,",
      ",Nameless,active,gold,,,,",
      "NEW-3,Bad Owner,active,gold,stranger@else.test,,,",
      "NEW-4,Bad Status,sideways,gold,,,,",
      "NEW-5,Bad Rate,active,gold,,,150,",
      "NEW-1,Duplicate,active,gold,,,,",
    ].join("\r\n");
    const parsed = parseImportCsv(csv, OWNERS);
    expect(parsed.fileErrors).toEqual([]);
    const preview = previewImport(
      parsed,
      new Map([
        ["ACME-0001", existing()],
        [
          "ACME-0002",
          existing({
            external_id: "ACME-0002",
            name: "Pioneer Labs",
            status: "active",
            tier: "silver",
            owner_email: "member@acme.test",
            region: "APAC",
            commission_rate: 7.5,
            tags: [],
          }),
        ],
      ]),
    );
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, invalid: 6 });
    const byLine = new Map(preview.rows.map((row) => [row.line, row]));
    expect(byLine.get(2)!.kind).toBe("unchanged");
    // A blank owner cell keeps the owner: only the status changes.
    expect(byLine.get(3)!.changes).toEqual([{ field: "status", from: "active", to: "paused", cleared: false }]);
    expect(byLine.get(4)!.kind).toBe("new");
    expect(byLine.get(5)!.errors).toEqual(["name is required for a new partner"]);
    expect(byLine.get(6)!.errors).toEqual(["external_id is required"]);
    expect(byLine.get(7)!.errors).toEqual(["owner_email: stranger@else.test is not staff of this organization"]);
    expect(byLine.get(8)!.errors[0]).toMatch(/^status: "sideways" is not one of/);
    expect(byLine.get(9)!.errors).toEqual(["commission_rate: Use a percentage from 0 to 100"]);
    expect(byLine.get(10)!.errors).toEqual(["external_id NEW-1 already appears on line 4"]);
  });

  it("keeps what a blank cell leaves out, and clears only on the marker, showing each clear", () => {
    const csv = [
      "external_id,name,status,tier,owner_email,region,website,primary_contact_name,primary_contact_email,commission_rate,tags",
      "ACME-0001,,,,,,,,,,",
      "ACME-0002,,,,(clear),(clear),(clear),(clear),(clear),(clear),(clear)",
      "ACME-0003,(clear),,(clear),,,,,,,",
    ].join("\n");
    const full = (externalId: string) =>
      existing({
        external_id: externalId,
        website: "https://summit.example",
        primary_contact_name: "Ana",
        primary_contact_email: "ana@summit.example",
      });
    const matches = new Map(["ACME-0001", "ACME-0002", "ACME-0003"].map((id) => [id, full(id)]));
    const parsed = parseImportCsv(csv, OWNERS);
    const preview = previewImport(parsed, matches);
    expect(preview.rows.map((row) => row.kind)).toEqual(["unchanged", "changed", "invalid"]);
    expect(preview.rows[1]!.changes).toEqual([
      { field: "owner_email", from: "manager@acme.test", to: "", cleared: true },
      { field: "region", from: "EMEA", to: "", cleared: true },
      { field: "website", from: "https://summit.example", to: "", cleared: true },
      { field: "primary_contact_name", from: "Ana", to: "", cleared: true },
      { field: "primary_contact_email", from: "ana@summit.example", to: "", cleared: true },
      { field: "commission_rate", from: "10", to: "", cleared: true },
      { field: "tags", from: "reseller;cloud", to: "", cleared: true },
    ]);
    expect(preview.rows[2]!.errors).toEqual([
      "name: a partner needs one, so it cannot be cleared",
      "tier: a partner needs one, so it cannot be cleared",
    ]);
    // Applying sends only what the preview shows.
    expect(importDocs(parsed, matches)).toEqual([
      { external_id: "ACME-0001" },
      {
        external_id: "ACME-0002",
        owner_email: "",
        region: "",
        website: "",
        primary_contact_name: "",
        primary_contact_email: "",
        commission_rate: "",
        tags: [],
      },
    ]);
  });

  it("sends only the valid rows, with only the columns the file has", () => {
    const parsed = parseImportCsv("external_id,name,tags\nNEW-1,One,a;b\nNEW-2,,\n", OWNERS);
    expect(importDocs(parsed, new Map())).toEqual([{ external_id: "NEW-1", name: "One", tags: ["a", "b"] }]);
  });

  it("refuses a file without external_id or without rows", () => {
    expect(parseImportCsv("name\nOne\n", OWNERS).fileErrors[0]).toMatch(/external_id column/);
    expect(parseImportCsv("external_id,name\n", OWNERS).fileErrors).toEqual(["The file has no rows."]);
  });

  it("compares numbers and emails the way the database stores them", () => {
    const parsed = parseImportCsv(
      "external_id,commission_rate,primary_contact_email\nACME-0001,10.00,Pat@Northwind.Test\n",
      OWNERS,
    );
    const [row] = parsed.rows;
    expect(diffImportDoc(row!.doc!, existing({ primary_contact_email: "pat@northwind.test" }))).toEqual([]);
  });

  it("imports an exported row back unchanged", () => {
    const row: DirectoryRow = {
      id: SEEDED_ID,
      name: "=cmd|' /C calc'!A0",
      status: "active",
      tier: "gold",
      owner_id: "11111111-1111-4111-8111-000000000002",
      owner: { display_name: "Morgan Manager", email: "manager@acme.test" },
      region: "EMEA",
      website: "https://summit.example",
      primary_contact_name: "Ana, the boss",
      primary_contact_email: "ana@summit.example",
      commission_rate: 12.5,
      tags: ["reseller", "cloud"],
      external_id: "ACME-0001",
      archived_at: null,
      created_at: "2026-01-01T00:00:00+00:00",
      updated_at: "2026-01-02T00:00:00+00:00",
    };
    const csv = toCsvLines([row], true);
    // Spreadsheet formulas are defused on the way out.
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`);
    const plain = row;
    const parsed = parseImportCsv(csv, OWNERS);
    const record = exportRecord(plain);
    const current = existing({
      name: record.name,
      website: record.website,
      primary_contact_name: record.primary_contact_name,
      primary_contact_email: record.primary_contact_email,
      commission_rate: 12.5,
    });
    expect(previewImport(parsed, new Map([["ACME-0001", current]])).counts).toEqual({
      new: 0,
      changed: 0,
      unchanged: 1,
      invalid: 0,
    });
  });
});
