"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { PAGE_SIZES, type PageSize } from "@/lib/partners/directory-columns";

export function Pager({
  page,
  pageSize,
  total,
  estimated = false,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: PageSize;
  total: number;
  /** The total is the planner's estimate (no selective filter on a large directory). */
  estimated?: boolean;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
}) {
  const format = useOrgFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const button =
    "inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {from > to
          ? `Page ${format.number(page)} is past the end`
          : `${format.number(from)}–${format.number(to)} of ${estimated ? "about " : ""}${format.number(total)}`}
      </p>
      <div className="flex items-center gap-2">
        <label className="hidden items-center gap-2 sm:flex">
          Rows per page
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value) as PageSize)}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(Math.min(page - 1, pages))}>
          <ChevronLeft className="size-4" aria-hidden /> Previous
        </button>
        <span className="tabular-nums">
          Page {format.number(page)} of {estimated ? "about " : ""}
          {format.number(pages)}
        </span>
        <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next <ChevronRight className="size-4" aria-hidden />
        </button>
      </div>
    </nav>
  );
}
