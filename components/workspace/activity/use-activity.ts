"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { listActivity, type ActivityEvent, type ActivityPage } from "@/lib/activity/queries";
import { createClient } from "@/lib/supabase/client";
import { LIVE_POLL_MS } from "../live-sync";
import { useWorkspace } from "../workspace-context";

function newestFirst(a: ActivityEvent, b: ActivityEvent): number {
  if (a.occurred_at !== b.occurred_at) return a.occurred_at < b.occurred_at ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

/**
 * The timeline: the newest page is polled (so changes made anywhere appear within
 * seconds), older pages are fetched on demand by keyset cursor, and the two are merged
 * without duplicates. Starts from the server-rendered first page.
 */
export function useActivity(initial: ActivityPage, options: { filter: string | null; limit?: number }) {
  const { partnerId, orgId } = useWorkspace();
  const [older, setOlder] = useState<ActivityEvent[]>([]);
  const [cursor, setCursor] = useState(initial.next);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [renderedAt] = useState(() => Date.now());

  const head = useQuery({
    queryKey: ["workspace", partnerId, "activity", options.filter, options.limit ?? null],
    queryFn: () => listActivity(createClient(), { partnerId, orgId, filter: options.filter, limit: options.limit }),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: LIVE_POLL_MS,
  });

  const byId = new Map<string, ActivityEvent>();
  for (const event of [...head.data.events, ...initial.events, ...older]) byId.set(event.id, event);
  const events = [...byId.values()].sort(newestFirst);

  async function loadMore() {
    if (!cursor) return;
    setLoadingMore(true);
    setLoadError(null);
    try {
      const page = await listActivity(createClient(), { partnerId, orgId, filter: options.filter, before: cursor });
      setOlder((current) => [...current, ...page.events]);
      setCursor(page.next);
    } catch {
      setLoadError("Older events could not be loaded. Try again.");
    } finally {
      setLoadingMore(false);
    }
  }

  return { events, hasMore: cursor !== null, loadMore, loadingMore, loadError, pollError: head.isError };
}
