import Papa from "papaparse";

export type CsvTable = { headers: string[]; records: Record<string, string>[] };

/**
 * Parses CSV text with a header row into records keyed by normalised header. Cells come
 * back raw (still escaped): an import reads each with readImportCell, which also tells a
 * blank cell and the clear marker from a value.
 */
export function parseCsv(text: string, normalizeHeader: (header: string) => string = (header) => header): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: normalizeHeader,
  });
  return { headers: (parsed.meta.fields ?? []).map(normalizeHeader), records: parsed.data };
}
