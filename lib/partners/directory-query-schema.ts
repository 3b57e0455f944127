import { z } from "zod";
import { PARTNER_STATUSES, PARTNER_TIERS } from "./constants";
import { PAGE_SIZES, SORT_VALUES, parseSort } from "./directory-columns";
import { cursorFitsSort, parseCursor } from "./directory-cursor";
import { normalizeSearch, resolveDirectoryView, type DirectoryParams, type DirectoryView } from "./directory-params";

/**
 * The directory's URL parameters as the rows route receives them: the same keys and the same
 * spelling as the page's URL (lists comma-separated, cursors `<key>,<id>`), so the screen sends
 * its own query string. Where the page quietly ignores a value it cannot read, the route
 * refuses it with a message naming the parameter. Without sort or size it uses the defaults;
 * the screen always sends the ones it shows. `parts=rows` leaves the summary out: a page or
 * sort change keeps the filter, so the screen already holds its count and metrics.
 */
const list = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .transform((value) => [...new Set(value.split(",").filter(Boolean))])
    .pipe(z.array(z.enum(values, { error: `${label} must be one of ${values.join(", ")}.` })));

const cursor = (label: string) =>
  z.string().transform((value, context) => {
    const parsed = parseCursor(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message: `${label} must be a sort key, a comma and a partner id.` });
      return z.NEVER;
    }
    return parsed;
  });

export const directoryQuerySchema = z
  .object({
    q: z.string().max(200, "Search for at most 200 characters.").optional(),
    status: list(PARTNER_STATUSES, "Status").optional(),
    tier: list(PARTNER_TIERS, "Tier").optional(),
    owner: z.guid("Owner must be a person's id.").optional(),
    region: z.string().trim().max(100, "Region is at most 100 characters.").optional(),
    archived: z.enum(["true", "false"], { error: "Archived must be true or false." }).optional(),
    sort: z.enum(SORT_VALUES, { error: "Sort by one of the directory's sortable columns." }).optional(),
    page: z.coerce
      .number({ error: "Page must be a whole number." })
      .int("Page must be a whole number.")
      .min(1, "Pages start at 1.")
      .max(100_000, "Page must be at most 100,000.")
      .optional(),
    size: z
      .enum(PAGE_SIZES.map(String) as [string, ...string[]], {
        error: `Rows per page must be ${PAGE_SIZES.join(", ")}.`,
      })
      .transform(Number)
      .optional(),
    after: cursor("after").optional(),
    before: cursor("before").optional(),
    parts: z.enum(["rows"], { error: "Parts can only be rows." }).optional(),
  })
  .superRefine((query, context) => {
    if (query.after && query.before)
      context.addIssue({ code: "custom", path: ["before"], message: "Give after or before, not both." });
    const { column } = parseSort(query.sort ?? "name");
    for (const key of ["after", "before"] as const) {
      const at = query[key];
      if (at && !cursorFitsSort(at, column))
        context.addIssue({ code: "custom", path: [key], message: `${key} does not hold a value of the sort column.` });
    }
  })
  .transform((query): DirectoryRequest => {
    const params: DirectoryParams = {
      q: normalizeSearch(query.q ?? ""),
      status: query.status ?? [],
      tier: query.tier ?? [],
      owner: query.owner?.toLowerCase() ?? null,
      region: query.region || null,
      archived: query.archived === "true",
      sort: query.sort ?? null,
      page: query.page ?? 1,
      after: query.after ?? null,
      before: query.before ?? null,
      size: (query.size ?? null) as DirectoryParams["size"],
      cols: null,
      preview: null,
    };
    return { ...resolveDirectoryView(params), rowsOnly: query.parts === "rows" };
  });

/** A view as the rows route is asked for it: with or without the filter's summary. */
export type DirectoryRequest = DirectoryView & { rowsOnly: boolean };
