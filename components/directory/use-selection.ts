"use client";

import { useCallback, useMemo, useState } from "react";

/**
 * Which partners are selected: hand-picked ids (click, shift-click for a range, the
 * header box for the page) or "all matching" the filter, which the bulk action then
 * sends as the filter itself, so 100k partners need no 100k ids.
 */
export function useSelection(rowIds: string[], total: number, resetKey: string) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [seenKey, setSeenKey] = useState(resetKey);

  // A different filter is a different set of partners: start over.
  if (seenKey !== resetKey) {
    setSeenKey(resetKey);
    setIds(new Set());
    setAllMatching(false);
    setAnchor(null);
  }

  const toggle = useCallback(
    (id: string, index: number, range: boolean) => {
      setAllMatching(false);
      setIds((current) => {
        const next = new Set(current);
        if (range && anchor !== null) {
          const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
          for (const rangeId of rowIds.slice(from, to + 1)) next.add(rangeId);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      setAnchor(index);
    },
    [rowIds, anchor],
  );

  return useMemo(
    () => ({
      ids,
      allMatching,
      count: allMatching ? total : ids.size,
      isSelected: (id: string) => allMatching || ids.has(id),
      toggle,
      pageState(pageIds: string[]): "none" | "some" | "all" {
        if (allMatching) return "all";
        const selected = pageIds.filter((id) => ids.has(id)).length;
        return selected === 0 ? "none" : selected === pageIds.length ? "all" : "some";
      },
      togglePage(pageIds: string[]) {
        setAllMatching(false);
        setIds((current) => (pageIds.every((id) => current.has(id)) ? new Set() : new Set([...current, ...pageIds])));
      },
      selectAllMatching() {
        setAllMatching(true);
      },
      clear() {
        setIds(new Set());
        setAllMatching(false);
        setAnchor(null);
      },
    }),
    [ids, allMatching, total, toggle],
  );
}
export type Selection = ReturnType<typeof useSelection>;
