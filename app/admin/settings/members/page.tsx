import type { Metadata } from "next";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { RoleSummaries } from "@/components/members/role-summaries";
import { ResetMemberFactors } from "@/components/mfa/reset-member-factors";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStaffContext } from "@/lib/auth/staff-context";
import { orgFormatter } from "@/lib/format/org-format";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { listMembers } from "@/lib/members/queries";
import { isStaffRole } from "@/lib/orgs/roles";
import { createClient } from "@/lib/supabase/server";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const staff = await getStaffContext();
  if (!staff) return null;
  if (staff.role !== "admin")
    return <EmptyState title="Members are managed by admins" description="Ask an admin of your organization." />;
  const supabase = await createClient();
  const [members, invitations] = await Promise.all([
    listMembers(supabase, staff.org.id),
    listPendingInvitations(supabase, staff.org.id),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="mt-1 text-sm text-slate-500">
          Staff of {staff.org.name}. An organization always keeps at least one admin.
        </p>
      </div>
      <Card>
        <CardHeader
          title="Invite a member"
          description="They get an email with a link; they join once they accept. Someone new chooses a password first."
        />
        <CardBody className="space-y-5">
          <InviteMemberForm />
          <RoleSummaries />
        </CardBody>
      </Card>
      <PendingInvitations invitations={invitations} org={staff.org} />
      <Card>
        <CardHeader title={`${members.length} member${members.length === 1 ? "" : "s"}`} />
        <ul className="divide-y divide-slate-100">
          {members.map((member) => {
            const label = member.name ?? member.email;
            return (
              <li
                key={member.userId}
                className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                data-testid="member"
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {label}
                    {member.userId === staff.userId && <span className="ml-2 text-xs text-slate-500">(you)</span>}
                  </p>
                  <p className="truncate text-sm text-slate-500">
                    {member.email} · since {orgFormatter(staff.org).date(member.joinedAt)}
                  </p>
                </div>
                <div className="flex flex-col gap-2 sm:items-end">
                  {isStaffRole(member.role) && (
                    <MemberRowActions userId={member.userId} role={member.role} label={label} />
                  )}
                  {member.userId !== staff.userId && <ResetMemberFactors userId={member.userId} label={label} />}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
