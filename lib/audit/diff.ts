export type DiffRow = { key: string; before: unknown; after: unknown; changed: boolean };

/** Before and after side by side, key by key, marking the keys whose value changed. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => ({
    key,
    before: left[key],
    after: right[key],
    changed: JSON.stringify(left[key]) !== JSON.stringify(right[key]),
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function showValue(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  return typeof value === "string" ? value : JSON.stringify(value);
}
