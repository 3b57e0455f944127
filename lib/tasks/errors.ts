/** Task check constraints and trigger messages, mapped to the form's fields. */
export const TASK_CONSTRAINTS = {
  partner_tasks_title_check: { field: "title", message: "Enter a title of 1 to 300 characters" },
  partner_tasks_description_check: { field: "description", message: "Use at most 10,000 characters" },
  "assignee must be staff": {
    field: "assignee_id",
    message: "The assignee must be a staff member of this organization",
  },
};
