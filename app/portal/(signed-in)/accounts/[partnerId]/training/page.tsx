import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { Table, Td, Th } from "@/components/portal/table";
import { TierPill } from "@/components/partners/tier-pill";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { todayIn } from "@/lib/format/day-range";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { pageNumber } from "@/lib/paging/page";
import type { PartnerTier } from "@/lib/partners/constants";
import { getPortalAccount } from "@/lib/portal/account";
import { accountHref } from "@/lib/portal/constants";
import { getPortalOrg, getPortalPartner, listResources, listTraining } from "@/lib/portal/queries";

const NOUN = { one: "course or certification", other: "courses and certifications" };

export const metadata: Metadata = { title: "Resources & training · Partner portal" };

const STATUS_LABELS: Record<string, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  expired: "Expired",
};

export default async function TrainingPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { partnerId } = await params;
  const page = pageNumber((await searchParams).page);
  const account = await getPortalAccount(partnerId);
  const partner = account ? await getPortalPartner(partnerId) : null;
  if (!account || !partner) return null;
  if (!account.scope.includes("training")) return <SectionUnavailable section="Resources and training" />;
  const [training, resources, org] = await Promise.all([
    listTraining(partnerId, page),
    listResources(partner.tier as PartnerTier),
    getPortalOrg(),
  ]);
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  const today = todayIn(org?.time_zone ?? "UTC");
  return (
    <div className="grid gap-8 lg:grid-cols-5">
      <section aria-labelledby="training-heading" className="space-y-3 lg:col-span-3">
        <h2 id="training-heading" className="text-sm font-semibold text-slate-900">
          Training and certifications
        </h2>
        {isPastLastPage(training) ? (
          <PastLastPage list={training} path={accountHref(partnerId, "training")} noun={NOUN} format={format} />
        ) : training.rows.length === 0 ? (
          <EmptyState title="No training recorded yet" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Course or certification</Th>
                <Th>Status</Th>
                <Th>Completed</Th>
                <Th>Expires</Th>
              </tr>
            </thead>
            <tbody>
              {training.rows.map((item) => {
                const expired = item.expires_on != null && item.expires_on < today;
                return (
                  <tr key={item.id}>
                    <Td className="text-slate-900">
                      <span className="font-medium">{item.name}</span>
                      {item.kind === "certification" && (
                        <span className="ml-2 text-xs text-slate-500">Certification</span>
                      )}
                    </Td>
                    <Td>
                      <Badge
                        tone={
                          item.status === "completed" && !expired
                            ? "green"
                            : item.status === "in_progress"
                              ? "blue"
                              : expired || item.status === "expired"
                                ? "red"
                                : "slate"
                        }
                      >
                        {expired ? "Expired" : (STATUS_LABELS[item.status] ?? item.status)}
                      </Badge>
                    </Td>
                    <Td className="whitespace-nowrap">{format.day(item.completed_on)}</Td>
                    <Td className="whitespace-nowrap">{format.day(item.expires_on)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <PageNav
          list={training}
          path={accountHref(partnerId, "training")}
          noun={NOUN}
          label="Training pages"
          format={format}
        />
      </section>
      <section aria-labelledby="resources-heading" className="space-y-3 lg:col-span-2">
        <h2 id="resources-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          Resources for your tier <TierPill tier={partner.tier as PartnerTier} />
        </h2>
        {resources.length === 0 ? (
          <EmptyState title="No resources for this tier yet" />
        ) : (
          <Card>
            <CardHeader title={`${resources.length} resource${resources.length === 1 ? "" : "s"}`} />
            <ul className="divide-y divide-slate-100">
              {resources.map((resource) => (
                <li key={resource.id} className="px-5 py-3">
                  <a
                    href={resource.url}
                    target="_blank"
                    rel="noreferrer"
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {resource.title}
                  </a>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {resource.kind} · from {resource.min_tier}
                    {resource.description ? ` · ${resource.description}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
