/** What a check reports: one line, and for a failure one line saying how to fix it. */
export type CheckLine =
  | { status: "pass"; text: string }
  | { status: "fail"; text: string; fix: string }
  | { status: "skip"; text: string }
  | { status: "note"; text: string };

export const pass = (text: string): CheckLine => ({ status: "pass", text });
export const fail = (text: string, fix: string): CheckLine => ({ status: "fail", text, fix });
export const skip = (text: string): CheckLine => ({ status: "skip", text });
export const note = (text: string): CheckLine => ({ status: "note", text });

const MARKS = { pass: "✓", fail: "✗", skip: "–", note: "ℹ" } as const;

export function formatLine(line: CheckLine): string {
  const head = `${MARKS[line.status]} ${line.text}`;
  return line.status === "fail" ? `${head}\n    fix: ${line.fix}` : head;
}

export function failed(lines: CheckLine[]): boolean {
  return lines.some((line) => line.status === "fail");
}
