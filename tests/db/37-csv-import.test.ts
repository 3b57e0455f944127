import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it } from "vitest";
import { CLEAR_MARKER } from "@/lib/csv/cell";
import { IMPORT_MATCH_SELECT, toExistingPartner } from "@/lib/partners/csv/import-matches";
import { importDocs, parseImportCsv, previewImport, type ExistingPartner } from "@/lib/partners/csv/import-rows";
import { toCsvLines } from "@/lib/partners/csv/to-csv";
import { DIRECTORY_ROW_SELECT, type DirectoryRow } from "@/lib/partners/directory-types";
import { sql } from "../support/db";
import { clientAs } from "./support/clients";
import { plain, token } from "./support/rows";
import { createOrg, createPartner, createStaff, type Org } from "./support/world";

/**
 * The directory's CSV as a member uses it, through PostgREST and import_partners(): an
 * export of partners whose names a spreadsheet would run imports back with every row
 * unchanged, a blank cell keeps the stored value, and only the clear marker clears one.
 */
const NAMES = [
  '=HYPERLINK("x")\nsecond line',
  "+1 Corp",
  "-Dash Corp",
  "@Home Networks",
  "\tTabbed",
  "line\nbreak",
  "'Til Dawn Ltd",
];

let org: Org;
let member: { id: string; email: string; client: SupabaseClient };
let owner: { id: string; email: string };

beforeAll(async () => {
  org = await createOrg("csv");
  const [memberStaff, manager] = await Promise.all([
    createStaff(org.id, "member", "member"),
    createStaff(org.id, "manager", "owner"),
  ]);
  member = { ...memberStaff, client: await clientAs(memberStaff.id) };
  owner = manager;
});

async function exportCsv(externalIds: string[]): Promise<string> {
  const { data, error } = await member.client
    .from("partners")
    .select(DIRECTORY_ROW_SELECT)
    .eq("org_id", org.id)
    .in("external_id", externalIds)
    .order("name");
  expect(error).toBeNull();
  return "\uFEFF" + toCsvLines(data as unknown as DirectoryRow[], true);
}

async function matches(externalIds: string[]): Promise<Map<string, ExistingPartner>> {
  const { data, error } = await member.client
    .from("partners")
    .select(IMPORT_MATCH_SELECT)
    .eq("org_id", org.id)
    .in("external_id", externalIds);
  expect(error).toBeNull();
  return new Map((data ?? []).map((row) => [row.external_id as string, toExistingPartner(row as never)]));
}

/** What the import route does: preview, then apply the valid rows as the member. */
async function importCsv(text: string) {
  const parsed = parseImportCsv(text, new Set([member.email, owner.email]));
  expect(parsed.fileErrors).toEqual([]);
  const existing = await matches(parsed.rows.map((row) => row.externalId));
  const preview = previewImport(parsed, existing);
  const { data, error } = await member.client.rpc("import_partners", {
    p_org_id: org.id,
    p_rows: importDocs(parsed, existing),
  });
  expect(error).toBeNull();
  return { preview, result: data[0] as { inserted: number; updated: number; unchanged: number } };
}

const partnerRows = (externalIds: string[]) =>
  sql(
    "select external_id, name, status, tier, owner_id, region, website, primary_contact_name, primary_contact_email, commission_rate::text, tags, updated_at from public.partners where org_id = $1 and external_id = any($2) order by external_id",
    [org.id, externalIds],
  );

describe("CSV round trip", () => {
  it("imports an unchanged export back with every row unchanged, names a spreadsheet would run included", async () => {
    const ids = NAMES.map((_, index) => `RT-${index}-${token()}`);
    for (const [index, name] of NAMES.entries())
      await createPartner(org.id, {
        external_id: ids[index],
        name,
        owner_id: owner.id,
        region: index % 2 ? "-EMEA" : "@APAC",
        website: "https://example.test/a,b",
        primary_contact_name: index % 2 ? "'Quoted' Contact" : "=1+1",
        primary_contact_email: "contact@example.test",
        commission_rate: 12.5,
        tags: ["+vip", "-cold", "@team"],
      });
    const before = plain(await partnerRows(ids));

    const csv = await exportCsv(ids);
    // Every name a spreadsheet would run is written as text.
    expect(csv).toContain(`"'=HYPERLINK(""x"")\nsecond line"`);
    expect(csv).toContain(",'-Dash Corp,");
    expect(csv).toContain(",''Til Dawn Ltd,");

    const { preview, result } = await importCsv(csv);
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: NAMES.length, invalid: 0 });
    expect(preview.rows.flatMap((row) => row.changes)).toEqual([]);
    expect(result).toEqual({ inserted: 0, updated: 0, unchanged: NAMES.length });
    expect(plain(await partnerRows(ids))).toEqual(before);
  });
});

describe("blank cells and the clear marker", () => {
  const full = {
    status: "active",
    tier: "gold",
    region: "EMEA",
    website: "https://full.example",
    primary_contact_name: "Ana Contact",
    primary_contact_email: "ana@full.example",
    commission_rate: 10,
    tags: ["reseller"],
  };
  const header =
    "external_id,name,status,tier,owner_email,region,website,primary_contact_name,primary_contact_email,commission_rate,tags";

  it("keeps every stored field when a row's cells are blank", async () => {
    const id = `KEEP-${token()}`;
    await createPartner(org.id, { ...full, external_id: id, name: "Keep Corp", owner_id: owner.id });
    const before = plain(await partnerRows([id]));
    const { preview, result } = await importCsv(`${header}\r\n${id},,,,,,,,,,\r\n`);
    expect(preview.rows[0]!.kind).toBe("unchanged");
    expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(plain(await partnerRows([id]))).toEqual(before);
  });

  it("clears exactly the fields marked, shows each clear in the preview, and keeps the rest", async () => {
    const id = `CLEAR-${token()}`;
    await createPartner(org.id, { ...full, external_id: id, name: "Clear Corp", owner_id: owner.id });
    const M = CLEAR_MARKER;
    const { preview, result } = await importCsv(`${header}\r\n${id},,,,${M},${M},,${M},,${M},${M}\r\n`);
    expect(preview.rows[0]!.changes).toEqual([
      { field: "owner_email", from: owner.email, to: "", cleared: true },
      { field: "region", from: "EMEA", to: "", cleared: true },
      { field: "primary_contact_name", from: "Ana Contact", to: "", cleared: true },
      { field: "commission_rate", from: "10", to: "", cleared: true },
      { field: "tags", from: "reseller", to: "", cleared: true },
    ]);
    expect(result).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const [row] = await partnerRows([id]);
    expect(row).toMatchObject({
      name: "Clear Corp",
      status: "active",
      tier: "gold",
      owner_id: null,
      region: null,
      website: "https://full.example",
      primary_contact_name: null,
      primary_contact_email: "ana@full.example",
      commission_rate: null,
      tags: [],
    });
  });

  it("refuses to clear a name, status or tier, and changes nothing for that row", async () => {
    const id = `REQ-${token()}`;
    await createPartner(org.id, { ...full, external_id: id, name: "Required Corp" });
    const before = plain(await partnerRows([id]));
    const parsed = parseImportCsv(`external_id,name,status\r\n${id},${CLEAR_MARKER},${CLEAR_MARKER}\r\n`, new Set());
    const preview = previewImport(parsed, await matches([id]));
    expect(preview.rows[0]).toMatchObject({
      kind: "invalid",
      errors: [
        "name: a partner needs one, so it cannot be cleared",
        "status: a partner needs one, so it cannot be cleared",
      ],
    });
    expect(importDocs(parsed, await matches([id]))).toEqual([]);
    expect(plain(await partnerRows([id]))).toEqual(before);
  });

  it("takes a value that is the marker's text when the cell was escaped, as an export writes it", async () => {
    const id = `LIT-${token()}`;
    await createPartner(org.id, { ...full, external_id: id, name: "Literal Corp", region: CLEAR_MARKER });
    const csv = await exportCsv([id]);
    expect(csv).toContain(`,'${CLEAR_MARKER},`);
    const { preview, result } = await importCsv(csv);
    expect(preview.rows[0]!.kind).toBe("unchanged");
    expect(result.updated).toBe(0);
    const [row] = await partnerRows([id]);
    expect(row!.region).toBe(CLEAR_MARKER);
  });
});
