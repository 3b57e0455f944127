"use client";

import * as Popover from "@radix-ui/react-popover";
import { Bell as BellIcon } from "lucide-react";
import Link from "next/link";
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useOrgFormat } from "@/components/format/org-format-provider";
import type { NotificationList } from "@/lib/notifications/queries";
import { cn } from "@/lib/utils/cn";

const POLL_MS = 30_000;

class LoadError extends Error {}

async function fetchList(endpoint: string): Promise<NotificationList> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}?limit=20`, { cache: "no-store" });
  } catch {
    throw new LoadError("Notifications could not be loaded. Check your connection.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new LoadError(body?.error ?? "Notifications could not be loaded. Try again in a moment.");
  }
  return (await response.json()) as NotificationList;
}

/**
 * The bell in the top bar: unread count, the newest notifications, mark read. `endpoint`
 * is the caller's own list (admin or portal); what it returns is RLS's answer. It has a
 * query client of its own, so it works in any layout.
 */
export function NotificationBell(props: { endpoint: string; settingsHref: string }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <Bell {...props} />
    </QueryClientProvider>
  );
}

function Bell({ endpoint, settingsHref }: { endpoint: string; settingsHref: string }) {
  const [open, setOpen] = useState(false);
  const format = useOrgFormat();
  const queryClient = useQueryClient();
  const key = ["notifications", endpoint];
  const query = useQuery({ queryKey: key, queryFn: () => fetchList(endpoint), refetchInterval: POLL_MS });

  const mark = async (body: { ids: string[] } | { all: true }) => {
    queryClient.setQueryData<NotificationList>(key, (list) => {
      if (!list) return list;
      const ids = "ids" in body ? new Set(body.ids) : null;
      const changed = list.items.filter((item) => !item.read && (!ids || ids.has(item.id))).length;
      return {
        items: list.items.map((item) => (!ids || ids.has(item.id) ? { ...item, read: true } : item)),
        unread: Math.max(0, list.unread - changed),
      };
    });
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response?.ok) void queryClient.invalidateQueries({ queryKey: key });
  };

  const state = query.isPending
    ? ({ status: "loading" } as const)
    : query.isError && !query.data
      ? ({ status: "error", message: query.error.message } as const)
      : ({ status: "ready", list: query.data! } as const);
  const load = () => void query.refetch();
  const unread = state.status === "ready" ? state.list.unread : 0;
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) load();
      }}
    >
      <Popover.Trigger
        aria-label={label}
        data-testid="notification-bell"
        className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <BellIcon className="size-5" aria-hidden />
        {unread > 0 && (
          <span
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 grid h-4 min-w-4 place-items-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-[min(24rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white shadow-lg"
          aria-label="Notifications"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <button
              type="button"
              onClick={() => void mark({ all: true })}
              disabled={unread === 0}
              className="rounded text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          <div className="max-h-[min(28rem,70dvh)] overflow-y-auto">
            {state.status === "loading" && (
              <ul aria-label="Loading notifications" className="space-y-3 p-4">
                {[0, 1, 2].map((i) => (
                  <li key={i} className="h-10 animate-pulse rounded bg-slate-100" />
                ))}
              </ul>
            )}
            {state.status === "error" && (
              <div role="alert" className="space-y-2 p-4 text-sm text-red-700">
                <p>{state.message}</p>
                <button type="button" onClick={load} className="font-medium underline">
                  Try again
                </button>
              </div>
            )}
            {state.status === "ready" && state.list.items.length === 0 && (
              <p className="p-6 text-center text-sm text-slate-500">You have no notifications yet.</p>
            )}
            {state.status === "ready" && state.list.items.length > 0 && (
              <ul className="divide-y divide-slate-100" data-testid="notification-list">
                {state.list.items.map((item) => (
                  <li key={item.id} className={cn(!item.read && "bg-brand-50/60")}>
                    <div className="flex items-start gap-2 px-4 py-3">
                      <Link
                        href={item.href}
                        onClick={() => {
                          if (!item.read) void mark({ ids: [item.id] });
                          setOpen(false);
                        }}
                        className="min-w-0 flex-1 rounded focus-visible:outline-2 focus-visible:outline-brand-600"
                        data-testid="notification-item"
                      >
                        <p className={cn("text-sm text-slate-900", !item.read && "font-semibold")}>{item.title}</p>
                        {item.detail && <p className="truncate text-sm text-slate-600">{item.detail}</p>}
                        <p className="mt-0.5 text-xs text-slate-500">{format.relative(item.occurredAt)}</p>
                      </Link>
                      {!item.read && (
                        <button
                          type="button"
                          onClick={() => void mark({ ids: [item.id] })}
                          className="shrink-0 rounded px-1 text-xs text-slate-500 hover:text-slate-800 hover:underline"
                          aria-label={`Mark "${item.title}" read`}
                        >
                          Mark read
                        </button>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="border-t border-slate-100 px-4 py-2.5 text-right">
            <Link
              href={settingsHref}
              onClick={() => setOpen(false)}
              className="text-xs font-medium text-brand-700 hover:underline"
            >
              Notification settings
            </Link>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
