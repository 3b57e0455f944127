import { PartnerTrendCard } from "@/components/trends/partner-trend-card";
import { formatOf } from "@/lib/format/org-format";
import type { PortalOrg } from "@/lib/portal/queries";
import { createClient } from "@/lib/supabase/server";
import { lastTwelveMonths, loadPartnerTrend } from "@/lib/trends/queries";

/** One account's last twelve months in the portal, as far as the grant's sections reach. */
export async function PortalAccountTrend({
  org,
  partnerId,
  referrals,
  commissions,
}: {
  org: PortalOrg;
  partnerId: string;
  referrals: boolean;
  commissions: boolean;
}) {
  const supabase = await createClient();
  const rows = await loadPartnerTrend(supabase, lastTwelveMonths(org.time_zone), partnerId);
  return (
    <PartnerTrendCard
      rows={rows.filter((row) => !row.is_total)}
      title="Trend"
      description={`The last twelve months; months in ${org.time_zone}.`}
      referrals={referrals}
      commissions={commissions}
      org={formatOf(org)}
    />
  );
}
