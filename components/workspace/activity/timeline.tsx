"use client";

import { Activity, Briefcase, CircleDollarSign, FileText, Handshake, ListTodo, MessageSquare } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { dayKey, dayLabel, describeEvent } from "@/lib/activity/describe";
import { ACTIVITY_EVENT_LABELS, type ActivityEventType } from "@/lib/activity/constants";
import type { ActivityEvent, ActivityPage } from "@/lib/activity/queries";
import { cn } from "@/lib/utils/cn";
import { staffName, useWorkspace } from "../workspace-context";
import { useActivity } from "./use-activity";

const ICONS: Record<string, typeof Activity> = {
  partner: Briefcase,
  referral: Handshake,
  commission: CircleDollarSign,
  task: ListTodo,
  document: FileText,
  note: MessageSquare,
};

/** The timeline grouped by day in the org's time zone, newest first, live (polled) and paged. */
export function Timeline({
  initial,
  filter,
  today,
  yesterday,
  compact = false,
}: {
  initial: ActivityPage;
  filter: string | null;
  today: string;
  yesterday: string;
  compact?: boolean;
}) {
  const { timeZone, staff } = useWorkspace();
  const format = useOrgFormat();
  const { events, hasMore, loadMore, loadingMore, loadError, pollError } = useActivity(initial, {
    filter,
    limit: compact ? initial.events.length || 8 : undefined,
  });
  const shown = compact ? events.slice(0, 8) : events;
  const nameOf = (id: string | null) => staffName(staff, id);

  if (shown.length === 0) {
    return (
      <EmptyState
        title={filter ? "No events of this type" : "Nothing has happened yet"}
        description="Changes to this partner, its referrals, commissions, tasks, documents and notes appear here."
      />
    );
  }

  const groups: { key: string; events: ActivityEvent[] }[] = [];
  for (const event of shown) {
    const key = dayKey(event.occurred_at, timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.events.push(event);
    else groups.push({ key, events: [event] });
  }

  return (
    <div className="space-y-5" data-testid="timeline">
      {pollError && <Alert tone="warning">Live updates paused: the server could not be reached. Retrying…</Alert>}
      {groups.map((group) => (
        <section key={group.key} aria-label={dayLabel(group.key, today, yesterday, format)}>
          <h3 className="sticky top-0 z-10 bg-slate-50/95 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {dayLabel(group.key, today, yesterday, format)}
          </h3>
          <ol className="mt-2 space-y-0">
            {group.events.map((event) => {
              const Icon = ICONS[event.event_type.split(".")[0] ?? ""] ?? Activity;
              const isNote = event.event_type === "note.added";
              return (
                <li
                  key={event.id}
                  data-testid="timeline-event"
                  data-event-type={event.event_type}
                  className="relative flex gap-3 pb-4 pl-1"
                >
                  <span className="relative z-[1] mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-white ring-1 ring-slate-200">
                    <Icon className="size-3.5 text-slate-500" aria-hidden />
                  </span>
                  <div className="min-w-0 flex-1">
                    <p
                      className={cn(
                        "text-sm text-slate-800",
                        isNote && "whitespace-pre-wrap rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-100",
                      )}
                    >
                      {describeEvent(event, { format, nameOf })}
                    </p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {ACTIVITY_EVENT_LABELS[event.event_type as ActivityEventType] ?? event.event_type} ·{" "}
                      {nameOf(event.actor_id) ?? "System"} · {format.time(event.occurred_at)}
                      {event.partner_visible && <span className="ml-1 text-emerald-700">· visible to partner</span>}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {!compact && (
        <div className="flex flex-col items-center gap-2">
          {loadError && <Alert tone="error">{loadError}</Alert>}
          {hasMore ? (
            <Button variant="secondary" onClick={loadMore} pending={loadingMore}>
              Load older events
            </Button>
          ) : (
            <p className="text-xs text-slate-400">That&apos;s the whole history.</p>
          )}
        </div>
      )}
    </div>
  );
}
