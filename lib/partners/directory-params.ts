import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { z } from "zod";
import { PARTNER_STATUSES, PARTNER_TIERS } from "./constants";
import { cursorFitsSort, parseCursor, serializeCursor, type DirectoryCursor } from "./directory-cursor";
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  DEFAULT_VISIBLE_COLUMNS,
  DIRECTORY_COLUMNS,
  PAGE_SIZES,
  SORT_VALUES,
  type DirectoryColumn,
  type PageSize,
  type SortValue,
  parseSort,
} from "./directory-columns";

/**
 * The directory's view lives in the URL so it can be bookmarked and shared, and so
 * back/forward work. These parsers are the one definition: the page reads them on the
 * server (createLoader), the screen writes them on the client (useQueryStates), and
 * the export route and bulk actions parse the same filter.
 *
 * Keys the URL leaves out fall back to the user's saved layout (sort, size, columns),
 * then to the defaults; filters are never taken from the layout.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text search as the database receives it. Characters that are wildcards in ILIKE or
 * syntax in PostgREST's or=() filter are dropped rather than escaped: nobody searches
 * partner names for them, and the metrics function matches with the same ILIKE.
 */
export function normalizeSearch(value: string): string {
  return value
    .replace(/[%_*,()"\\:]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

const parseAsSearch = createParser({
  parse: (value: string) => normalizeSearch(value) || null,
  serialize: (value: string) => value,
});

const parseAsUuid = createParser({
  parse: (value: string) => (UUID.test(value) ? value.toLowerCase() : null),
  serialize: (value: string) => value,
});

const parseAsRegion = createParser({
  parse: (value: string) => value.trim().slice(0, 100) || null,
  serialize: (value: string) => value,
});

const parseAsCursor = createParser<DirectoryCursor>({
  parse: parseCursor,
  serialize: serializeCursor,
  eq: (a, b) => a.id === b.id && a.key === b.key,
});

export const directoryParsers = {
  q: parseAsSearch.withDefault(""),
  status: parseAsArrayOf(parseAsStringLiteral(PARTNER_STATUSES)).withDefault([]),
  tier: parseAsArrayOf(parseAsStringLiteral(PARTNER_TIERS)).withDefault([]),
  owner: parseAsUuid,
  region: parseAsRegion,
  archived: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(SORT_VALUES),
  page: parseAsInteger.withDefault(1),
  /** Next and previous carry the row they start after (or end before); a jump to page N does not. */
  after: parseAsCursor,
  before: parseAsCursor,
  size: parseAsNumberLiteral(PAGE_SIZES),
  cols: parseAsArrayOf(parseAsStringLiteral(DIRECTORY_COLUMNS)),
  preview: parseAsUuid,
};

export type DirectoryParams = inferParserType<typeof directoryParsers>;

export const loadDirectoryParams = createLoader(directoryParsers);
export const serializeDirectoryParams = createSerializer(directoryParsers);

/** A filter as URL parameters, the emptied ones left out: what the page, the rows route and the export read. */
export function directoryFilterParams(filter: DirectoryFilter) {
  return {
    q: filter.q || null,
    status: filter.status.length ? filter.status : null,
    tier: filter.tier.length ? filter.tier : null,
    owner: filter.owner,
    region: filter.region,
    archived: filter.archived || null,
  };
}

/** The filter half of the view: what decides which partners match. */
export const directoryFilterSchema = z.object({
  q: z.string().transform(normalizeSearch).default(""),
  status: z.array(z.enum(PARTNER_STATUSES)).max(PARTNER_STATUSES.length).default([]),
  tier: z.array(z.enum(PARTNER_TIERS)).max(PARTNER_TIERS.length).default([]),
  owner: z.guid().nullable().default(null),
  region: z.string().trim().max(100).nullable().default(null),
  archived: z.boolean().default(false),
});
export type DirectoryFilter = z.output<typeof directoryFilterSchema>;

export type DirectoryView = {
  filter: DirectoryFilter;
  sort: SortValue;
  page: number;
  /** Where the page starts (after a row) or ends (before one); null pages by offset. */
  cursor: { direction: "after" | "before"; at: DirectoryCursor } | null;
  pageSize: PageSize;
  columns: DirectoryColumn[];
  preview: string | null;
};

/** What a saved layout may contribute when the URL is silent. */
export type LayoutDefaults = { sort?: SortValue; size?: PageSize; columns?: DirectoryColumn[] };

export function resolveDirectoryView(params: DirectoryParams, layout: LayoutDefaults = {}): DirectoryView {
  const columns = params.cols ?? layout.columns ?? [...DEFAULT_VISIBLE_COLUMNS];
  const sort = params.sort ?? layout.sort ?? DEFAULT_SORT;
  return {
    filter: {
      q: params.q,
      status: unique(params.status),
      tier: unique(params.tier),
      owner: params.owner,
      region: params.region,
      archived: params.archived,
    },
    sort,
    page: Math.max(1, Math.min(params.page, 100_000)),
    cursor: resolveCursor(params, sort),
    pageSize: params.size ?? layout.size ?? DEFAULT_PAGE_SIZE,
    // Name always shows: it is the row's label for the grid and screen readers.
    columns: unique(["name", ...columns]),
    preview: params.preview,
  };
}

/** A cursor whose key cannot belong to the sort (a link edited by hand, or sorted since) is dropped: page by offset. */
function resolveCursor(params: DirectoryParams, sort: SortValue): DirectoryView["cursor"] {
  const { column } = parseSort(sort);
  if (params.after && cursorFitsSort(params.after, column)) return { direction: "after", at: params.after };
  if (params.before && cursorFitsSort(params.before, column)) return { direction: "before", at: params.before };
  return null;
}

export function hasActiveFilter(filter: DirectoryFilter): boolean {
  return Boolean(
    filter.q || filter.status.length || filter.tier.length || filter.owner || filter.region || filter.archived,
  );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
