"use client";

import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { StaffPicker, UNASSIGNED } from "@/components/pickers/staff-picker";
import { createTask } from "@/lib/tasks/actions/create-task";
import { updateTask } from "@/lib/tasks/actions/update-task";
import { TASK_PRIORITIES, TASK_PRIORITY_LABELS, TASK_STATUSES, TASK_STATUS_LABELS } from "@/lib/tasks/constants";
import { taskFormSchema, type TaskFormInput } from "@/lib/tasks/schemas";
import { Dialog } from "../dialog";
import { FormError } from "../form-error";
import { useActionForm } from "../use-action-form";
import { staffName, useWorkspace } from "../workspace-context";
import type { TaskRow } from "./task-board";

const EMPTY: TaskFormInput = {
  title: "",
  description: "",
  status: "todo",
  priority: "medium",
  due_date: "",
  assignee_id: "",
};

function toInput(task: TaskRow): TaskFormInput {
  return {
    title: task.title,
    description: task.description ?? "",
    status: task.status as TaskFormInput["status"],
    priority: task.priority as TaskFormInput["priority"],
    due_date: task.due_date ?? "",
    assignee_id: task.assignee_id ?? "",
  };
}

export function TaskFormDialog({
  task,
  open,
  onOpenChange,
}: {
  task: TaskRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={task ? "Edit task" : "New task"}>
      {open && <TaskForm task={task} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function TaskForm({ task, onDone }: { task: TaskRow | null; onDone: () => void }) {
  const { partnerId, staff } = useWorkspace();
  const form = useForm({ resolver: zodResolver(taskFormSchema), defaultValues: task ? toInput(task) : EMPTY });
  const { errors } = form.formState;
  const { submit, formError, pending } = useActionForm(
    form,
    (values) => (task ? updateTask({ ...values, taskId: task.id }) : createTask({ ...values, partnerId })),
    onDone,
    task ? "Task saved" : "Task created",
  );
  const assigneeId = useWatch({ control: form.control, name: "assignee_id" });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field label="Title" error={errors.title?.message}>
        <Input {...form.register("title")} autoFocus placeholder="Send the co-marketing plan" />
      </Field>
      <Field label="Description" error={errors.description?.message}>
        <Textarea {...form.register("description")} rows={3} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Status" error={errors.status?.message}>
          <Select {...form.register("status")}>
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {TASK_STATUS_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority" error={errors.priority?.message}>
          <Select {...form.register("priority")}>
            {TASK_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {TASK_PRIORITY_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due date" error={errors.due_date?.message}>
          <Input type="date" {...form.register("due_date")} />
        </Field>
        <Field label="Assignee" error={errors.assignee_id?.message}>
          <StaffPicker
            value={assigneeId ? { id: assigneeId, label: staffName(staff, assigneeId) ?? "Staff member" } : UNASSIGNED}
            leadingOptions={[UNASSIGNED]}
            portal={false}
            onChange={(option) => {
              if (option) form.setValue("assignee_id", option.id, { shouldDirty: true });
            }}
          />
        </Field>
      </div>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {task ? "Save task" : "Create task"}
        </Button>
      </div>
    </form>
  );
}
