"use client";

import { debounce, useQueryStates, type inferParserType } from "nuqs";
import { useTransition } from "react";
import { directoryParsers } from "@/lib/partners/directory-params";

type Nullable<T> = { [K in keyof T]?: T[K] | null };
type FilterChange = Nullable<
  Pick<inferParserType<typeof directoryParsers>, "q" | "status" | "tier" | "owner" | "region" | "archived">
>;

/**
 * The view in the URL, for writing. Every change is a history entry (back/forward walk
 * through views); the screen fetches the view's rows from the rows route, so the URL
 * changes shallowly (no server render), except where a caller asks for one (the preview:
 * `withServerRender`, whose render `pending` follows). Filter changes go back to page 1 and
 * drop the page's cursor.
 *
 * A shallow change is not wrapped in a transition: the screen renders the new view at once
 * from the state, and a transition would hold the screen "busy" until the throttled URL write
 * and the router's render after it, about 50 ms later, with nothing left to wait for.
 */
export function useDirectoryUrl() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(directoryParsers, {
    shallow: true,
    history: "push",
    scroll: false,
  });
  return {
    params,
    pending,
    setParams,
    /** A change the server renders (shallow: false), with `pending` true until it has. */
    withServerRender(change: Parameters<typeof setParams>[0]) {
      return setParams(change, { history: "replace", shallow: false, startTransition });
    },
    setFilter(change: FilterChange) {
      return setParams(
        { ...change, page: null, after: null, before: null },
        // Typing in the search box updates the URL once the typing stops.
        "q" in change && change.q ? { limitUrlUpdates: debounce(250), history: "replace" } : undefined,
      );
    },
  };
}
