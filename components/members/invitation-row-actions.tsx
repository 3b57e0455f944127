"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { resendInvitation } from "@/lib/members/actions/resend-invitation";
import { revokeInvitation } from "@/lib/members/actions/revoke-invitation";

/** Resend (a new link, a new expiry) and revoke (after a confirmation) for one pending invitation. */
export function InvitationRowActions({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"resend" | "revoke" | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function run(kind: "resend" | "revoke") {
    if (kind === "revoke" && !window.confirm(`Revoke the invitation to ${email}? Its link stops working at once.`))
      return;
    setMessage(null);
    setBusy(kind);
    startTransition(async () => {
      const result =
        kind === "resend" ? await resendInvitation({ invitationId }) : await revokeInvitation({ invitationId });
      setBusy(null);
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      toast.success(kind === "resend" ? `Invitation sent to ${email} again.` : `Invitation to ${email} revoked.`);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-1 sm:items-end">
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          pending={pending && busy === "resend"}
          disabled={pending}
          onClick={() => run("resend")}
          aria-label={`Resend the invitation to ${email}`}
        >
          Resend
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50"
          pending={pending && busy === "revoke"}
          disabled={pending}
          onClick={() => run("revoke")}
          aria-label={`Revoke the invitation to ${email}`}
        >
          Revoke
        </Button>
      </div>
      {message && (
        <p role="alert" className="max-w-xs text-xs font-medium text-red-600 sm:text-right">
          {message}
        </p>
      )}
    </div>
  );
}
