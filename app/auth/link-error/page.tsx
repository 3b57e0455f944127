import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkFailureNotice } from "@/components/auth/link-failure-notice";
import { LINK_FAILURE_COPY, LINK_FAILURES, type LinkFailure } from "@/lib/auth/link-failure";

export const metadata: Metadata = { title: "Sign-in link" };

/** Where /auth/callback sends a link that did not sign anyone in, with what to do next. */
export default async function LinkErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const reason: LinkFailure = LINK_FAILURES.find((known) => known === params.reason) ?? "expired";
  return (
    <AuthCard title={LINK_FAILURE_COPY[reason].title}>
      <LinkFailureNotice reason={reason} next={params.next} />
    </AuthCard>
  );
}
