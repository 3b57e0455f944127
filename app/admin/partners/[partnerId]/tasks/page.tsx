import type { Metadata } from "next";
import { TaskBoard } from "@/components/workspace/tasks/task-board";
import { getStaffContext } from "@/lib/auth/staff-context";
import { todayIn } from "@/lib/format/dates";
import { listPartnerTasks } from "@/lib/tasks/queries";

export const metadata: Metadata = { title: "Tasks" };

export default async function TasksPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const [staff, tasks] = await Promise.all([getStaffContext(), listPartnerTasks(partnerId)]);
  return (
    <section aria-labelledby="tasks-heading" className="space-y-3">
      <h2 id="tasks-heading" className="sr-only">
        Tasks
      </h2>
      <TaskBoard tasks={tasks} today={todayIn(staff?.org.time_zone ?? "UTC")} />
    </section>
  );
}
