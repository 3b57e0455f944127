import type { Metadata } from "next";
import { SectionUnavailable } from "@/components/portal/section-unavailable";
import { EmptyState } from "@/components/ui/empty-state";
import { PageNav, PastLastPage, isPastLastPage } from "@/components/ui/page-nav";
import { pageNumber } from "@/lib/paging/page";
import { describeForPartner } from "@/lib/activity/describe-for-partner";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { getPortalAccount } from "@/lib/portal/account";
import { accountHref } from "@/lib/portal/constants";
import { getPortalOrg, listPartnerActivity } from "@/lib/portal/queries";

const NOUN = { one: "update", other: "updates" };

export const metadata: Metadata = { title: "Activity · Partner portal" };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { partnerId } = await params;
  const page = pageNumber((await searchParams).page);
  const account = await getPortalAccount(partnerId);
  if (!account) return null;
  if (!account.scope.includes("activity")) return <SectionUnavailable section="Activity updates" />;
  const [events, org] = await Promise.all([listPartnerActivity(partnerId, page), getPortalOrg()]);
  const base = accountHref(partnerId, "activity");
  const format = orgFormatter(org ?? DEFAULT_ORG_FORMAT);
  if (isPastLastPage(events)) return <PastLastPage list={events} path={base} noun={NOUN} format={format} />;
  if (events.rows.length === 0) return <EmptyState title="No activity yet" />;
  return (
    <div className="space-y-4">
      <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Activity">
        {events.rows.map((event) => (
          <li key={event.id} className="relative" data-testid="portal-activity-event">
            <span
              className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-white bg-brand-600"
              aria-hidden
            />
            <p className="text-sm font-medium break-words text-slate-900">{describeForPartner(event, format)}</p>
            <time dateTime={event.occurred_at} className="text-xs text-slate-500">
              {format.dateTime(event.occurred_at)}
            </time>
          </li>
        ))}
      </ol>
      <PageNav list={events} path={base} noun={NOUN} label="Activity pages" format={format} />
    </div>
  );
}
