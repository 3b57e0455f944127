"use client";

import { keepPreviousData, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { DirectoryData, DirectorySummary } from "@/lib/partners/directory-data";
import {
  directoryFilterParams,
  serializeDirectoryParams,
  type DirectoryFilter,
  type DirectoryView,
} from "@/lib/partners/directory-params";
import type { DirectoryRow } from "@/lib/partners/directory-types";

/** The view's query string as the page's URL spells it, sort and size always included: the route's input and the cache's key. */
export function directoryQueryString(view: DirectoryView): string {
  const { cursor } = view;
  return serializeDirectoryParams({
    ...directoryFilterParams(view.filter),
    sort: view.sort,
    page: view.page === 1 ? null : view.page,
    size: view.pageSize,
    after: cursor?.direction === "after" ? cursor.at : null,
    before: cursor?.direction === "before" ? cursor.at : null,
  });
}

export const rowsKey = (query: string) => ["directory", "rows", query] as const;
/** The summary counts every match of the filter, whatever the page or sort: one entry per filter. */
const summaryKey = (filter: DirectoryFilter) =>
  ["directory", "summary", serializeDirectoryParams(directoryFilterParams(filter))] as const;

type RouteAnswer = { rows: DirectoryRow[]; summary?: DirectorySummary };

async function fetchDirectory(query: string, rowsOnly: boolean, signal: AbortSignal): Promise<RouteAnswer> {
  const path = `/api/partners/directory${query}${rowsOnly ? `${query ? "&" : "?"}parts=rows` : ""}`;
  const response = await fetch(path, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (RouteAnswer & { error?: string }) | null;
  if (!response.ok || !body?.rows) throw new Error(body?.error ?? "The partners could not be loaded. Try again.");
  return body;
}

/**
 * The rows and summary of the view in the URL. The server's render fills the cache for the
 * view it rendered (first load, and again whenever it renders after a write); every other
 * view is fetched from the rows route while the previous rows stay on screen. Rows and
 * summary are two entries so inline edits can update the rows alone.
 */
export function useDirectoryData(
  view: DirectoryView,
  server: { view: DirectoryView; data: DirectoryData; loadedAt: number },
) {
  const queryClient = useQueryClient();
  const query = directoryQueryString(view);
  const serverQuery = directoryQueryString(server.view);
  const isServerView = query === serverQuery;

  // A new server render (after an edit, an import or a bulk change) holds fresher rows than any cached view.
  const seen = useRef(server.loadedAt);
  useEffect(() => {
    if (seen.current === server.loadedAt) return;
    seen.current = server.loadedAt;
    void queryClient.invalidateQueries({ queryKey: ["directory"], refetchType: "none" });
    queryClient.setQueryData(rowsKey(serverQuery), server.data.rows);
    queryClient.setQueryData(summaryKey(server.view.filter), server.data.summary);
  }, [queryClient, server.loadedAt, server.data, serverQuery, server.view.filter]);

  const rows = useQuery<DirectoryRow[]>({
    queryKey: rowsKey(query),
    queryFn: async ({ signal }) => {
      // A new page or sort of a filter whose summary is held (and current) asks for the rows alone.
      const held = queryClient.getQueryState(summaryKey(view.filter));
      const rowsOnly = held?.data !== undefined && !held.isInvalidated;
      const data = await fetchDirectory(query, rowsOnly, signal);
      if (data.summary) queryClient.setQueryData(summaryKey(view.filter), data.summary);
      return data.rows;
    },
    initialData: isServerView ? server.data.rows : undefined,
    placeholderData: keepPreviousData,
    retry: 1,
  });
  const summary = useQuery<DirectorySummary>({
    queryKey: summaryKey(view.filter),
    queryFn: skipToken,
    initialData: sameFilter(view.filter, server.view.filter) ? server.data.summary : undefined,
    placeholderData: keepPreviousData,
  });

  return {
    queryKey: rowsKey(query),
    rows: rows.data ?? [],
    summary: summary.data ?? server.data.summary,
    loading: rows.isPlaceholderData || rows.isFetching,
    error: rows.isError && !rows.data ? (rows.error as Error).message : null,
    retry: () => void rows.refetch(),
  };
}

function sameFilter(a: DirectoryFilter, b: DirectoryFilter): boolean {
  return serializeDirectoryParams(directoryFilterParams(a)) === serializeDirectoryParams(directoryFilterParams(b));
}
