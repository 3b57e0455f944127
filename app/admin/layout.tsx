import { redirect } from "next/navigation";
import { OrgFormatProvider } from "@/components/format/org-format-provider";
import { AccessGate } from "@/components/gates/access-gate";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AdminTopBar } from "@/components/shell/admin-top-bar";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { currentPath } from "@/lib/auth/current-path";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getPartnerContext } from "@/lib/auth/partner-context";
import { getStaffContext } from "@/lib/auth/staff-context";
import { formatOf } from "@/lib/format/org-format";
import { LEADS } from "@/lib/orgs/roles";
import { getMfaStatus, mfaStep } from "@/lib/mfa/status";
import { SecuritySettings } from "@/components/mfa/security-settings";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
  // Below aal2 the database shows a person nothing they must protect with a code: ask for
  // it first, or lead them to set up an authenticator when their organizations require one.
  const step = user.aal === "aal1" ? mfaStep(await getMfaStatus()) : null;
  if (step === "code") redirect(`/login/code?next=${encodeURIComponent(await currentPath())}`);
  if (step === "setup") {
    // Whatever page was asked for, set-up comes first; once done, a refresh shows the page.
    return (
      <div className="min-h-dvh">
        <AdminTopBar items={[]} right={<SignOutButton to="admin" />} />
        <main className="mx-auto max-w-[1440px] px-4 py-6 sm:px-6">
          <SecuritySettings />
        </main>
      </div>
    );
  }
  const staff = await getStaffContext();
  if (!staff) {
    const partner = await getPartnerContext();
    return partner ? (
      <AccessGate
        title="This area is for staff"
        signOutTo="admin"
        link={{ href: "/portal", label: "Go to your partner portal" }}
      >
        You are signed in as <strong>{user.email}</strong>, a partner account. The admin area is only for your partner
        manager&apos;s team.
      </AccessGate>
    ) : (
      <AccessGate title="You are not a member of any organization" signOutTo="admin">
        You are signed in as <strong>{user.email}</strong>, but no organization lists you as staff. Ask an admin to
        invite you.
      </AccessGate>
    );
  }

  const nav = [
    { href: "/admin", label: "Dashboard" },
    { href: "/admin/partners", label: "Partners" },
    ...(LEADS.includes(staff.role) ? [{ href: "/admin/partner-users", label: "Partner users" }] : []),
    ...(staff.role === "admin"
      ? [
          { href: "/admin/audit", label: "Audit log" },
          { href: "/admin/settings/members", label: "Members" },
          { href: "/admin/settings/organization", label: "Organization" },
        ]
      : []),
    { href: "/admin/settings/security", label: "Security" },
  ];
  return (
    <OrgFormatProvider org={formatOf(staff.org)}>
      <div className="min-h-dvh">
        <AdminTopBar
          items={nav}
          bell={<NotificationBell endpoint="/api/notifications" settingsHref="/admin/account/notifications" />}
          right={
            <>
              <OrgSwitcher orgs={staff.memberships.map((membership) => membership.org)} activeOrgId={staff.org.id} />
              <span className="hidden text-sm text-slate-500 lg:inline" title={staff.email}>
                {staff.email} · {staff.role}
              </span>
              <SignOutButton to="admin" />
            </>
          }
        />
        <main className="mx-auto max-w-[1440px] px-4 py-6 sm:px-6">{children}</main>
      </div>
    </OrgFormatProvider>
  );
}
