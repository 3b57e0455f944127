import { InvitationRowActions } from "@/components/members/invitation-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { orgFormatter, type OrgFormat } from "@/lib/format/org-format";
import type { PendingInvitation } from "@/lib/invitations/queries";

/** Invitations nobody has accepted yet: who, which role, who sent it, until when it works. */
export function PendingInvitations({ invitations, org }: { invitations: PendingInvitation[]; org: OrgFormat }) {
  const format = orgFormatter(org);
  return (
    <Card>
      <CardHeader
        title={`${invitations.length} pending invitation${invitations.length === 1 ? "" : "s"}`}
        description="People join once they accept. Resending sends a new link; the old one stops working."
      />
      {invitations.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No invitations are waiting for an answer.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <li
              key={invitation.id}
              data-testid="invitation"
              className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <span className="truncate">{invitation.email}</span>
                  <Badge tone="violet">{invitation.role}</Badge>
                  {invitation.expired && <Badge tone="amber">expired</Badge>}
                </p>
                <p className="text-sm text-slate-500">
                  {invitation.inviterName ? `Invited by ${invitation.inviterName}` : "Invited"} ·{" "}
                  {invitation.expired
                    ? `expired ${format.date(invitation.expiresAt)}`
                    : `expires ${format.date(invitation.expiresAt)}`}
                </p>
              </div>
              <InvitationRowActions invitationId={invitation.id} email={invitation.email} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
