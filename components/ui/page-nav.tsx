import Link from "next/link";
import type { OrgFormatter } from "@/lib/format/org-format";
import type { Paged } from "@/lib/paging/page";
import { EmptyState } from "./empty-state";

type Props = {
  list: Pick<Paged<unknown>, "page" | "pages" | "total">;
  /** The list's path; other query parameters (filters) are kept. */
  path: string;
  params?: Record<string, string | readonly string[] | undefined>;
  /** The query parameter that carries the page, when one screen has more than one list. */
  param?: string;
  noun: { one: string; other: string };
  label?: string;
  /** The org's formatter: counts are written in its locale. */
  format: OrgFormatter;
};

function hrefOf(path: string, params: Props["params"], param: string, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key === param) continue;
    // A filter with several values (statuses) keeps each of them.
    for (const one of [value ?? []].flat()) if (one) search.append(key, one);
  }
  if (page > 1) search.set(param, String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none";

/** "120 referrals · page 2 of 3" with previous and next, for lists read a page at a time. */
export function PageNav({ list, path, params, param = "page", noun, label = "Pages", format }: Props) {
  const { page, pages, total } = list;
  if (pages <= 1 && page <= 1) return null;
  const shown = Math.min(page, pages);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span>
        {format.number(total)} {total === 1 ? noun.one : noun.other} · page {format.number(shown)} of{" "}
        {format.number(pages)}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link rel="prev" href={hrefOf(path, params, param, Math.min(page - 1, pages))} className={linkClass}>
            Previous
          </Link>
        )}
        {page < pages && (
          <Link rel="next" href={hrefOf(path, params, param, page + 1)} className={linkClass}>
            Next
          </Link>
        )}
      </span>
    </nav>
  );
}

/** A page past the end of a list (an old link): say so and offer the way back. */
export function PastLastPage({ list, path, params, param = "page", noun, format }: Omit<Props, "label">) {
  return (
    <EmptyState
      title={`There is no page ${format.number(list.page)}`}
      description={`There ${list.total === 1 ? "is" : "are"} ${format.number(list.total)} ${list.total === 1 ? noun.one : noun.other}, on ${format.number(list.pages)} page${list.pages === 1 ? "" : "s"}.`}
      action={
        <Link
          href={hrefOf(path, params, param, list.pages)}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          Go to {list.pages === 1 ? "the first page" : `the last page (${format.number(list.pages)})`}
        </Link>
      }
    />
  );
}

export function isPastLastPage(list: Pick<Paged<unknown>, "page" | "pages" | "rows">): boolean {
  return list.rows.length === 0 && list.page > list.pages;
}
