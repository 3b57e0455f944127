/**
 * The shapes of a privilege report: what one API role may do to one database object.
 * Shared by the reader (the database's actual grants), the expected table and the comparer.
 */

/** The roles PostgREST and the auth server act as, and PUBLIC (every role) for functions. */
export const API_ROLES = ["anon", "authenticated", "service_role"] as const;
export const ROLES = [...API_ROLES, "PUBLIC"] as const;
export type Role = (typeof ROLES)[number];

export const RELATION_KINDS = ["table", "view", "materialized view", "foreign table"] as const;
export const OBJECT_KINDS = ["schema", ...RELATION_KINDS, "sequence", "function"] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Privileges per kind of object, in the order Postgres' GRANT lists them. */
export const PRIVILEGES: Record<ObjectKind, readonly string[]> = {
  schema: ["USAGE", "CREATE"],
  table: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"],
  view: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"],
  "materialized view": ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"],
  "foreign table": ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"],
  sequence: ["USAGE", "SELECT", "UPDATE"],
  function: ["EXECUTE"],
};

/** Privileges Postgres can grant on some columns only: `grant insert (a, b) on t to r`. */
export const COLUMN_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "REFERENCES"] as const;

/**
 * One thing a role may do. `object` reads as in SQL, kind first: `table public.partners`,
 * `function private.is_staff_of(uuid, uuid)`, `schema private`. `columns` is null for the
 * whole object, or the sorted columns of a column-level grant.
 */
export type Grant = {
  object: string;
  role: Role;
  privilege: string;
  columns: string[] | null;
};

export type PrivilegeReport = {
  /** Every object the report looked at, granted or not (so "no such object" can be told apart). */
  objects: Set<string>;
  grants: Grant[];
};

/** One line of a comparison: what the expected table says against what the database does. */
export type Difference = {
  object: string;
  role: Role;
  privilege: string;
  expected: string;
  actual: string;
  /** For two column lists: the columns one has and the other lacks. */
  note?: string;
  /** The rule of the expected table's README that the database breaks, when one does. */
  rule?: string;
};

export function grantKey(grant: Pick<Grant, "object" | "role" | "privilege">): string {
  return `${grant.object}\u0000${grant.role}\u0000${grant.privilege}`;
}

/** `INSERT` for the whole object, `INSERT (id, name)` for some columns. */
export function describeGrant(grant: Pick<Grant, "privilege" | "columns">): string {
  return grant.columns ? `${grant.privilege} (${grant.columns.join(", ")})` : grant.privilege;
}

export function objectKind(object: string): ObjectKind {
  const kind = [...OBJECT_KINDS].sort((a, b) => b.length - a.length).find((k) => object.startsWith(`${k} `));
  if (!kind) throw new Error(`"${object}" does not start with a kind of object (${OBJECT_KINDS.join(", ")})`);
  return kind;
}

/** The schema an object lives in: `private` for `function private.f()`, the name itself for a schema. */
export function objectSchema(object: string): string {
  const kind = objectKind(object);
  const name = object.slice(kind.length + 1);
  return kind === "schema" ? name : name.slice(0, name.indexOf("."));
}

/** Objects by kind (schemas, tables, …, functions) then name; then role; then privilege. */
export function compareGrants(a: Pick<Grant, "object" | "role" | "privilege">, b: typeof a): number {
  const [kindA, kindB] = [objectKind(a.object), objectKind(b.object)];
  if (kindA !== kindB) return OBJECT_KINDS.indexOf(kindA) - OBJECT_KINDS.indexOf(kindB);
  if (a.object !== b.object) return a.object < b.object ? -1 : 1;
  if (a.role !== b.role) return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
  return PRIVILEGES[kindA].indexOf(a.privilege) - PRIVILEGES[kindA].indexOf(b.privilege);
}
