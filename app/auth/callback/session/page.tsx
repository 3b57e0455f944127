import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkSession } from "@/components/auth/link-session";

export const metadata: Metadata = { title: "Signing in" };

/** /auth/callback sends links without a code here; the session, if any, is in the fragment. */
export default async function LinkSessionPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <AuthCard title="Welcome to Partnerdesk">
      <LinkSession next={next} />
    </AuthCard>
  );
}
