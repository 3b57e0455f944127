import type { Metadata } from "next";
import { ActivityFilter } from "@/components/workspace/activity/activity-filter";
import { NoteForm } from "@/components/workspace/activity/note-form";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { Timeline } from "@/components/workspace/activity/timeline";
import { timelineTexts } from "@/lib/activity/timeline-texts";
import { isActivityFilter } from "@/lib/activity/constants";
import { listActivity } from "@/lib/activity/queries";
import { getStaffContext } from "@/lib/auth/staff-context";
import { todayIn } from "@/lib/format/day-range";
import { createClient } from "@/lib/supabase/server";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Activity");
}

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<{ type?: string }> };

export default async function ActivityPage({ params, searchParams }: Props) {
  const { partnerId } = await params;
  const { type } = await searchParams;
  const filter = isActivityFilter(type) ? type : null;
  const [staff, supabase] = await Promise.all([getStaffContext(), createClient()]);
  const timeZone = staff?.org.time_zone ?? "UTC";
  const initial = await listActivity(supabase, { partnerId, orgId: staff?.org.id ?? "", filter });
  const now = new Date();
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="timeline-heading" className="order-2 space-y-4 lg:order-1">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="timeline-heading" className="text-sm font-semibold text-slate-900">
            Timeline
          </h2>
          <ActivityFilter value={filter} />
        </div>
        <OrgFormatProvider texts={staff ? timelineTexts(initial.events, staff.org) : undefined}>
          <Timeline
            key={filter ?? "all"}
            initial={initial}
            filter={filter}
            today={todayIn(timeZone, now)}
            yesterday={todayIn(timeZone, new Date(now.getTime() - 86_400_000))}
          />
        </OrgFormatProvider>
      </section>
      <aside className="order-1 lg:order-2">
        <NoteForm />
      </aside>
    </div>
  );
}
