import Link from "next/link";
import { StatusBadge } from "@/components/partners/status-badge";
import { TierPill } from "@/components/partners/tier-pill";
import { SectionNav } from "@/components/portal/section-nav";
import { PORTAL_SECTIONS } from "@/lib/auth/partner-context";
import type { PartnerStatus, PartnerTier } from "@/lib/partners/constants";
import { getPortalAccount } from "@/lib/portal/account";
import { SECTION_LABELS, accountHref } from "@/lib/portal/constants";
import { getPortalPartner } from "@/lib/portal/queries";

export default async function AccountLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ partnerId: string }>;
}) {
  const { partnerId } = await params;
  const account = await getPortalAccount(partnerId);
  const partner = account ? await getPortalPartner(partnerId) : null;
  if (!account || !partner) {
    return (
      <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center">
        <h1 className="text-lg font-semibold text-slate-900">You have no access to this account</h1>
        <p className="mt-2 text-sm text-slate-600">
          Your access to it has ended, was revoked, or was never granted. If you think this is a mistake, contact your
          partner manager.
        </p>
        <Link
          href="/portal"
          className="mt-6 inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          Back to your portal
        </Link>
      </div>
    );
  }
  const items = [
    { href: accountHref(partnerId), label: "Overview", exact: true },
    ...PORTAL_SECTIONS.filter((section) => account.scope.includes(section)).map((section) => ({
      href: accountHref(partnerId, section),
      label: SECTION_LABELS[section],
    })),
  ];
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{partner.name}</h1>
          <StatusBadge status={partner.status as PartnerStatus} />
          <TierPill tier={partner.tier as PartnerTier} />
        </div>
        <SectionNav items={items} />
      </div>
      {children}
    </div>
  );
}
