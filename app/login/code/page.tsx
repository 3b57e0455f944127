import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignInCodeForm } from "@/components/mfa/sign-in-code-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { STAFF_HOME } from "@/lib/auth/home-paths";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { getMfaStatus } from "@/lib/mfa/status";

export const metadata: Metadata = { title: "Enter your code" };

export default async function SignInCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next: raw } = await searchParams;
  const next = safeNextPath(typeof raw === "string" ? raw : undefined, undefined);
  const user = await getCurrentUser();
  if (!user) redirect(`/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  if (user.aal === "aal2" || !(await getMfaStatus()).hasVerifiedFactor) redirect(next ?? STAFF_HOME);
  return (
    <AuthCard
      title="Two-factor sign-in"
      subtitle={
        <>
          Signed in as <strong>{user.email}</strong>. Open your authenticator app and enter its code for Partnerdesk.
        </>
      }
      footer={
        <div className="space-y-2">
          <p>Lost your device? Ask an admin of your organization to reset it.</p>
          <SignOutButton to="admin" />
        </div>
      }
    >
      <SignInCodeForm next={next} />
    </AuthCard>
  );
}
