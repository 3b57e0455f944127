"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import {
  DEFAULT_VISIBLE_COLUMNS,
  parseSort,
  type DirectoryColumn,
  type PageSize,
  type SortColumn,
  type SortValue,
} from "@/lib/partners/directory-columns";
import { cursorOf } from "@/lib/partners/directory-cursor";
import type { PackedDirectoryData } from "@/lib/partners/directory-data";
import { unpackRows } from "@/lib/partners/directory-row-pack";
import {
  directoryFilterParams,
  hasActiveFilter,
  resolveDirectoryView,
  serializeDirectoryParams,
  type DirectoryView,
  type LayoutDefaults,
} from "@/lib/partners/directory-params";
import type { PartnerPreview } from "@/lib/partners/directory-types";
import type { PickerOption } from "@/lib/pickers/schemas";
import { saveDirectoryLayout } from "@/lib/preferences/actions/save-directory-layout";
import type { ColumnWidths } from "@/lib/preferences/directory-layout";
import { BulkBar } from "./bulk-bar";
import { ColumnMenu } from "./column-menu";
import { DirectoryFilters } from "./directory-filters";
import { HeroMetrics } from "./hero-metrics";
import { ImportDialog } from "./import-dialog";
import { NewPartnerLink } from "@/components/partners/new-partner-link";
import { Pager } from "./pager";
import { PartnerCards } from "./partner-cards";
import { PartnerGrid } from "./partner-grid";
import { PreviewPanel } from "./preview-panel";
import { useDirectoryData } from "./use-directory-data";
import { useDirectoryUrl } from "./use-directory-url";
import { usePartnerEdit } from "./use-partner-edit";
import { SortSelect } from "./sort-select";
import { useNarrowScreen } from "@/components/ui/use-narrow-screen";
import { useSelection } from "./use-selection";

export type DirectoryScreenProps = {
  /** The view the server rendered; after that the URL is the view. */
  view: DirectoryView;
  /** What the saved layout fills in when the URL is silent (sort, size, columns). */
  layout: LayoutDefaults;
  /** The server's rows (packed) and summary for that view, formatted there. */
  data: PackedDirectoryData;
  /** The owner the URL filters by, named, so the filter shows who it is before anyone types. */
  chosenOwner: PickerOption | null;
  preview: PartnerPreview | null;
  widths: ColumnWidths;
  canEdit: boolean;
  org: { name: string; currency: string; timeZone: string };
  /** When the server read this page: a new render starts a fresh cache entry for its rows. */
  loadedAt: number;
  /** The server's guess that the screen is a phone's: which of the grid and the cards it renders first. */
  phoneHint: boolean;
};

export function DirectoryScreen(props: DirectoryScreenProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, gcTime: 5 * 60_000 } } }),
  );
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <Directory {...props} />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}

function Directory({
  view: serverView,
  layout,
  data: packed,
  chosenOwner,
  preview,
  widths: savedWidths,
  canEdit,
  org,
  loadedAt,
  phoneHint,
}: DirectoryScreenProps) {
  const url = useDirectoryUrl();
  const view = resolveDirectoryView(url.params, layout);
  const data = useMemo(() => ({ rows: unpackRows(packed.rows), summary: packed.summary }), [packed]);
  const directory = useDirectoryData(view, { view: serverView, data, loadedAt });
  const { rows, summary } = directory;
  const page = { total: summary.total, totalIsEstimate: summary.totalIsEstimate };
  // Edits update the rows in the cache optimistically and confirm them.
  const commit = usePartnerEdit(directory.queryKey);
  const selection = useSelection(
    rows.map((row) => row.id),
    page.total,
    JSON.stringify(view.filter),
  );
  const busy = url.pending || directory.loading;
  // One layout per render: the cards and the grid each carry every row, so rendering both doubled the page.
  const narrow = useNarrowScreen(phoneHint);
  const [widths, setWidths] = useState<ColumnWidths>(savedWidths);
  const [previewRowCache, setPreviewRowCache] = useState(preview?.partner ?? null);

  const previewId = url.params.preview;
  const previewRow =
    rows.find((row) => row.id === previewId) ??
    (preview?.partner.id === previewId ? preview.partner : null) ??
    (previewRowCache?.id === previewId ? previewRowCache : null);

  function openPreview(id: string) {
    const row = rows.find((candidate) => candidate.id === id);
    if (row) setPreviewRowCache(row);
    // The preview's roll-ups and activity come with a server render.
    void url.withServerRender({ preview: id });
  }

  function setColumns(columns: DirectoryColumn[]) {
    void url.setParams({ cols: columns });
    void saveDirectoryLayout({ columns });
  }

  function sortBy(column: SortColumn) {
    changeSort(view.sort === column ? (`-${column}` as const) : column);
  }

  function changeSort(next: SortValue) {
    void url.setParams({ sort: next, page: null, after: null, before: null });
    void saveDirectoryLayout({ sort: next });
  }

  function changePageSize(size: PageSize) {
    void url.setParams({ size, page: null, after: null, before: null });
    void saveDirectoryLayout({ size });
  }

  /** Next and previous carry the row they continue from, so a deep page costs what the first does; a jump pages by offset. */
  function goToPage(next: number) {
    const { column } = parseSort(view.sort);
    const last = rows.at(-1);
    const first = rows[0];
    if (next <= 1) void url.setParams({ page: null, after: null, before: null });
    else if (next === view.page + 1 && last)
      void url.setParams({ page: next, after: cursorOf(last, column), before: null });
    else if (next === view.page - 1 && first)
      void url.setParams({ page: next, before: cursorOf(first, column), after: null });
    else void url.setParams({ page: next, after: null, before: null });
  }

  function resize(column: DirectoryColumn, width: number) {
    const next = { ...widths, [column]: width };
    setWidths(next);
    void saveDirectoryLayout({ widths: next });
  }

  const exportHref = serializeDirectoryParams("/admin/partners/export", {
    ...directoryFilterParams(view.filter),
    sort: view.sort,
  });
  const filtered = hasActiveFilter(view.filter);
  const offset = (view.page - 1) * view.pageSize;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Partners</h1>
          <p className="mt-0.5 text-sm text-slate-500" aria-live="polite" data-testid="matching-count">
            {summary.totalIsEstimate ? "About " : ""}
            {summary.totalLabel} {filtered ? "matching" : ""} partner
            {page.total === 1 ? "" : "s"}
            {busy && <span className="ml-2 text-slate-400">Updating…</span>}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <a
            href={exportHref}
            download
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
          {canEdit && <NewPartnerLink />}
          {canEdit && <ImportDialog />}
          <span className="hidden sm:inline-flex">
            <ColumnMenu columns={view.columns} onChange={setColumns} />
          </span>
        </div>
      </div>

      <HeroMetrics summary={summary} filtered={filtered} />
      <DirectoryFilters filter={view.filter} chosenOwner={chosenOwner} url={url} />
      {canEdit && <BulkBar selection={selection} total={page.total} pageSize={view.pageSize} filter={view.filter} />}

      {directory.error ? (
        <EmptyState
          title="The partners could not be loaded"
          description={directory.error}
          action={
            <Button variant="secondary" onClick={directory.retry}>
              Try again
            </Button>
          }
        />
      ) : page.total === 0 ? (
        filtered ? (
          <EmptyState
            title="No partners match these filters"
            description="Try a shorter search, or fewer statuses and tiers."
            action={
              <Button
                variant="secondary"
                onClick={() =>
                  void url.setFilter({ q: null, status: null, tier: null, owner: null, region: null, archived: null })
                }
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No partners yet"
            description={
              canEdit
                ? "Import your partner list from a CSV file to get started."
                : "When your team adds partners, they appear here."
            }
            action={canEdit ? <ImportDialog /> : undefined}
          />
        )
      ) : rows.length === 0 ? (
        <EmptyState
          title="This page is past the end"
          action={
            <Button variant="secondary" onClick={() => void url.setParams({ page: null, after: null, before: null })}>
              Go to the first page
            </Button>
          }
        />
      ) : (
        <>
          {/* The CSS classes keep a wrong first guess out of sight until the client corrects it. */}
          <div className="hidden sm:block">
            {!narrow && (
              <PartnerGrid
                rows={rows}
                total={page.total}
                offset={offset}
                columns={view.columns.length ? view.columns : [...DEFAULT_VISIBLE_COLUMNS]}
                widths={widths}
                onResize={resize}
                sort={view.sort}
                onSort={sortBy}
                canEdit={canEdit}
                selection={selection}
                previewId={previewId}
                onPreview={openPreview}
                onCommit={commit}
                timeZone={org.timeZone}
                busy={busy}
              />
            )}
          </div>
          <div className="space-y-2 sm:hidden">
            {narrow && (
              <>
                <SortSelect sort={view.sort} onChange={changeSort} />
                <PartnerCards rows={rows} onPreview={openPreview} />
              </>
            )}
          </div>
        </>
      )}

      {page.total > 0 && (
        <Pager
          page={view.page}
          pageSize={view.pageSize}
          total={page.total}
          estimated={page.totalIsEstimate}
          onPage={goToPage}
          onPageSize={changePageSize}
        />
      )}

      {previewId && previewRow && (
        <PreviewPanel
          row={previewRow}
          preview={preview}
          onClose={() => void url.setParams({ preview: null }, { history: "replace" })}
        />
      )}
    </div>
  );
}
