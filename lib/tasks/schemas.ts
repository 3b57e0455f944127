import { z } from "zod";
import { optionalDate } from "@/lib/validation/calendar-date";
import { recordId } from "@/lib/validation/record-id";
import { optionalText, requiredText } from "@/lib/validation/text";
import { optionalId } from "@/lib/workspace/form-fields";
import { TASK_PRIORITIES, TASK_STATUSES } from "./constants";

/** What the task form edits; the create and update actions parse the same fields. */
export const taskFormSchema = z.object({
  title: requiredText("Title", 300),
  description: optionalText(10000),
  status: z.enum(TASK_STATUSES, { error: "Choose a status" }),
  priority: z.enum(TASK_PRIORITIES, { error: "Choose a priority" }),
  due_date: optionalDate(),
  assignee_id: optionalId("Choose someone from the list"),
});
export type TaskFormInput = z.input<typeof taskFormSchema>;

export const createTaskSchema = taskFormSchema.extend({ partnerId: recordId() });
export const updateTaskSchema = taskFormSchema.extend({ taskId: recordId() });
export const taskIdSchema = z.object({ taskId: recordId() });
