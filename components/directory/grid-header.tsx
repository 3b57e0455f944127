"use client";

import type { Header } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { parseSort, type SortColumn, type SortValue } from "@/lib/partners/directory-columns";
import type { DirectoryRow } from "@/lib/partners/directory-types";

type PageSelection = "none" | "some" | "all";

/** The grid's header row: a sort button per sortable column, a resize handle per column, the page's selection box. */
export function GridHeader({
  headers,
  sort,
  onSort,
  pageSelection,
  onTogglePage,
}: {
  headers: Header<DirectoryRow, unknown>[];
  sort: SortValue;
  onSort: (column: SortColumn) => void;
  pageSelection: PageSelection;
  onTogglePage: () => void;
}) {
  const { column: sortColumn, descending } = parseSort(sort);
  return (
    <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50/95 backdrop-blur">
      <div role="row" className="grid" style={{ gridTemplateColumns: "var(--grid-columns)" }}>
        {headers.map((header, index) => {
          const meta = header.column.columnDef.meta;
          if (meta?.select) {
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-colindex={index + 1}
                className="flex h-10 items-center justify-center"
              >
                <input
                  type="checkbox"
                  aria-label="Select all partners on this page"
                  className="size-4 accent-brand-600"
                  checked={pageSelection === "all"}
                  ref={(element) => {
                    if (element) element.indeterminate = pageSelection === "some";
                  }}
                  onChange={onTogglePage}
                />
              </div>
            );
          }
          const label = meta?.label ?? header.column.id;
          const sortKey = meta?.sortKey;
          const sorted = sortKey !== undefined && sortColumn === sortKey;
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={sorted ? (descending ? "descending" : "ascending") : undefined}
              className="group relative flex h-10 items-center border-l border-slate-200 first:border-l-0"
            >
              {sortKey ? (
                <button
                  type="button"
                  className="flex h-full w-full items-center gap-1 px-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase hover:text-slate-900"
                  onClick={() => onSort(sortKey)}
                >
                  <span className="truncate">{label}</span>
                  {sorted ? (
                    descending ? (
                      <ArrowDown className="size-3.5 shrink-0" aria-hidden />
                    ) : (
                      <ArrowUp className="size-3.5 shrink-0" aria-hidden />
                    )
                  ) : (
                    <ChevronsUpDown
                      className="size-3.5 shrink-0 text-slate-300 group-hover:text-slate-400"
                      aria-hidden
                    />
                  )}
                </button>
              ) : (
                <span className="truncate px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  {label}
                </span>
              )}
              {header.column.getCanResize() && (
                <span
                  aria-hidden
                  title={`Resize ${label}`}
                  onMouseDown={header.getResizeHandler()}
                  onTouchStart={header.getResizeHandler()}
                  className="absolute top-0 right-0 z-10 h-full w-2 cursor-col-resize touch-none select-none hover:bg-brand-500/30 data-[resizing=true]:bg-brand-500/40"
                  data-resizing={header.column.getIsResizing() || undefined}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
