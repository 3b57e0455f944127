/**
 * Lists that may grow past PostgREST's max-rows (1,000 on hosted projects) are read a page
 * at a time with an exact count, so nothing past the limit is silently dropped: the pager
 * says how many there are and every one of them is a page away.
 */
export const PAGE_SIZE = 50;

export type Paged<T> = { rows: T[]; total: number; page: number; pages: number; pageSize: number };

/** `?page=` as typed in a URL: a positive whole number, anything else is the first page. */
export function pageNumber(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** The inclusive row range of a page, as `.range(from, to)` takes it. */
export function pageRange(page: number, pageSize = PAGE_SIZE): [number, number] {
  const from = (page - 1) * pageSize;
  return [from, from + pageSize - 1];
}

export function paged<T>(rows: T[], count: number | null, page: number, pageSize = PAGE_SIZE): Paged<T> {
  const total = count ?? rows.length;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}

/**
 * A page past the end (an old link, a hand-typed URL) is refused by PostgREST (416); it is
 * an empty page, and the refusal says how many rows there are ("only 3151 rows").
 */
export function pastEndPage(
  error: { code?: string | null; details?: string | null } | null,
  page: number,
  pageSize = PAGE_SIZE,
): Paged<never> | null {
  if (error?.code !== "PGRST103") return null;
  const total = Number(/only (\d+) rows?/.exec(error.details ?? "")?.[1] ?? 0);
  return paged([], total, page, pageSize);
}
