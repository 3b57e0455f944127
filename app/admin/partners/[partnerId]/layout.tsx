import type { Metadata, ResolvingMetadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Hero } from "@/components/workspace/hero";
import { LiveSync } from "@/components/workspace/live-sync";
import { ReadOnlyNotice } from "@/components/workspace/read-only-notice";
import { TabNav } from "@/components/workspace/tab-nav";
import { WorkspaceProvider } from "@/components/workspace/workspace-context";
import { getStaffContext } from "@/lib/auth/staff-context";
import { EDITORS, LEADS } from "@/lib/orgs/roles";
import { getPartnerRollups, getWorkspacePartner } from "@/lib/workspace/get-workspace-partner";
import { recordId } from "@/lib/validation/record-id";
import { listOrgStaff } from "@/lib/workspace/staff";

type Params = { params: Promise<{ partnerId: string }> };

/**
 * The partner's name; each tab's page puts its own name in front ("Tasks · Northwind Traders").
 * A plain string title would drop the root template for the tabs, so the parent's is passed on.
 */
export async function generateMetadata({ params }: Params, parent: ResolvingMetadata): Promise<Metadata> {
  const [partner, resolved] = await Promise.all([getWorkspacePartner((await params).partnerId), parent]);
  return { title: { default: partner?.name ?? "Partner not found", template: resolved.title?.template ?? "%s" } };
}

export default async function PartnerWorkspaceLayout({ params, children }: Params & { children: React.ReactNode }) {
  const { partnerId } = await params;
  // A malformed id names no partner: 404 before any query would refuse it.
  if (!recordId().safeParse(partnerId).success) notFound();
  const staff = await getStaffContext();
  if (!staff) redirect("/login");
  const [partner, rollups, members] = await Promise.all([
    getWorkspacePartner(partnerId),
    getPartnerRollups(partnerId),
    listOrgStaff(staff.org.id),
  ]);
  if (!partner || partner.org_id !== staff.org.id) notFound();

  const ownerName = members.find((member) => member.id === partner.owner_id)?.name ?? null;
  return (
    <WorkspaceProvider
      value={{
        partnerId,
        orgId: staff.org.id,
        partnerName: partner.name,
        timeZone: staff.org.time_zone,
        currency: staff.org.currency,
        locale: staff.org.locale,
        role: staff.role,
        canEdit: EDITORS.includes(staff.role),
        canLead: LEADS.includes(staff.role),
        staff: members.map((member) => ({ id: member.id, name: member.name })),
      }}
    >
      <div className="space-y-6 pb-20 sm:pb-0">
        <Hero partner={partner} rollups={rollups} ownerName={ownerName} org={staff.org} />
        <TabNav partnerId={partnerId} counts={{ tasks: rollups?.open_tasks, referrals: rollups?.referrals_open }} />
        <ReadOnlyNotice />
        {children}
      </div>
      <LiveSync />
    </WorkspaceProvider>
  );
}
