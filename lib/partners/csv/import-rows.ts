import { z } from "zod";
import { readImportCell, type ImportCell } from "@/lib/csv/cell";
import { parseCsv } from "@/lib/csv/read";
import { PARTNER_STATUSES, PARTNER_TIERS } from "../constants";
import { partnerFieldsSchema } from "../schemas";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, TAG_SEPARATOR, normalizeHeader, type ImportColumn } from "./columns";

/**
 * CSV import, the part that needs no database: parse the file, check every row with the
 * same partner schema the grid and the actions use, and compare valid rows with the
 * partners they would update. The route handler reads the existing partners and calls
 * import_partners() with the valid rows; the database has the last word.
 *
 * A blank cell keeps what is stored; a cell of exactly CLEAR_MARKER clears the field. Cells
 * are read back through the one CSV escaping rule (lib/csv/cell.ts), so an exported file
 * imports back unchanged.
 */

/** What import_partners() receives for one row: only the fields it should write. */
export type ImportDoc = { external_id: string } & Partial<
  Record<Exclude<ImportColumn, "external_id" | "tags">, string>
> & { tags?: string[] };

export type ImportRowKind = "new" | "changed" | "unchanged" | "invalid";
/** One field a row changes; `to` is "" and `cleared` true when the file clears it. */
export type ImportChange = { field: ImportColumn; from: string; to: string; cleared: boolean };
export type ImportPreviewRow = {
  line: number;
  externalId: string;
  name: string;
  kind: ImportRowKind;
  changes: ImportChange[];
  errors: string[];
};
export type ImportPreview = {
  columns: ImportColumn[];
  rows: ImportPreviewRow[];
  counts: Record<ImportRowKind, number>;
};

/** An existing partner in the shape the comparison needs. */
export type ExistingPartner = {
  external_id: string;
  name: string;
  status: string;
  tier: string;
  owner_email: string | null;
  region: string | null;
  website: string | null;
  primary_contact_name: string | null;
  primary_contact_email: string | null;
  commission_rate: number | null;
  tags: string[];
};

export type ParsedImport = {
  columns: ImportColumn[];
  rows: { line: number; doc: ImportDoc | null; errors: string[]; externalId: string; name: string }[];
  fileErrors: string[];
};

/** Fields a partner cannot be without: a blank cell keeps them, the clear marker is refused. */
const REQUIRED_FIELDS: readonly ImportColumn[] = ["name", "status", "tier"];

const fields = partnerFieldsSchema.shape;
const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid owner email" }));

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Invalid value";
}

const cellText = (cell: ImportCell) => (cell.kind === "set" ? cell.value.trim() : "");

/** Parses and validates a CSV file. `ownerEmails` are the org's staff (lowercase). */
export function parseImportCsv(text: string, ownerEmails: ReadonlySet<string>): ParsedImport {
  const { headers, records } = parseCsv(text, normalizeHeader);
  const columns = IMPORT_COLUMNS.filter((column) => headers.includes(column));
  const fileErrors: string[] = [];
  if (!headers.includes("external_id"))
    fileErrors.push("The file needs an external_id column: it is how rows are matched to partners.");
  if (records.length > MAX_IMPORT_ROWS)
    fileErrors.push(`The file has ${records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);
  if (records.length === 0) fileErrors.push("The file has no rows.");
  if (fileErrors.length) return { columns, rows: [], fileErrors };

  const seen = new Map<string, number>();
  const rows = records.map((record, index) => {
    const line = index + 2;
    const { doc, errors } = validateImportRecord(record, columns, ownerEmails);
    const externalId = doc.external_id;
    if (externalId) {
      const first = seen.get(externalId);
      if (first !== undefined) errors.push(`external_id ${externalId} already appears on line ${first}`);
      else seen.set(externalId, line);
    }
    return { line, doc: errors.length ? null : doc, errors, externalId, name: cellText(readImportCell(record.name)) };
  });
  return { columns, rows, fileErrors };
}

export function validateImportRecord(
  record: Record<string, string | undefined>,
  columns: readonly ImportColumn[],
  ownerEmails: ReadonlySet<string>,
): { doc: ImportDoc; errors: string[] } {
  const errors: string[] = [];
  const externalId = cellText(readImportCell(record.external_id));
  if (!externalId) errors.push("external_id is required");
  else if (externalId.length > 200) errors.push("external_id: use at most 200 characters");
  const doc: ImportDoc = { external_id: externalId };

  const check = <T>(column: ImportColumn, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(`${column}: ${firstMessage(result.error)}`);
    return undefined;
  };

  for (const column of columns) {
    if (column === "external_id") continue;
    const cell = readImportCell(record[column]);
    if (cell.kind === "keep") continue;
    if (cell.kind === "clear") {
      if (REQUIRED_FIELDS.includes(column)) errors.push(`${column}: a partner needs one, so it cannot be cleared`);
      else if (column === "tags") doc.tags = [];
      else doc[column] = "";
      continue;
    }
    const value = cell.value;
    switch (column) {
      case "name": {
        const name = check(column, fields.name, value);
        if (name !== undefined) doc.name = name;
        break;
      }
      case "status":
      case "tier": {
        const allowed: readonly string[] = column === "status" ? PARTNER_STATUSES : PARTNER_TIERS;
        const normalized = value.trim().toLowerCase();
        if (allowed.includes(normalized)) doc[column] = normalized;
        else errors.push(`${column}: "${value.trim()}" is not one of ${allowed.join(", ")}`);
        break;
      }
      case "owner_email": {
        const email = check(column, emailSchema, value);
        if (email !== undefined) {
          if (ownerEmails.has(email)) doc.owner_email = email;
          else errors.push(`owner_email: ${email} is not staff of this organization`);
        }
        break;
      }
      case "region":
      case "website":
      case "primary_contact_name":
      case "primary_contact_email": {
        const result = check(column, fields[column], value);
        if (result !== undefined) doc[column] = result ?? "";
        break;
      }
      case "commission_rate": {
        // The CSV machine format: a dot decimal, optionally followed by a percent sign.
        const rate = check(column, fields.commission_rate, value.trim().replace(/%$/, ""));
        if (rate !== undefined && rate !== null) doc.commission_rate = String(rate);
        break;
      }
      case "tags": {
        const tags = value
          .split(TAG_SEPARATOR)
          .map((tag) => tag.trim())
          .filter(Boolean);
        const result = check(column, fields.tags, tags);
        if (result !== undefined) doc.tags = result;
        break;
      }
    }
  }
  return { doc, errors };
}

/** Compares parsed rows with the partners they match (by external_id): new, changed, unchanged or invalid. */
export function previewImport(
  parsedImport: ParsedImport,
  existing: ReadonlyMap<string, ExistingPartner>,
): ImportPreview {
  const counts: Record<ImportRowKind, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const rows = parsedImport.rows.map((row): ImportPreviewRow => {
    const current = existing.get(row.externalId);
    const errors = [...row.errors];
    if (row.doc && !current && !row.doc.name) errors.push("name is required for a new partner");
    if (!row.doc || errors.length) {
      counts.invalid++;
      return {
        line: row.line,
        externalId: row.externalId,
        name: row.name || current?.name || "",
        kind: "invalid",
        changes: [],
        errors,
      };
    }
    if (!current) {
      counts.new++;
      return { line: row.line, externalId: row.externalId, name: row.doc.name ?? "", kind: "new", changes: [], errors };
    }
    const changes = diffImportDoc(row.doc, current);
    const kind = changes.length ? "changed" : "unchanged";
    counts[kind]++;
    return { line: row.line, externalId: row.externalId, name: row.doc.name ?? current.name, kind, changes, errors };
  });
  return { columns: parsedImport.columns, rows, counts };
}

/**
 * A stored value as the import would write it: stored text that the partner schema would
 * normalise (surrounding whitespace, an email's case) compares equal to its normal form, so
 * such a partner reads as unchanged and is left exactly as it is.
 */
function storedText(schema: z.ZodType<unknown>, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const result = schema.safeParse(value);
  if (!result.success) return value;
  return typeof result.data === "string" ? result.data : result.data === null ? "" : value;
}

/** The fields a row would change, including clears, in the file's column order. */
export function diffImportDoc(doc: ImportDoc, current: ExistingPartner): ImportChange[] {
  const changes: ImportChange[] = [];
  const compare = (field: ImportColumn, to: string | undefined, from: string | null | undefined, normal: string) => {
    if (to === undefined || normal === to) return;
    changes.push({ field, from: from ?? "", to, cleared: to === "" });
  };
  compare("name", doc.name, current.name, storedText(fields.name, current.name));
  compare("status", doc.status, current.status, current.status);
  compare("tier", doc.tier, current.tier, current.tier);
  compare("owner_email", doc.owner_email, current.owner_email, (current.owner_email ?? "").toLowerCase());
  compare("region", doc.region, current.region, storedText(fields.region, current.region));
  compare("website", doc.website, current.website, storedText(fields.website, current.website));
  compare(
    "primary_contact_name",
    doc.primary_contact_name,
    current.primary_contact_name,
    storedText(fields.primary_contact_name, current.primary_contact_name),
  );
  compare(
    "primary_contact_email",
    doc.primary_contact_email,
    current.primary_contact_email,
    storedText(fields.primary_contact_email, current.primary_contact_email),
  );
  if (doc.commission_rate !== undefined) {
    const to = doc.commission_rate === "" ? null : Number(doc.commission_rate);
    if (to !== (current.commission_rate === null ? null : Number(current.commission_rate))) {
      changes.push({
        field: "commission_rate",
        from: current.commission_rate?.toString() ?? "",
        to: doc.commission_rate,
        cleared: to === null,
      });
    }
  }
  if (doc.tags !== undefined && doc.tags.join(TAG_SEPARATOR) !== current.tags.join(TAG_SEPARATOR)) {
    changes.push({
      field: "tags",
      from: current.tags.join(TAG_SEPARATOR),
      to: doc.tags.join(TAG_SEPARATOR),
      cleared: doc.tags.length === 0,
    });
  }
  return changes;
}

/**
 * The valid rows, as import_partners() takes them. A row for an existing partner carries
 * only the fields the preview lists as changes, so applying writes exactly what was shown.
 */
export function importDocs(parsedImport: ParsedImport, existing: ReadonlyMap<string, ExistingPartner>): ImportDoc[] {
  return parsedImport.rows.flatMap((row): ImportDoc[] => {
    if (!row.doc) return [];
    const current = existing.get(row.externalId);
    if (!current) return row.doc.name ? [row.doc] : [];
    const doc: ImportDoc = { external_id: row.doc.external_id };
    for (const change of diffImportDoc(row.doc, current)) {
      if (change.field === "tags") doc.tags = row.doc.tags;
      else if (change.field !== "external_id") doc[change.field] = row.doc[change.field];
    }
    return [doc];
  });
}
