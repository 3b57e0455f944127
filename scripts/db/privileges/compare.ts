import {
  compareGrants,
  describeGrant,
  grantKey,
  objectKind,
  objectSchema,
  type Difference,
  type Grant,
  type PrivilegeReport,
} from "./model";
import { brokenRule, CLOSED_FUNCTIONS_RULE } from "./rules";

function sameColumns(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && [...a].sort().every((column, i) => column === [...b].sort()[i]);
}

function columnNote(expected: Grant | undefined, actual: Grant | undefined): string | undefined {
  if (!expected?.columns || !actual?.columns) return undefined;
  const extra = actual.columns.filter((column) => !expected.columns!.includes(column));
  const missing = expected.columns.filter((column) => !actual.columns!.includes(column));
  const parts = [extra.length > 0 && `also ${extra.join(", ")}`, missing.length > 0 && `lacks ${missing.join(", ")}`];
  return parts.filter(Boolean).join("; ") || undefined;
}

/**
 * Every way the database's grants differ from the expected table, one difference per
 * object, role and privilege. A grant the table does not list is a difference (closed by
 * default); so is a listed grant the database lacks (the app would be refused). In `auth`,
 * which the platform owns, only the listed grants are checked.
 */
export function comparePrivileges(expected: Grant[], actual: PrivilegeReport): Difference[] {
  const wanted = new Map(expected.map((grant) => [grantKey(grant), grant]));
  const held = new Map(actual.grants.map((grant) => [grantKey(grant), grant]));
  const differences: Difference[] = [];
  for (const key of new Set([...wanted.keys(), ...held.keys()])) {
    const want = wanted.get(key);
    const have = held.get(key);
    const grant = (want ?? have)!;
    if (!want && objectSchema(grant.object) === "auth") continue;
    if (want && have && sameColumns(want.columns, have.columns)) continue;
    const rule =
      (have && brokenRule(have)) ??
      (have && !want && objectKind(have.object) === "function" ? CLOSED_FUNCTIONS_RULE : undefined);
    const note = columnNote(want, have);
    differences.push({
      object: grant.object,
      role: grant.role,
      privilege: grant.privilege,
      expected: want ? describeGrant(want) : "none",
      actual: have ? describeGrant(have) : actual.objects.has(grant.object) ? "none" : "no such object",
      ...(rule ? { rule } : {}),
      ...(note ? { note } : {}),
    });
  }
  return differences.sort(compareGrants);
}

/** `table public.audit_log | service_role | INSERT | expected none | actual INSERT | <rule>` */
export function formatDifference(difference: Difference): string {
  return [
    difference.object,
    difference.role,
    difference.privilege,
    `expected ${difference.expected}`,
    `actual ${difference.actual}`,
    ...(difference.note ? [difference.note] : []),
    ...(difference.rule ? [difference.rule] : []),
  ].join(" | ");
}
