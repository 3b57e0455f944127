import type { Metadata } from "next";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { CommissionPanel } from "@/components/workspace/referrals/commission-panel";
import { ReferralBoard } from "@/components/workspace/referrals/referral-board";
import { getStaffContext } from "@/lib/auth/staff-context";
import { PageNav } from "@/components/ui/page-nav";
import { listPartnerCommissions } from "@/lib/commissions/queries";
import { pageNumber } from "@/lib/paging/page";
import { todayIn } from "@/lib/format/day-range";
import { orgFormatter, textsFor } from "@/lib/format/org-format";
import { REFERRAL_STATUSES, type ReferralStatus } from "@/lib/referrals/constants";
import { listPartnerReferrals, REFERRAL_PAGE_SIZE } from "@/lib/referrals/queries";
import { getPartnerRollups, getWorkspacePartner } from "@/lib/workspace/get-workspace-partner";
import { workspaceMetadata } from "@/lib/workspace/metadata";

export async function generateMetadata({ params }: { params: Promise<{ partnerId: string }> }): Promise<Metadata> {
  return workspaceMetadata(params, "Referrals");
}

type Props = {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ status?: string; page?: string; commissions?: string }>;
};

export default async function ReferralsPage({ params, searchParams }: Props) {
  const { partnerId } = await params;
  const query = await searchParams;
  const status = (REFERRAL_STATUSES as readonly string[]).includes(query.status ?? "")
    ? (query.status as ReferralStatus)
    : null;
  const page = Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1);
  const [staff, partner, rollups, referrals, commissions] = await Promise.all([
    getStaffContext(),
    getWorkspacePartner(partnerId),
    getPartnerRollups(partnerId),
    listPartnerReferrals(partnerId, { status: status ?? undefined, page }),
    listPartnerCommissions(partnerId, pageNumber(query.commissions)),
  ]);
  const counts = {
    submitted: rollups?.referrals_submitted ?? 0,
    qualified: rollups?.referrals_qualified ?? 0,
    in_progress: rollups?.referrals_in_progress ?? 0,
    won: rollups?.referrals_won ?? 0,
    lost: rollups?.referrals_lost ?? 0,
  };
  const matching = status ? counts[status] : (rollups?.referrals_total ?? 0);
  const today = todayIn(staff?.org.time_zone ?? "UTC");
  const totals = {
    earned: Number(rollups?.commission_earned ?? 0),
    owed: Number(rollups?.commission_owed ?? 0),
    paid: Number(rollups?.commission_paid ?? 0),
  };
  const texts =
    staff &&
    textsFor(staff.org, (format) => {
      for (const referral of referrals) {
        [referral.estimated_value, referral.actual_value].forEach((value) => format.money(value));
        [referral.referred_at, referral.closed_at].forEach((instant) => format.date(instant));
      }
      for (const commission of commissions.rows) {
        format.money(commission.amount, commission.currency);
        [commission.earned_at, commission.due_at, commission.paid_at].forEach((instant) => format.date(instant));
      }
      Object.values(totals).forEach((value) => format.money(value));
      const pipeline = Object.values(counts);
      [...pipeline, pipeline.reduce((sum, count) => sum + count, 0)].forEach((count) => format.number(count));
    });
  return (
    <OrgFormatProvider texts={texts ?? undefined}>
      <div className="space-y-6">
        <ReferralBoard
          referrals={referrals}
          counts={counts}
          status={status}
          page={page}
          pageCount={Math.max(1, Math.ceil(matching / REFERRAL_PAGE_SIZE))}
          today={today}
          commissionRate={partner?.commission_rate ?? null}
        />
        <CommissionPanel
          commissions={commissions.rows}
          totals={totals}
          today={today}
          pager={
            staff && (
              <PageNav
                list={commissions}
                path={`/admin/partners/${partnerId}/referrals`}
                params={{ status: query.status, page: query.page }}
                param="commissions"
                noun={{ one: "commission", other: "commissions" }}
                format={orgFormatter(staff.org)}
                label="Commission pages"
              />
            )
          }
        />
      </div>
    </OrgFormatProvider>
  );
}
