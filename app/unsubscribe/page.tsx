import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { verifyLink } from "@/lib/http/signed-link";
import { NOTIFICATION_EVENT_LABELS, isNotificationEventType } from "@/lib/notifications/event-types";
import { UNSUBSCRIBE_PURPOSE, unsubscribeTokenSchema } from "@/lib/notifications/email/unsubscribe-link";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

/**
 * Where an email's unsubscribe link leads. Opening it changes nothing (mail scanners
 * follow links); the button does, with no sign-in needed.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  const verified = verifyLink(token, UNSUBSCRIBE_PURPOSE, process.env.LINK_SIGNING_KEY);
  const parsed = verified.ok ? unsubscribeTokenSchema.safeParse(verified.data) : null;
  if (!parsed?.success) {
    return (
      <AuthCard title="This link does not work">
        <p className="text-sm text-slate-600">
          {verified.ok || verified.reason !== "expired"
            ? "The unsubscribe link is not valid. Use the link in your newest email, or sign in and change your notification settings."
            : "The unsubscribe link has expired. Use the link in your newest email, or sign in and change your notification settings."}
        </p>
      </AuthCard>
    );
  }
  const what =
    parsed.data.t === "*"
      ? "digest emails"
      : `emails about “${isNotificationEventType(parsed.data.t) ? NOTIFICATION_EVENT_LABELS[parsed.data.t] : parsed.data.t}”`;
  if (done) {
    return (
      <AuthCard title="You are unsubscribed">
        <p className="text-sm text-slate-600" role="status">
          You will get no more {what}. They still show in the bell when you sign in, where you can also turn them back
          on.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Unsubscribe">
      <form method="post" action={`/api/unsubscribe?token=${encodeURIComponent(token)}`} className="space-y-4">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <p className="text-sm text-slate-600">Stop {what}? You do not need to sign in.</p>
        <Button type="submit" className="w-full">
          Unsubscribe
        </Button>
      </form>
    </AuthCard>
  );
}
