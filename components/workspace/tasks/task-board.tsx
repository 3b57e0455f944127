"use client";

import { useOptimistic, useState, useTransition } from "react";
import { CalendarClock, Plus } from "lucide-react";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Database } from "@/lib/database.types";
import { useOrgFormat } from "@/components/format/org-format-provider";
import { completeTask } from "@/lib/tasks/actions/complete-task";
import { deleteTask } from "@/lib/tasks/actions/delete-task";
import { reopenTask } from "@/lib/tasks/actions/reopen-task";
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS, type TaskPriority, type TaskStatus } from "@/lib/tasks/constants";
import { cn } from "@/lib/utils/cn";
import { ConfirmDialog } from "../confirm-dialog";
import { GuardedButton } from "../guarded-button";
import { staffName, usePermission, useWorkspace } from "../workspace-context";
import { TaskFormDialog } from "./task-form-dialog";
import { RowActions, settleDelete } from "../row-actions";

export type TaskRow = Database["public"]["Tables"]["partner_tasks"]["Row"];

const PRIORITY_TONES: Record<TaskPriority, BadgeTone> = { low: "slate", medium: "blue", high: "amber", urgent: "red" };
const FILTERS = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
] as const;

const isOpen = (status: string) => status === "todo" || status === "in_progress";

/** Tasks with optimistic complete/reopen; overdue ones (before today in the org's time zone) stand out. */
export function TaskBoard({ tasks, today, compact = false }: { tasks: TaskRow[]; today: string; compact?: boolean }) {
  const { staff } = useWorkspace();
  const format = useOrgFormat();
  const edit = usePermission("edit");
  const [filter, setFilter] = useState<(typeof FILTERS)[number]["value"]>("open");
  const [editing, setEditing] = useState<TaskRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<TaskRow | null>(null);
  const [, startTransition] = useTransition();
  const [shown, setOptimistic] = useOptimistic(tasks, (state, change: { id: string; status: TaskStatus }) =>
    state.map((task) => (task.id === change.id ? { ...task, status: change.status } : task)),
  );

  function toggle(task: TaskRow) {
    const next: TaskStatus = task.status === "done" ? "todo" : "done";
    startTransition(async () => {
      setOptimistic({ id: task.id, status: next });
      const result = next === "done" ? await completeTask({ taskId: task.id }) : await reopenTask({ taskId: task.id });
      if (!result.ok) toast.error(result.error);
      else toast.success(next === "done" ? `Completed “${task.title}”` : `Reopened “${task.title}”`);
    });
  }

  const visible = compact
    ? shown.filter((task) => isOpen(task.status))
    : shown.filter((task) =>
        filter === "all" ? true : filter === "open" ? isOpen(task.status) : !isOpen(task.status),
      );
  const openCount = shown.filter((task) => isOpen(task.status)).length;

  return (
    <div className="space-y-3">
      {!compact && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div
            role="tablist"
            aria-label="Show tasks"
            className="inline-flex rounded-md border border-slate-200 bg-white p-0.5"
          >
            {FILTERS.map((option) => (
              <button
                key={option.value}
                role="tab"
                aria-selected={filter === option.value}
                onClick={() => setFilter(option.value)}
                className={cn(
                  "rounded px-3 py-1 text-sm",
                  filter === option.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                {option.label}
                {option.value === "open" && <span className="ml-1 tabular-nums opacity-70">{openCount}</span>}
              </button>
            ))}
          </div>
          <GuardedButton
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            <Plus className="size-4" aria-hidden /> New task
          </GuardedButton>
        </div>
      )}

      {visible.length === 0 ? (
        <EmptyState
          title={filter === "done" && !compact ? "No finished tasks yet" : "No open tasks"}
          description={
            compact
              ? "Nothing to do for this partner right now."
              : "Create a task to keep track of what this partner needs next."
          }
        />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Tasks">
            {visible.map((task) => {
              const overdue = isOpen(task.status) && task.due_date !== null && task.due_date < today;
              const done = task.status === "done";
              const assignee = staffName(staff, task.assignee_id);
              return (
                <li
                  key={task.id}
                  data-testid="task-row"
                  className={cn("flex items-start gap-3 px-4 py-3", overdue && "bg-red-50/60")}
                >
                  <input
                    type="checkbox"
                    className="mt-1 size-4 shrink-0 accent-brand-600 disabled:cursor-not-allowed"
                    checked={done}
                    disabled={!edit.allowed || task.status === "cancelled"}
                    title={edit.reason}
                    aria-label={done ? `Reopen ${task.title}` : `Complete ${task.title}`}
                    onChange={() => toggle(task)}
                  />
                  <div className="min-w-0 flex-1">
                    <p className={cn("text-sm font-medium text-slate-900", done && "text-slate-400 line-through")}>
                      {task.title}
                    </p>
                    {task.description && !compact && (
                      <p className="mt-0.5 line-clamp-2 text-sm text-slate-500">{task.description}</p>
                    )}
                    <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      <Badge tone={PRIORITY_TONES[task.priority as TaskPriority]}>
                        {TASK_PRIORITY_LABELS[task.priority as TaskPriority]}
                      </Badge>
                      {!done && task.status !== "todo" && (
                        <Badge>{TASK_STATUS_LABELS[task.status as TaskStatus]}</Badge>
                      )}
                      {task.due_date && (
                        <span className={cn("inline-flex items-center gap-1", overdue && "font-semibold text-red-700")}>
                          <CalendarClock className="size-3.5" aria-hidden />
                          {overdue ? "Overdue · " : "Due "}
                          {format.day(task.due_date)}
                        </span>
                      )}
                      <span>{assignee ?? "Unassigned"}</span>
                      {done && task.completed_at && <span>Done {format.date(task.completed_at)}</span>}
                    </div>
                  </div>
                  {!compact && (
                    <div className="flex shrink-0 gap-1">
                      <RowActions
                        label={task.title}
                        onEdit={() => {
                          setEditing(task);
                          setFormOpen(true);
                        }}
                        onDelete={() => setDeleting(task)}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      <TaskFormDialog task={editing} open={formOpen} onOpenChange={setFormOpen} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this task?"
        confirmLabel="Delete task"
        onConfirm={async () => {
          if (!deleting) return true;
          return settleDelete(deleteTask({ taskId: deleting.id }), "Task deleted");
        }}
      >
        “{deleting?.title}” will be removed for everyone. Its entries on the timeline stay.
      </ConfirmDialog>
      {compact && <p className="sr-only">{openCount} open tasks</p>}
    </div>
  );
}
