"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmEmailLink } from "@/lib/auth/actions/confirm-email-link";
import { askAgainFor } from "@/lib/auth/link-failure";

type Props = { tokenHash: string; type: "magiclink" | "invite" | "recovery" | "signup" | "email"; next?: string };

const LABELS: Record<Props["type"], string> = {
  magiclink: "Sign in",
  email: "Sign in",
  invite: "Accept invitation and sign in",
  signup: "Confirm email and sign in",
  recovery: "Continue to set a new password",
};

export function ConfirmLinkForm({ tokenHash, type, next }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string>();

  if (failure) {
    const again = askAgainFor(type === "recovery");
    return (
      <div className="space-y-4">
        <Alert tone="error" title="This link no longer works">
          {failure} Links work once, for 15 minutes.
        </Alert>
        <Link
          href={again.href}
          className="inline-flex h-10 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          {again.label}
        </Link>
      </div>
    );
  }

  return (
    <Button
      className="w-full"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await confirmEmailLink({ token_hash: tokenHash, type, next });
          if (result.ok) {
            router.replace(result.data.next);
            router.refresh();
          } else setFailure(result.error);
        })
      }
    >
      {LABELS[type]}
    </Button>
  );
}
