import { AdminTopBar } from "@/components/shell/admin-top-bar";
import { SignOutButton } from "@/components/auth/sign-out-button";

const NAV = [
  { href: "/admin/partners", label: "Partners" },
  { href: "/admin/partner-users", label: "Partner users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings/members", label: "Members" },
];

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <AdminTopBar items={NAV} right={<SignOutButton to="admin" />} />
      <main className="mx-auto max-w-[1440px] px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
