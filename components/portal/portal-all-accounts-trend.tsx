import { PartnerTrendCard } from "@/components/trends/partner-trend-card";
import type { PortalAccount } from "@/lib/auth/partner-context";
import { formatOf } from "@/lib/format/org-format";
import type { PortalOrg } from "@/lib/portal/queries";
import { createClient } from "@/lib/supabase/server";
import { lastTwelveMonths, loadPartnerTrend } from "@/lib/trends/queries";

/**
 * "All accounts": the last twelve months across every account in total, then per account.
 * Each account counts only the sections its grant opens, so the total is of what may be seen.
 */
export async function PortalAllAccountsTrend({ org, accounts }: { org: PortalOrg; accounts: PortalAccount[] }) {
  const supabase = await createClient();
  const rows = await loadPartnerTrend(supabase, lastTwelveMonths(org.time_zone));
  const settings = formatOf(org);
  const anyReferrals = accounts.some((account) => account.scope.includes("referrals"));
  const anyCommissions = accounts.some((account) => account.scope.includes("commissions"));
  if (!anyReferrals && !anyCommissions) return null;
  return (
    <section aria-labelledby="trend-heading" className="space-y-3">
      <h2 id="trend-heading" className="text-sm font-semibold text-slate-900">
        Trend
      </h2>
      <PartnerTrendCard
        rows={rows.filter((row) => row.is_total && row.org_id === org.id)}
        title="All accounts"
        description={`In total over your accounts, the last twelve months; months in ${org.time_zone}.`}
        referrals={anyReferrals}
        commissions={anyCommissions}
        org={settings}
      />
      {accounts.map((account) => {
        const referrals = account.scope.includes("referrals");
        const commissions = account.scope.includes("commissions");
        if (!referrals && !commissions) return null;
        return (
          <details key={account.partnerId} className="rounded-lg border border-slate-200 bg-white">
            <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-900">{account.name}</summary>
            <div className="p-2">
              <PartnerTrendCard
                rows={rows.filter((row) => !row.is_total && row.partner_id === account.partnerId)}
                title={account.name}
                description={`The last twelve months; months in ${org.time_zone}.`}
                referrals={referrals}
                commissions={commissions}
                org={settings}
              />
            </div>
          </details>
        );
      })}
    </section>
  );
}
