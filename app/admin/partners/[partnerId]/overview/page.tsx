import { PortalAccessCard } from "@/components/portal-access/portal-access-card";
import type { Metadata } from "next";
import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { PartnerTrendCard } from "@/components/trends/partner-trend-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { Timeline } from "@/components/workspace/activity/timeline";
import { timelineTexts } from "@/lib/activity/timeline-texts";
import { PartnerFactsForm } from "@/components/workspace/overview/partner-facts-form";
import { TrainingCard } from "@/components/workspace/overview/training-card";
import { PageNav } from "@/components/ui/page-nav";
import { pageNumber } from "@/lib/paging/page";
import { TaskBoard } from "@/components/workspace/tasks/task-board";
import { listActivity } from "@/lib/activity/queries";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatOf, orgFormatter, textsFor } from "@/lib/format/org-format";
import { todayIn } from "@/lib/format/day-range";
import { TIER_LABELS, type PartnerTier } from "@/lib/partners/constants";
import { listResourcesForTier } from "@/lib/resources/queries";
import { createClient } from "@/lib/supabase/server";
import { listPartnerTasks } from "@/lib/tasks/queries";
import { listPartnerTraining } from "@/lib/training/queries";
import { lastTwelveMonths, loadPartnerTrend } from "@/lib/trends/queries";
import { getWorkspacePartner } from "@/lib/workspace/get-workspace-partner";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Overview");
}

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ access?: string; training?: string; resources?: string }>;
}) {
  const { partnerId } = await params;
  const pages = await searchParams;
  const trainingPage = pageNumber(pages.training);
  const resourcesPage = pageNumber(pages.resources);
  const [staff, partner, supabase] = await Promise.all([
    getStaffContext(),
    getWorkspacePartner(partnerId),
    createClient(),
  ]);
  if (!staff || !partner) return null;
  const timeZone = staff.org.time_zone;
  const now = new Date();
  const [tasks, training, resources, activity, trend] = await Promise.all([
    listPartnerTasks(partnerId, { openOnly: true, limit: 8 }),
    listPartnerTraining(partnerId, trainingPage),
    listResourcesForTier(staff.org.id, partner.tier as PartnerTier, resourcesPage),
    listActivity(supabase, { partnerId, orgId: staff.org.id, limit: 8 }),
    loadPartnerTrend(supabase, lastTwelveMonths(timeZone, now), partnerId),
  ]);
  const texts = textsFor(staff.org, (format) => {
    tasks.forEach((task) => [format.day(task.due_date), format.date(task.completed_at)]);
    training.rows.forEach((item) => [format.day(item.completed_on), format.day(item.expires_on)]);
  });
  const trendRows = trend.filter((row) => !row.is_total);
  const base = `/admin/partners/${partnerId}`;
  return (
    <OrgFormatProvider texts={texts}>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <PartnerFactsForm partner={partner} />
          <PartnerTrendCard
            rows={trendRows}
            title="Trend"
            description={`Referrals and won value by month, commission earned and paid; months in ${timeZone}.`}
            referrals
            commissions
            org={formatOf(staff.org)}
          />
          <Card>
            <CardHeader
              title="Recent activity"
              description="Updates live as changes happen."
              actions={
                <Link href={`${base}/activity`} className="text-sm font-medium text-brand-700 hover:underline">
                  All activity
                </Link>
              }
            />
            <CardBody>
              <OrgFormatProvider texts={timelineTexts(activity.events, staff.org)}>
                <Timeline
                  initial={activity}
                  filter={null}
                  compact
                  today={todayIn(timeZone, now)}
                  yesterday={todayIn(timeZone, new Date(now.getTime() - 86_400_000))}
                />
              </OrgFormatProvider>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="open-tasks" className="space-y-2">
            <div className="flex items-center justify-between">
              <h2 id="open-tasks" className="text-sm font-semibold text-slate-900">
                Open tasks
              </h2>
              <Link href={`${base}/tasks`} className="text-sm font-medium text-brand-700 hover:underline">
                All tasks
              </Link>
            </div>
            <TaskBoard tasks={tasks} today={todayIn(timeZone, now)} compact />
          </section>

          <TrainingCard
            training={training.rows}
            pager={
              <PageNav
                list={training}
                path={base + "/overview"}
                params={{ access: pages.access, resources: pages.resources }}
                param="training"
                noun={{ one: "course or certification", other: "courses and certifications" }}
                format={orgFormatter(staff.org)}
                label="Training pages"
              />
            }
          />

          <Card>
            <CardHeader
              title="Resources"
              description={`Available at ${TIER_LABELS[partner.tier as PartnerTier]} tier`}
            />
            {resources.rows.length === 0 ? (
              // A page past the last (an old link) says so; the pager below leads back.
              <CardBody>
                <p className="text-sm text-slate-500">
                  {resources.total > 0 ? "There is no such page of resources." : "No resources at this tier yet."}
                </p>
              </CardBody>
            ) : (
              <ul className="divide-y divide-slate-100">
                {resources.rows.map((resource) => (
                  <li key={resource.id} className="px-5 py-2.5 text-sm">
                    <a
                      href={resource.url}
                      target="_blank"
                      rel="noreferrer"
                      className="inline-flex items-center gap-1.5 font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    >
                      {resource.title}
                      <ExternalLink className="size-3.5 text-slate-400" aria-hidden />
                    </a>
                    <p className="text-xs text-slate-500">
                      {resource.kind} · from {TIER_LABELS[resource.min_tier as PartnerTier]}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <div className="px-5 pb-3 empty:hidden">
              <PageNav
                list={resources}
                path={base + "/overview"}
                params={{ access: pages.access, training: pages.training }}
                param="resources"
                noun={{ one: "resource", other: "resources" }}
                format={orgFormatter(staff.org)}
                label="Resource pages"
              />
            </div>
          </Card>

          <PortalAccessCard partnerId={partnerId} page={pageNumber(pages.access)} />
        </div>
      </div>
    </OrgFormatProvider>
  );
}
