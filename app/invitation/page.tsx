import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { ChoosePasswordForm } from "@/components/invitations/choose-password-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_ORG_FORMAT, orgFormatter } from "@/lib/format/org-format";
import { acceptError } from "@/lib/invitations/errors";
import { invitationForToken, type InvitationStatus } from "@/lib/invitations/queries";
import { ROLE_SUMMARIES } from "@/lib/invitations/role-summaries";
import { invitationToken } from "@/lib/invitations/schemas";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const CLOSED: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "invitation_used",
  revoked: "invitation_revoked",
  expired: "invitation_expired",
};

/**
 * Where an invitation email leads. Opening it changes nothing (a mail scanner may open it):
 * someone new chooses a password, which signs them in and accepts; an existing account signs
 * in as itself and presses Accept.
 */
export default async function InvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const parsed = invitationToken.safeParse((await searchParams).token);
  const invitation = parsed.success ? await invitationForToken(parsed.data) : null;
  if (!parsed.success || !invitation) {
    return (
      <AuthCard title="This invitation link is not valid" footer={<SignInLink />}>
        <p className="text-sm text-slate-600">
          It may have been replaced by a newer invitation email, or copied only in part. Open the newest email, or ask
          an admin of the organization to send the invitation again.
        </p>
      </AuthCard>
    );
  }
  const token = parsed.data;
  const intro = (
    <>
      {invitation.inviterName ? `${invitation.inviterName} invited you` : "You are invited"} to join{" "}
      <strong className="font-semibold text-slate-700">{invitation.orgName}</strong> as {invitation.role}.
    </>
  );
  if (invitation.status !== "pending") {
    return (
      <AuthCard title={`Join ${invitation.orgName}`} subtitle={intro} footer={<SignInLink />}>
        <Alert tone="error">{acceptError({ hint: CLOSED[invitation.status] })}</Alert>
      </AuthCard>
    );
  }

  const details = (
    <p className="mb-5 text-sm text-slate-600">
      <span className="font-medium text-slate-800">{invitation.role}:</span> {ROLE_SUMMARIES[invitation.role]} The link
      works until {orgFormatter(DEFAULT_ORG_FORMAT).dateTime(invitation.expiresAt)} UTC.
    </p>
  );
  const user = await getCurrentUser();
  if (user && user.email.toLowerCase() !== invitation.email) {
    return (
      <AuthCard title={`Join ${invitation.orgName}`} subtitle={intro}>
        <Alert tone="error">
          This invitation is for {invitation.email}, and you are signed in as {user.email}. Sign out, then open the link
          again.
        </Alert>
        <div className="mt-4 flex justify-center">
          <SignOutButton to="admin" />
        </div>
      </AuthCard>
    );
  }
  if (user) {
    return (
      <AuthCard title={`Join ${invitation.orgName}`} subtitle={intro}>
        {details}
        <AcceptInvitationForm token={token} orgName={invitation.orgName} />
      </AuthCard>
    );
  }
  if (invitation.setsPassword) {
    return (
      <AuthCard title="Choose your password" subtitle={intro}>
        {details}
        <ChoosePasswordForm token={token} email={invitation.email} orgName={invitation.orgName} />
      </AuthCard>
    );
  }
  const next = `/invitation?token=${encodeURIComponent(token)}`;
  return (
    <AuthCard
      title={`Join ${invitation.orgName}`}
      subtitle={intro}
      footer={
        <Link href="/login/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      }
    >
      {details}
      <p className="mb-4 text-sm text-slate-600">
        You already have a Partnerdesk account. Sign in as {invitation.email} to accept.
      </p>
      <Link
        href={`/login?next=${encodeURIComponent(next)}`}
        className="flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:outline-none"
      >
        Sign in to accept
      </Link>
    </AuthCard>
  );
}

function SignInLink() {
  return (
    <Link href="/login" className="font-medium text-brand-700 hover:underline">
      Go to sign-in
    </Link>
  );
}
