import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { Alert } from "@/components/ui/alert";
import { nextFromRedirectTo } from "@/lib/auth/callback-url";
import { confirmLinkSchema } from "@/lib/auth/schemas";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Confirm sign-in" };

/**
 * Where the project's own email templates link. Opening the page spends nothing: the
 * one-time token is verified only when the person presses the button. The templates pass
 * GoTrue's redirect_to along (the /auth/callback URL the request named); only the page
 * it asks for counts, and the action follows same-site paths only.
 */
export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const parsed = confirmLinkSchema.safeParse({
    token_hash: params.token_hash,
    type: params.type,
    next: params.next ?? nextFromRedirectTo(params.redirect_to),
  });
  if (!parsed.success) {
    return (
      <AuthCard title="This link is incomplete">
        <div className="space-y-4">
          <Alert tone="error">The link is missing its code. Open it again from the email, or ask for a new one.</Alert>
          <Link href="/portal/login" className="block text-center text-sm font-medium text-brand-700 hover:underline">
            Request a new sign-in link
          </Link>
        </div>
      </AuthCard>
    );
  }
  const { type } = parsed.data;
  const title =
    type === "recovery"
      ? "Reset your password"
      : type === "invite"
        ? "You're invited to Partnerdesk"
        : "Finish signing in";
  return (
    <AuthCard title={title} subtitle="Press the button to continue. The link works once.">
      <ConfirmLinkForm
        tokenHash={parsed.data.token_hash}
        type={type}
        next={safeNextPath(parsed.data.next, undefined)}
      />
    </AuthCard>
  );
}
