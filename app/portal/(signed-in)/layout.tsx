import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { PortalHeader } from "@/components/portal/portal-header";
import { AccessGate } from "@/components/gates/access-gate";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ACTIVE_ACCOUNT_COOKIE, getPartnerContext } from "@/lib/auth/partner-context";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatOf } from "@/lib/format/org-format";
import { ALL_ACCOUNTS } from "@/lib/portal/constants";
import { getPortalOrg } from "@/lib/portal/queries";

/** The portal admits active partner users with at least one grant in force, and says why to everyone else. */
export default async function SignedInPortalLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/portal/login");
  const partner = await getPartnerContext();
  if (!partner) {
    const staff = await getStaffContext();
    return staff ? (
      <AccessGate
        title="The portal is for partners"
        signOutTo="portal"
        link={{ href: "/admin/partners", label: "Go to the admin area" }}
      >
        You are signed in as <strong>{user.email}</strong>, a staff account. The partner portal shows partners their own
        accounts; you manage them in the admin area.
      </AccessGate>
    ) : (
      <AccessGate title="No partner account" signOutTo="portal">
        <strong>{user.email}</strong> is not set up as a partner user. Ask your partner manager for an invitation.
      </AccessGate>
    );
  }
  if (!partner.isActive || partner.accounts.length === 0) {
    return (
      <AccessGate title="You have no partner access right now" signOutTo="portal">
        {partner.isActive
          ? "Your access to partner accounts has ended or has not started yet."
          : "Your portal account has been deactivated."}{" "}
        If you think this is a mistake, contact your partner manager.
      </AccessGate>
    );
  }
  const org = await getPortalOrg();
  const remembered = (await cookies()).get(ACTIVE_ACCOUNT_COOKIE)?.value;
  return (
    <OrgFormatProvider org={org ? formatOf(org) : undefined}>
      <div className="min-h-dvh bg-slate-50">
        <PortalHeader
          orgName={org?.name ?? "Partner"}
          email={partner.email}
          accounts={partner.accounts.map(({ partnerId, name }) => ({ partnerId, name }))}
          fallbackAccount={remembered ?? ALL_ACCOUNTS}
        />
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      </div>
    </OrgFormatProvider>
  );
}
