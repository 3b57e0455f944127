import "server-only";

/** Rows asked for per request when a whole list is needed (exports). */
const CHUNK = 1000;

type RangeQuery<T> = PromiseLike<{ data: T[] | null; error: unknown }>;

/**
 * Every row of a list, for files that must hold all of them (a statement CSV). A single read
 * stops at the server's max-rows without saying so, and that limit is the project's setting,
 * not ours: so this moves on by as many rows as came back and stops only at an empty answer.
 * `read` must order by a unique key, so ranges neither skip nor repeat rows.
 */
export async function readAll<T>(read: (from: number, to: number) => RangeQuery<T>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const from = rows.length;
    const { data, error } = await read(from, from + CHUNK - 1);
    if (error) throw error;
    if (!data || data.length === 0) return rows;
    rows.push(...data);
  }
}
