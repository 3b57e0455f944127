import type { Metadata } from "next";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { TaskBoard } from "@/components/workspace/tasks/task-board";
import { getStaffContext } from "@/lib/auth/staff-context";
import { todayIn } from "@/lib/format/day-range";
import { textsFor } from "@/lib/format/org-format";
import { listPartnerTasks } from "@/lib/tasks/queries";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Tasks");
}

export default async function TasksPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const [staff, tasks] = await Promise.all([getStaffContext(), listPartnerTasks(partnerId)]);
  return (
    <section aria-labelledby="tasks-heading" className="space-y-3">
      <h2 id="tasks-heading" className="sr-only">
        Tasks
      </h2>
      <OrgFormatProvider
        texts={
          staff
            ? textsFor(staff.org, (format) =>
                tasks.forEach((task) => [format.day(task.due_date), format.date(task.completed_at)]),
              )
            : undefined
        }
      >
        <TaskBoard tasks={tasks} today={todayIn(staff?.org.time_zone ?? "UTC")} />
      </OrgFormatProvider>
    </section>
  );
}
