import { beforeAll, describe, expect, it } from "vitest";
import { plain, readRow, readRows, type Row } from "./rows";
import { PERSONAS, type Persona, type PersonaName, type World } from "./world";

/**
 * The permission matrix of DESIGN.md as data: one line per persona with what it sees
 * and whether each write goes through. `runMatrix` turns every cell into a test that
 * acts through supabase-js (PostgREST, RLS, grants, triggers) and checks the outcome
 * as superuser, so "refused" always means "and nothing changed".
 */
export type Write = "ok" | "no";
/** Labels of the arranged rows the persona must see, no more and no fewer. */
export type Visible = readonly string[];
export type Cells = readonly [select: Visible, insert: Write, update: Write, remove: Write];

export const ok = "ok" as const;
export const no = "no" as const;
export const NONE: Visible = [];

/** PostgreSQL's insufficient_privilege: what a refused grant or a failed WITH CHECK returns. */
export const DENIED = "42501";

export type MatrixSpec = {
  table: string;
  /** The column that identifies a row, for the select check (default `id`). */
  idColumn?: string;
  /** Columns (and values) that identify one row for update, delete and the check after an insert. */
  key?: (row: Row) => Row;
  /** Rows for the select check, labelled; made as superuser. */
  arrangeSelect: (world: World, persona: Persona) => Promise<Record<string, Row>>;
  /** The row an update or delete aims at; made as superuser. */
  arrangeTarget: (world: World, persona: Persona) => Promise<Row>;
  /** What the persona tries to insert (prerequisites may be arranged here). */
  insertValues: (world: World, persona: Persona) => Promise<Row>;
  /** How an inserted row is found again as superuser (default: `key`). */
  findInserted?: (values: Row) => Row;
  /** A change that the persona tries to make to the target. */
  patch: (target: Row, world: World, persona: Persona) => Row;
  /** Rows that must stay as they are when a write is refused (default: the org's rows of the table). */
  scope?: (world: World) => Row;
  /** Error codes a refused write may return, per operation (default 42501); no error must then mean zero rows. */
  refusedCodes?: Partial<Record<"insert" | "update" | "delete", readonly string[]>>;
  /**
   * The definer function partner users read this table through (its policy gives them
   * nothing directly): their select cells are measured through it, and the table itself
   * must show them no row.
   */
  partnerReads?: string;
  cells: Record<PersonaName, Cells>;
  /**
   * Cells where the schema does not yet do what the matrix says, each with a comment on
   * what should happen and what does. They run as `it.fails`: green while the gap is
   * there, red once it is fixed (then delete the entry).
   */
  knownGaps?: Partial<Record<PersonaName, Partial<Record<"select" | "insert" | "update" | "delete", string>>>>;
};

const defaultKey = (row: Row): Row => ({ id: row.id });

function describeVisible(labels: Visible): string {
  return labels.length ? `sees exactly ${labels.join(" + ")}` : "sees nothing";
}

/** The value a superuser reads back for each patched column, to compare with what was sent. */
function pick(row: Row | undefined, columns: string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, row?.[column]]));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toISOString();
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

function expectRefused(
  result: { error: { code: string; message: string } | null; count?: number | null },
  codes: readonly string[],
  what: string,
) {
  if (result.error) {
    expect(codes, `${what}: refused with ${result.error.code} ${result.error.message}`).toContain(result.error.code);
  } else {
    expect(result.count ?? 0, `${what}: no error, so it must touch zero rows`).toBe(0);
  }
}

export function runMatrix(getWorld: () => World, spec: MatrixSpec, personas: readonly PersonaName[] = PERSONAS) {
  const key = spec.key ?? defaultKey;
  const idColumn = spec.idColumn ?? "id";
  const findInserted = spec.findInserted ?? key;
  const scopeOf = spec.scope ?? ((world: World) => ({ org_id: world.org.id }));
  const codes = (op: "insert" | "update" | "delete") => spec.refusedCodes?.[op] ?? [DENIED];

  describe(`${spec.table}: the permission matrix`, () => {
    let world: World;
    beforeAll(() => {
      world = getWorld();
    });

    for (const name of personas) {
      const [visible, insert, update, remove] = spec.cells[name];
      const gaps = spec.knownGaps?.[name] ?? {};
      const cell = (op: "select" | "insert" | "update" | "delete", title: string) =>
        gaps[op] ? ([it.fails, `${title} (known gap: ${gaps[op]})`] as const) : ([it, title] as const);
      describe(name, () => {
        const [selectIt, selectTitle] = cell("select", `select ${describeVisible(visible)}`);
        selectIt(selectTitle, async () => {
          const persona = world.people[name];
          const rows = await spec.arrangeSelect(world, persona);
          const ids = Object.values(rows).map((row) => row[idColumn]);
          const throughFunction = persona.kind === "partner" && spec.partnerReads;
          if (throughFunction) {
            const direct = await persona.client
              .from(spec.table)
              .select("*")
              .in(idColumn, ids as string[]);
            expect({ error: direct.error, rows: direct.data }).toEqual({ error: null, rows: [] });
          }
          const result = await (
            throughFunction
              ? persona.client.rpc(throughFunction).select("*")
              : persona.client.from(spec.table).select("*")
          ).in(idColumn, ids as string[]);
          if (result.error) {
            // Only a role without any grant may fail instead of seeing nothing.
            expect(visible, `select failed: ${result.error.code} ${result.error.message}`).toEqual([]);
            expect(result.error.code).toBe(DENIED);
            return;
          }
          const seen = new Set((result.data ?? []).map((row: Row) => row[idColumn]));
          const labels = Object.entries(rows)
            .filter(([, row]) => seen.has(row[idColumn]))
            .map(([label]) => label)
            .sort();
          expect(labels).toEqual([...visible].sort());
        });

        const [insertIt, insertTitle] = cell("insert", `insert ${insert === ok ? "succeeds" : "is refused"}`);
        insertIt(insertTitle, async () => {
          const persona = world.people[name];
          const values = await spec.insertValues(world, persona);
          const before = plain(await readRows(spec.table, scopeOf(world)));
          const result = await persona.client.from(spec.table).insert(values, { count: "exact" });
          if (insert === ok) {
            expect(result.error, result.error?.message).toBeNull();
            expect(await readRow(spec.table, findInserted(values))).toBeDefined();
          } else {
            expectRefused(result, codes("insert"), `insert as ${name}`);
            expect(await readRow(spec.table, findInserted(values))).toBeUndefined();
            expect(plain(await readRows(spec.table, scopeOf(world)))).toEqual(before);
          }
        });

        const [updateIt, updateTitle] = cell("update", `update ${update === ok ? "succeeds" : "is refused"}`);
        updateIt(updateTitle, async () => {
          const persona = world.people[name];
          const target = await spec.arrangeTarget(world, persona);
          const before = await readRow(spec.table, key(target));
          const patch = spec.patch(target, world, persona);
          const result = await persona.client.from(spec.table).update(patch, { count: "exact" }).match(key(target));
          const after = await readRow(spec.table, key(target));
          if (update === ok) {
            expect(result.error, result.error?.message).toBeNull();
            expect(result.count).toBe(1);
            expect(normalise(pick(after, Object.keys(patch)))).toEqual(normalise(patch));
          } else {
            expectRefused(result, codes("update"), `update as ${name}`);
            expect(plain(after)).toEqual(plain(before));
          }
        });

        const [deleteIt, deleteTitle] = cell("delete", `delete ${remove === ok ? "succeeds" : "is refused"}`);
        deleteIt(deleteTitle, async () => {
          const persona = world.people[name];
          const target = await spec.arrangeTarget(world, persona);
          const before = await readRow(spec.table, key(target));
          const result = await persona.client.from(spec.table).delete({ count: "exact" }).match(key(target));
          const after = await readRow(spec.table, key(target));
          if (remove === ok) {
            expect(result.error, result.error?.message).toBeNull();
            expect(result.count).toBe(1);
            expect(after).toBeUndefined();
          } else {
            expectRefused(result, codes("delete"), `delete as ${name}`);
            expect(plain(after)).toEqual(plain(before));
          }
        });
      });
    }
  });
}
